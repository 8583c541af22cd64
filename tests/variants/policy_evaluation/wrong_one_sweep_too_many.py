# expect: one sweep too many
import numpy as np


def policy_evaluation(P, R, pi, gamma, iterations):
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    V = np.zeros(R.shape[0])
    for _ in range(iterations + 1):
        V = (pi * (R + gamma * P @ V)).sum(axis=1)
    return V
