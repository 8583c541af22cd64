"""The effective horizon (reference solution).

1 / (1 - 0.995) = 1 / 0.005 = 200 steps.
"""

HORIZON = 200
