# expect: exp(1000) overflows
import numpy as np


def grad_log_softmax(theta, action):
    p = np.exp(np.asarray(theta, dtype=float))
    p = p / p.sum()
    return np.eye(len(p))[action] - p
