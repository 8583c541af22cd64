# expect: the sign is flipped
import numpy as np


def grad_log_softmax(theta, action):
    z = np.asarray(theta, dtype=float)
    p = np.exp(z - z.max())
    p /= p.sum()
    g = p.copy()
    g[action] -= 1.0
    return g
