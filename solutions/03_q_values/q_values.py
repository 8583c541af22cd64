"""Optimal Q-values of the 2-state MDP (reference solution).

Guess right in S0 and left in S1: V0 = 5 + 0.9 V1, V1 = 2 + 0.9 V0, so
V0 = 6.8 / 0.19 = 35.789 and V1 = 2 + 0.9 V0 = 34.211. Then
Q(S0,left) = 1 + 0.9 V0 = 33.211 < 35.789 and Q(S1,right) = 0.9 V1 = 30.789 < 34.211:
the guess holds.
"""

Q_S0_RIGHT = 35.79
Q_S0_LEFT = 33.21
Q_S1_LEFT = 34.21
Q_S1_RIGHT = 30.79
