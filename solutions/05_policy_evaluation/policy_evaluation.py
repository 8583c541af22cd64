"""Iterative policy evaluation (reference solution)."""

import numpy as np


def policy_evaluation(P, R, pi, gamma, iterations):
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    V = np.zeros(R.shape[0])
    for _ in range(iterations):
        Q = R + gamma * P @ V  # Q[s, a] = R[s, a] + gamma * sum_s' P[s, a, s'] V[s']
        V = (pi * Q).sum(axis=1)
    return V
