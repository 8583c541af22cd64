# expect: This looks like an unstable softmax
# Shifts by the mean of Q / tau instead of the max: boltzmann_probs([1000.0, 0.0], 0.01)
# computes exp(50000) = inf and returns NaN.
import numpy as np


def boltzmann_probs(Q, tau):
    z = np.asarray(Q, dtype=float) / tau
    e = np.exp(z - z.mean())
    return e / e.sum()
