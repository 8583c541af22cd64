# expect: the mean over steps instead of the sum
import numpy as np


def reinforce_gradient(theta, actions, returns):
    z = np.asarray(theta, dtype=float)
    pi = np.exp(z - z.max())
    pi /= pi.sum()
    if len(actions) == 0:
        return np.zeros(len(pi))
    onehots = np.eye(len(pi))[np.asarray(actions, dtype=int)]
    return (np.asarray(returns, dtype=float)[:, None] * (onehots - pi)).mean(axis=0)
