"""Capstone: design an RL system for a robot arm that picks objects from a bin.

You have learned the math; now put it together. The task: a robot arm must learn to pick
up objects from a bin. It sees a 128x128 RGB camera image and its 6 joint angles, and it
controls the 6 joints. An episode ends after at most 100 steps, and the main reward comes
when the grasp succeeds, near the end of the episode. The next exercises choose the
hyperparameters, estimate the compute and design the training loop.

First choice: the discount factor gamma. Its effective horizon is about 1 / (1 - gamma)
steps, and a reward k steps ahead is weighted by gamma^k.

Which gamma fits 100-step episodes with the reward at the end?

    A) gamma = 0.9
    B) gamma = 0.95
    C) gamma = 0.99
    D) gamma = 0.9999

Your task: set ANSWER to the letter of your choice, e.g. ANSWER = "A".
"""

ANSWER = "?"
