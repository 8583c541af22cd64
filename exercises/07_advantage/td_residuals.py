"""TD residuals for a batch of steps, with episode ends.

The one-step TD residual of step t is

    delta_t = r_t + gamma * V(s_{t+1}) * (1 - done_t) - V(s_t)

done_t = 1 means the episode ended at step t: s_{t+1} is terminal (or already belongs to
the next episode), so nothing is bootstrapped from it. The reward r_t still counts.
Forgetting this mask is one of the most common bugs in actor-critic code: the value of a
state from the next episode leaks into this one.

Your task: write `td_residuals(rewards, values, next_values, gamma, dones=None)`.

    rewards      r_0 .. r_{T-1}                   (list or 1-D numpy array, length T)
    values       V(s_0) .. V(s_{T-1})             (length T)
    next_values  V(s_1) .. V(s_T), i.e. V(s_{t+1}) for each step t   (length T)
    gamma        the discount factor, 0 <= gamma <= 1
    dones        None (no episode ends in this batch), or length T of 0/1 or booleans

Return a float numpy array of length T. T may be 0 (return an empty array). Do not modify
the inputs.

Example: the second step ends its episode, so its next value (4.0) is ignored:

    td_residuals([1.0, 0.0], [2.0, 1.0], [1.0, 4.0], 0.5, dones=[0, 1])
        ->  array([-0.5, -1. ])

    delta_0 = 1 + 0.5 * 1.0 - 2.0 = -0.5,    delta_1 = 0 + 0 - 1.0 = -1.0
"""

import numpy as np


def td_residuals(rewards, values, next_values, gamma, dones=None):
    raise NotImplementedError
