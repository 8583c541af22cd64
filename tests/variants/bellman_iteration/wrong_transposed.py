# expect: P used as P[s'][s] (transposed)
import numpy as np


def bellman_iteration(V, R, P, gamma):
    P = np.asarray(P, dtype=float)
    return np.asarray(R, dtype=float) + gamma * P.T @ np.asarray(V, dtype=float)
