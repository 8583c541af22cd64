"""The PPO clipped objective, for a whole batch at once.

    L_CLIP = min( r * A ,  clip(r, 1 - eps, 1 + eps) * A )

for every sample, where r is the probability ratio pi_new / pi_old and A the advantage.
Note what is clipped: the RATIO r, never the advantage A. The min then picks the more
pessimistic of the two terms.

Your task: write `ppo_clip_objective(ratio, advantage, epsilon)`.

    ratio      probability ratios r, shape (n,) (list or numpy array; a plain float is
               allowed too)
    advantage  advantages A, same shape as ratio
    epsilon    clip range half-width, e.g. 0.2

Return L_CLIP for every sample, elementwise, as a numpy array of the same shape (for
scalar inputs a float or 0-d array is fine). Do not modify the inputs.

Example (eps = 0.2, so r is clipped to [0.8, 1.2]):
    ppo_clip_objective([1.5, 1.5, 0.5, 0.5, 1.1], [1.0, -1.0, 1.0, -1.0, 2.0], 0.2)
        ->  array([ 1.2, -1.5,  0.5, -0.8,  2.2])
"""

import numpy as np


def ppo_clip_objective(ratio, advantage, epsilon):
    raise NotImplementedError
