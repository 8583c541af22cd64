# Vectorised with einsum instead of @.
import numpy as np


def bellman_iteration(V, R, P, gamma):
    return np.asarray(R, dtype=float) + gamma * np.einsum("st,t->s", np.asarray(P, dtype=float),
                                                          np.asarray(V, dtype=float))
