"""Where does PPO's gradient go to zero?

Autograd computes this for you in practice, but knowing its shape tells you what PPO
does. Differentiate L_CLIP = min(r * A, clip(r, 1 - eps, 1 + eps) * A) with respect to r,
one sample at a time:

  * where the min selects the unclipped term r * A, the derivative is A;
  * where the min selects the clipped term and r is outside [1 - eps, 1 + eps], the clipped
    term is the constant (1 +/- eps) * A, so the derivative is 0.

Working through the four sign cases gives the rule this exercise uses:

    dL/dr = 0   if A > 0 and r > 1 + eps     (good action, already made more likely enough)
    dL/dr = 0   if A < 0 and r < 1 - eps     (bad action, already made less likely enough)
    dL/dr = A   otherwise

Boundary convention: at r exactly 1 + eps or 1 - eps both terms are equal; return A there
(the inequalities above are strict). With A = 0 the derivative is 0 either way.

Your task: write `ppo_clip_gradient(ratio, advantage, epsilon)`.

    ratio, advantage   same shape, (n,) (lists or numpy arrays)
    epsilon            e.g. 0.2

Return dL_CLIP/dr for every sample as a numpy array of the same shape. Do not modify the
inputs.

Example (eps = 0.2):
    ppo_clip_gradient([1.8, 1.3, 0.7, 0.5], [0.5, -0.5, 0.5, -0.5], 0.2)
        ->  array([ 0. , -0.5,  0.5,  0. ])
"""

import numpy as np


def ppo_clip_gradient(ratio, advantage, epsilon):
    raise NotImplementedError
