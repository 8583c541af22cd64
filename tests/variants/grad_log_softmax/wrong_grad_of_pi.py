# expect: the gradient of pi(a) (= pi(a) * (onehot - pi)), not of log pi(a)
import numpy as np


def grad_log_softmax(theta, action):
    z = np.asarray(theta, dtype=float)
    p = np.exp(z - z.max())
    p /= p.sum()
    return p[action] * (np.eye(len(p))[action] - p)
