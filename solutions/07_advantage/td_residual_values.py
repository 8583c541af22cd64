"""The TD residual (reference solution).

delta_0 = 1 + 0.99 * 9.5 - 10.0 = 0.405
delta_4 = 1 + 0.99 * 0.0 - 6.5  = -5.5
"""

DELTA_0 = 0.405
DELTA_4 = -5.5
