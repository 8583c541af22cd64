# expect: exp(1000) overflows
# Shifts by the mean instead of the max: grad_log_softmax([1000.0, -1000.0], 0) is NaN.
import numpy as np


def grad_log_softmax(theta, action):
    z = np.asarray(theta, dtype=float)
    e = np.exp(z - z.mean())
    grad = -e / e.sum()
    grad[action] += 1.0
    return grad
