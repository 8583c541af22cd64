"""Capstone: gradient updates (reference solution).

5,000,000 // 2048 = 2441 whole rollouts. Full batch: 2441 * 4 = 9764.
Minibatches of 64: 2048 / 64 = 32 per epoch, 2441 * 4 * 32 = 312,448.
"""

UPDATES_FULL_BATCH = 9764
UPDATES_MINIBATCH_64 = 312448
