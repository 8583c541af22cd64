# expect: the bug of q_update_fix: Q[s, a] + alpha * target
import numpy as np


def q_learning_update(Q, s, a, r, s_next, alpha, gamma, done):
    target = r + (0 if done else gamma * np.max(Q[s_next]))
    Q[s, a] = Q[s, a] + alpha * target
    return Q
