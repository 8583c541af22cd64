# expect: the values from before the last sweep
import numpy as np


def value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    V = np.zeros(len(R))
    while True:
        V_new = R + gamma * V[np.asarray(next_state)]
        if np.max(np.abs(V_new - V)) < epsilon:
            return V
        V = V_new
