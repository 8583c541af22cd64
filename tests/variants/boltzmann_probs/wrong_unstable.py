# expect: This looks like an unstable softmax
import numpy as np


def boltzmann_probs(Q, tau):
    e = np.exp(np.asarray(Q, dtype=float) / tau)
    return e / e.sum()
