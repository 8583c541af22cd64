# expect: tau left out
import numpy as np


def boltzmann_probs(Q, tau):
    z = np.asarray(Q, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()
