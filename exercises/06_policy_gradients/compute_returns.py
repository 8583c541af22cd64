"""Every return of an episode, in one backward pass.

REINFORCE needs the return G_t at every step t of an episode:

    G_t = r_t + gamma * r_{t+1} + gamma^2 * r_{t+2} + ... + gamma^(T-1-t) * r_{T-1}

Summing each one from scratch costs O(T^2). The returns share their tails, so compute
them backwards instead, from the last step to the first:

    G_{T-1} = r_{T-1}                     (the last step: no future rewards)
    G_t     = r_t + gamma * G_{t+1}       (for t = T-2 down to 0)

The current reward r_t is never discounted; gamma multiplies only what comes after it.

Your task: write `compute_returns(rewards, gamma)`.

    rewards  the rewards r_0 .. r_{T-1} of one episode: a list or 1-D numpy array of T
             numbers (they may be ints; T may be 0)
    gamma    the discount factor, 0 <= gamma <= 1

Return a float numpy array of length T holding G_0 .. G_{T-1}. An empty episode gives an
empty array. Do not modify `rewards`.

Example, gamma = 0.5:

    compute_returns([1, 2, 3], 0.5)  ->  array([2.75, 3.5 , 3.  ])

    G_2 = 3,  G_1 = 2 + 0.5 * 3 = 3.5,  G_0 = 1 + 0.5 * 3.5 = 2.75
"""

import numpy as np


def compute_returns(rewards, gamma):
    raise NotImplementedError
