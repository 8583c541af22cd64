# expect: the scores summed without weighting by the returns
import numpy as np


def reinforce_gradient(theta, actions, returns):
    z = np.asarray(theta, dtype=float)
    pi = np.exp(z - z.max())
    pi /= pi.sum()
    g = np.zeros(len(pi))
    for a, G in zip(actions, returns):
        g += np.eye(len(pi))[a] - pi
    return g
