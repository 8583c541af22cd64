"""REINFORCE: the policy gradient from one episode (reference solution)."""

import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


def reinforce_gradient(theta, actions, returns):
    pi = softmax(theta)
    grad = np.zeros(len(pi))
    for a, G in zip(actions, returns):
        score = -pi.copy()
        score[a] += 1.0
        grad += G * score
    return grad
