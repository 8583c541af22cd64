"""Q-learning: the TD error (reference solution).

target = 5 + 0.9 * max(8, 6) = 12.2;  delta = 12.2 - 10 = +2.2
Q(S0, right) = 10 + 0.1 * 2.2 = 10.22
"""

TD_ERROR = 2.2
Q_AFTER = 10.22
