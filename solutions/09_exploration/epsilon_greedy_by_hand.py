"""Epsilon-greedy: explore a little, exploit the rest of the time (reference solution).

pi(greedy) = (1 - 0.1) + 0.1 / 4 and pi(other) = 0.1 / 4.
"""

P_ACTION_2 = 0.925
P_ACTION_0 = 0.025
