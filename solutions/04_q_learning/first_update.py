"""Q-learning: your first update (reference solution).

target = 5 + 0.99 * max(Q(S1, left), Q(S1, right)) = 5 + 0.99 * 0 = 5
Q(S0, right) = 0 + 0.1 * (5 - 0) = 0.5
"""

Q_S0_RIGHT = 0.5
