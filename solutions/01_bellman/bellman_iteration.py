"""One Bellman backup (reference solution)."""

import numpy as np


def bellman_iteration(V, R, P, gamma):
    V = np.asarray(V, dtype=float)
    return np.asarray(R, dtype=float) + gamma * np.asarray(P, dtype=float) @ V
