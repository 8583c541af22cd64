"""Upper Confidence Bound (reference solution).

UCB(2) = 4.0 + 2 * sqrt(ln(100) / 10) = 4.0 + 2 * sqrt(0.4605) = 4.0 + 1.357.
"""

UCB_ACTION_2 = 5.36
