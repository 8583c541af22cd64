"""The score function of a softmax policy (reference solution)."""

import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


def grad_log_softmax(theta, action):
    grad = -softmax(theta)
    grad[action] += 1.0
    return grad
