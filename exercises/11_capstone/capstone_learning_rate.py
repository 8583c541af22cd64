"""Capstone: the learning rate.

You train the CNN + MLP policy of the robot arm with PPO and the Adam optimizer. Which
learning rate do you start with?

    A) 0.1
    B) 3e-4
    C) 1e-6

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "A".
"""

ANSWER = "?"
