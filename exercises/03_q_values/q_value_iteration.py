"""Q-value iteration: value iteration on the action values.

Value iteration works on Q just as well as on V. Start from Q = 0 for every
(state, action) pair and sweep, again and again:

    Q_new[s][a] = R[s][a] + gamma * max over a' of Q[next_state[s][a]][a']

As before, every sweep is synchronous: all of Q_new comes from the previous sweep's Q.
After each sweep measure change = max over (s, a) of |Q_new[s][a] - Q[s][a]|, replace Q
by Q_new, and stop after the first sweep whose change is strictly below epsilon.

Your task: write `q_value_iteration(R, next_state, gamma, epsilon)`.

    R           rewards, shape (S, A): R[s][a] for taking action a in state s
                (a list of lists or a numpy array)
    next_state  deterministic successors, shape (S, A), integers in 0..S-1
    gamma       discount factor, 0 <= gamma < 1
    epsilon     stopping threshold, > 0

Return Q after the last sweep as a numpy array of shape (S, A): one value per state AND
action, not one per state. Do not modify the inputs. Results within a relative error of
1e-6 are accepted.

Example, the 2-state MDP of this topic, with actions 0 = left and 1 = right:

    | State | Action    | Reward | Next state |
    |-------|-----------|--------|------------|
    | S0    | left  (0) | +1     | S0         |
    | S0    | right (1) | +5     | S1         |
    | S1    | left  (0) | +2     | S0         |
    | S1    | right (1) | 0      | S1         |

    R = [[1, 5], [2, 0]]
    next_state = [[0, 1], [0, 1]]
    q_value_iteration(R, next_state, 0.5, 1e-8)
        ->  array([[5., 8.],
                   [6., 3.]])         (to within 1e-8: the sweeps approach Q* at gamma = 0.5)
"""

import numpy as np


def q_value_iteration(R, next_state, gamma, epsilon):
    raise NotImplementedError
