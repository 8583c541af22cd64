"""Value iteration with synchronous sweeps (reference solution)."""

import numpy as np


def value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    next_state = np.asarray(next_state, dtype=int)
    V = np.zeros_like(R)
    while True:
        V_new = R + gamma * V[next_state]
        change = np.max(np.abs(V_new - V))
        V = V_new
        if change < epsilon:
            return V
