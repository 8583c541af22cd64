# expect: -softmax(theta) without the one-hot term
import numpy as np


def grad_log_softmax(theta, action):
    z = np.asarray(theta, dtype=float)
    p = np.exp(z - z.max())
    return -p / p.sum()
