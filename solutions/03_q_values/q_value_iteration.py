"""Q-value iteration with synchronous sweeps (reference solution)."""

import numpy as np


def q_value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    next_state = np.asarray(next_state, dtype=int)
    Q = np.zeros_like(R)
    while True:
        # Q.max(axis=1) is V(s'); indexing with next_state gives an (S, A) array of V(next).
        Q_new = R + gamma * Q.max(axis=1)[next_state]
        change = np.max(np.abs(Q_new - Q))
        Q = Q_new
        if change < epsilon:
            return Q
