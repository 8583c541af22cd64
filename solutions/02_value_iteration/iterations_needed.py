"""Sweeps until the change drops below 0.01 (reference solution).

The change of sweep k is gamma**(k-1); the first k with gamma**(k-1) < 0.01 is
45 for gamma = 0.9 (0.9**44 = 0.0097) and 460 for gamma = 0.99 (0.99**459 = 0.009921).
"""

SWEEPS_GAMMA_0_9 = 45
SWEEPS_GAMMA_0_99 = 460
