# expect: signed change
# Stops on max(Q_new - Q) instead of max |Q_new - Q|: with all-negative rewards the values
# only go down, so it stops after the first sweep.
import numpy as np


def q_value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    nxt = np.asarray(next_state)
    Q = np.zeros_like(R)
    while True:
        Q_new = R + gamma * Q.max(axis=1)[nxt]
        change = (Q_new - Q).max()
        Q = Q_new
        if change < epsilon:
            return Q
