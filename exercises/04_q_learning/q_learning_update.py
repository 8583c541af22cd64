"""Q-learning update on a numpy table, with episode ends.

Now the table is a numpy array: Q[s, a] for states 0..S-1 and actions 0..A-1.

Episodes end. When the transition (s, a, r, s') ends the episode (done = True), there is
no future after s': the target is just r. Do not bootstrap from Q[s'] then; whatever it
holds says nothing about this episode.

    target  = r                                    if done
    target  = r + gamma * max over a' of Q[s', a']  otherwise
    Q[s, a] <- Q[s, a] + alpha * (target - Q[s, a])

Your task: write `q_learning_update(Q, s, a, r, s_next, alpha, gamma, done)`.

    Q       float numpy array of shape (S, A); UPDATE IT IN PLACE and return it
    s, a    ints: the state and the action taken
    r       float: the reward received
    s_next  int: the state reached
    alpha   learning rate, 0 < alpha <= 1
    gamma   discount factor, 0 <= gamma <= 1
    done    bool: True if this transition ended the episode

Only the entry Q[s, a] changes. Return Q itself (the same array you were given).

Example (the 2-state MDP: state 0 = S0, 1 = S1; action 0 = left, 1 = right):

    Q = np.zeros((2, 2))
    q_learning_update(Q, 0, 1, 5.0, 1, 0.1, 0.99, False)   # Q[0, 1] is now 0.5
"""

import numpy as np


def q_learning_update(Q, s, a, r, s_next, alpha, gamma, done):
    raise NotImplementedError
