# Vectorised in float32.
import numpy as np


def bellman_iteration(V, R, P, gamma):
    return (np.asarray(R, dtype=np.float32)
            + np.float32(gamma) * np.asarray(P, dtype=np.float32) @ np.asarray(V, dtype=np.float32))
