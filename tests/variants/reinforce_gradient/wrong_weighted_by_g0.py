# expect: every step weighted by G_0
import numpy as np


def reinforce_gradient(theta, actions, returns):
    z = np.asarray(theta, dtype=float)
    pi = np.exp(z - z.max())
    pi /= pi.sum()
    g = np.zeros(len(pi))
    for a in actions:
        g += returns[0] * (np.eye(len(pi))[a] - pi)
    return g
