# numpy in float32: the rewards times the powers of gamma, summed.
import numpy as np


def discounted_return(rewards, gamma):
    r = np.asarray(rewards, dtype=np.float32)
    return float(np.sum(r * np.float32(gamma) ** np.arange(len(r))))
