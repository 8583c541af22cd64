# expect: one sweep too few
import numpy as np


def policy_evaluation(P, R, pi, gamma, iterations):
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    V = np.zeros(R.shape[0])
    for _ in range(1, iterations):
        V = (pi * (R + gamma * P @ V)).sum(axis=1)
    return V
