# expect: an in-place (Gauss-Seidel) sweep
# Sweeps over a copy of V, but writes each new value back before the next state reads it.
import numpy as np


def bellman_iteration(V, R, P, gamma):
    V = np.array(V, dtype=float)
    P = np.asarray(P, dtype=float)
    for s in range(len(V)):
        V[s] = R[s] + gamma * np.dot(P[s], V)
    return V
