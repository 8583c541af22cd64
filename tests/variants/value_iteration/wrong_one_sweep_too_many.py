# expect: one sweep too many
# Notices the small change, but only stops after one more sweep.
import numpy as np


def value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    V = np.zeros(len(R))
    stop = False
    while True:
        V_new = R + gamma * V[np.asarray(next_state)]
        change = np.max(np.abs(V_new - V))
        V = V_new
        if stop:
            return V
        stop = change < epsilon
