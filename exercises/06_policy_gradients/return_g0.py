"""The return G_t: how good was everything that followed?

REINFORCE weights each action's score by the return that followed it. The return from
step t is the discounted sum of all rewards from t to the end of the episode:

    G_t = r_t + gamma * r_{t+1} + gamma^2 * r_{t+2} + ... + gamma^(T-1-t) * r_{T-1}

where T is the number of steps, so the rewards are r_0 .. r_{T-1}. The current reward r_t
counts in full (gamma^0 = 1); each step further into the future adds one more factor of
gamma.

A 5-step trajectory (T = 5), gamma = 0.99:

    | t   | 0 | 1 | 2 | 3 | 4 |
    |-----|---|---|---|---|---|
    | r_t | 1 | 0 | 1 | 0 | 1 |

Your task: compute G_0, the return from step 0, and assign it to G0. Answers within
0.0005 of the exact value are accepted (three decimals).
"""

G0 = ...
