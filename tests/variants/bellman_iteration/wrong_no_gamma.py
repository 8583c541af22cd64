# expect: a backup without gamma
import numpy as np


def bellman_iteration(V, R, P, gamma):
    return np.asarray(R, dtype=float) + np.asarray(P, dtype=float) @ np.asarray(V, dtype=float)
