# expect: a missing terminal mask
import numpy as np


def q_learning_update(Q, s, a, r, s_next, alpha, gamma, done):
    Q[s, a] += alpha * (r + gamma * np.max(Q[s_next]) - Q[s, a])
    return Q
