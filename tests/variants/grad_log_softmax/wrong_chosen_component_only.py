# expect: returned the single number
import numpy as np


def grad_log_softmax(theta, action):
    z = np.asarray(theta, dtype=float)
    p = np.exp(z - z.max())
    p /= p.sum()
    return 1.0 - p[action]
