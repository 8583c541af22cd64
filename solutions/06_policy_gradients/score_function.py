"""The score function: which way to push theta (reference solution).

1 - pi(a=0) = 1 - 0.7311 = 0.2689
"""

SCORE = 0.269
