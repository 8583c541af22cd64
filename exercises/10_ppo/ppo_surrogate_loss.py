"""The PPO loss you hand to the optimizer.

In code, PPO never stores probabilities, only log-probabilities: log pi_old(a|s) is saved
when the rollout is collected, and log pi_new(a|s) is recomputed by the current network.
The ratio comes from their difference:

    r = pi_new / pi_old = exp( log pi_new - log pi_old )

Optimizers MINIMISE, and PPO wants to MAXIMISE the mean of L_CLIP over the batch, so the
loss is its negative mean:

    loss = - mean over samples of  min( r * A ,  clip(r, 1 - eps, 1 + eps) * A )

Your task: write `ppo_surrogate_loss(new_logp, old_logp, advantages, epsilon)`.

    new_logp    log pi_new(a_t | s_t) per sample, shape (n,), n >= 1 (list or array)
    old_logp    log pi_old(a_t | s_t) per sample, shape (n,)
    advantages  A_t per sample, shape (n,)
    epsilon     e.g. 0.2

Return the loss as a single float. Do not modify the inputs.

Example: with new_logp equal to old_logp every ratio is 1, so
    ppo_surrogate_loss([-1.0, -2.0], [-1.0, -2.0], [1.0, 3.0], 0.2)  ->  -2.0
"""

import numpy as np


def ppo_surrogate_loss(new_logp, old_logp, advantages, epsilon):
    raise NotImplementedError
