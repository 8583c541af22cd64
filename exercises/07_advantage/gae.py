"""Generalized Advantage Estimation over a rollout.

GAE weights the TD residuals of the steps that follow by powers of gamma * lambda:

    A_t = delta_t + (gamma*lambda) * delta_{t+1} + (gamma*lambda)^2 * delta_{t+2} + ...

and is computed in one backward pass:

    A_t = delta_t + gamma * lambda * (1 - done_t) * A_{t+1}

A rollout (a batch of T consecutive steps) may hold the end of one episode and the start
of the next. At a step with done_t = 1 the episode ended: its residual does not bootstrap
from s_{t+1}, and the recursion starts afresh there, so advantages never leak across
episodes. The decay is gamma * lambda, not lambda alone.

Your task: write `gae(rewards, values, last_value, gamma, lam, dones=None)`.

    rewards     r_0 .. r_{T-1}               (list or 1-D numpy array, length T)
    values      V(s_0) .. V(s_{T-1})         (length T)
    last_value  V(s_T): the value of the state after the last step, for bootstrapping
                when the last step does not end its episode
    gamma, lam  discount and GAE lambda, both in [0, 1]
    dones       None (no episode ends in the rollout), or length T of 0/1 or booleans;
                dones[t] means the episode ended at step t

For each step t, the next state's value is values[t + 1], or last_value for t = T - 1, and

    delta_t = r_t + gamma * V(s_{t+1}) * (1 - done_t) - V(s_t)
    A_t     = delta_t + gamma * lam * (1 - done_t) * A_{t+1}        (with A_T = 0)

Return a float numpy array of the T advantages (not the returns A_t + V(s_t)). T may be 0.
Do not modify the inputs.

Checks on your own: lam = 0 gives the TD residuals; lam = 1 with no dones gives the
returns (bootstrapped from last_value) minus the values.

Examples:

    gae([1.0, 1.0], [0.0, 0.0], 0.0, 0.5, 1.0)               ->  array([1.5, 1. ])
    gae([1.0, 1.0], [0.0, 0.0], 0.0, 0.5, 1.0, dones=[1, 0])  ->  array([1., 1.])
"""

import numpy as np


def gae(rewards, values, last_value, gamma, lam, dones=None):
    raise NotImplementedError
