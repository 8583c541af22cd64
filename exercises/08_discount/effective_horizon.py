"""The effective horizon as a function.

The effective horizon of a discount factor is

    H(gamma) = 1 / (1 - gamma)

the sum 1 + gamma + gamma^2 + ... : roughly how many steps ahead the agent looks.
gamma = 0.9 gives 10 steps, gamma = 0.99 gives 100, gamma = 0.999 gives 1000.

At gamma = 1 nothing is discounted and the horizon is unbounded. Dividing by zero there
would crash (a Python float raises ZeroDivisionError), so return math.inf instead.

Your task: write `effective_horizon(gamma)`.

    gamma  the discount factor, 0 <= gamma <= 1

Return H as a float; math.inf when gamma == 1.

Examples:

    effective_horizon(0.9)  ->  10.0   (up to float rounding: 9.999999999999998 is fine)
    effective_horizon(0.0)  ->  1.0    (only the current reward counts)
    effective_horizon(1.0)  ->  inf
"""

import math


def effective_horizon(gamma):
    raise NotImplementedError
