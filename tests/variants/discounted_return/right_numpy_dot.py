# numpy: dot product with the vector of discount powers.
import numpy as np


def discounted_return(rewards, gamma):
    r = np.asarray(rewards, dtype=float)
    return float(np.dot(r, gamma ** np.arange(len(r))))
