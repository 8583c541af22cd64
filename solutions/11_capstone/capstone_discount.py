"""Capstone: the discount factor (reference solution).

gamma = 0.99: horizon 1 / (1 - 0.99) = 100 steps, and 0.99^100 = 0.37 of the grasp reward
still reaches the first step.
"""

ANSWER = "C"
