"""Value iteration: repeat the backup until the values stop moving.

Put the pieces together. Start from V = 0 and sweep over all states, again and again:

    V_new(s) = R(s) + gamma * V(next_state[s])

Each sweep is synchronous: every V_new(s) is computed from the V of the previous sweep,
never from values already updated in the current sweep. After each sweep measure

    change = max over s of |V_new(s) - V(s)|

then replace V by V_new. Stop after the first sweep whose change is strictly below
epsilon, and return V as it is after that sweep. Do not return the exact fixed point:
the point of this exercise is the iterate the algorithm stops at.

Your task: write `value_iteration(R, next_state, gamma, epsilon)`.

    R           rewards R(s), length n (a list or a numpy array)
    next_state  deterministic successor of each state, length n, integers in 0..n-1
    gamma       discount factor, 0 <= gamma < 1
    epsilon     stopping threshold, > 0

Return V after the last sweep, as a numpy array of length n. Do not modify the inputs.
Results within a relative error of 1e-6 are accepted.

Example, the chain of chain_v4:

    | State     | Reward | Next state      |
    |-----------|--------|-----------------|
    | S0        | 0      | S1              |
    | S1        | 0      | S2              |
    | S2        | 0      | S3              |
    | S3 (goal) | +1     | S3 (absorbing)  |

    value_iteration([0, 0, 0, 1], [1, 2, 3, 3], 0.9, 0.5)
        ->  array([2.9853, 3.7953, 4.6953, 5.6953])   (8 sweeps; the change of sweep 8
                                                        is 0.9**7 = 0.478 < 0.5)
"""

import numpy as np


def value_iteration(R, next_state, gamma, epsilon):
    raise NotImplementedError
