# expect: changed its input #2 in place
# Q = np.asarray(R) does not copy a float array, so `Q +=` writes into the caller's R.
import numpy as np


def policy_evaluation(P, R, pi, gamma, iterations):
    P, pi = np.asarray(P, dtype=float), np.asarray(pi, dtype=float)
    V = np.zeros(len(R))
    for _ in range(iterations):
        Q = np.asarray(R, dtype=float)
        Q += gamma * P @ V
        V = (pi * Q).sum(axis=1)
    return V
