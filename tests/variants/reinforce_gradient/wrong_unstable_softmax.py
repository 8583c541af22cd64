# expect: Your result contains NaN or infinity
# exp(theta) without the max shift: reinforce_gradient([1000.0, 999.0], [0], [1.0]) is NaN.
import numpy as np


def reinforce_gradient(theta, actions, returns):
    pi = np.exp(np.asarray(theta, dtype=float))
    pi /= pi.sum()
    grad = np.zeros(len(pi))
    for a, G in zip(actions, returns):
        grad += G * (np.eye(len(pi))[a] - pi)
    return grad
