# expect: Q multiplied by tau
import numpy as np


def boltzmann_probs(Q, tau):
    z = np.asarray(Q, dtype=float) * tau
    e = np.exp(z - z.max())
    return e / e.sum()
