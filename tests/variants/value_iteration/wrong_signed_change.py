# expect: a stopping test on the signed change
import numpy as np


def value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    V = np.zeros(len(R))
    while True:
        V_new = R + gamma * V[np.asarray(next_state)]
        change = np.max(V_new - V)
        V = V_new
        if change < epsilon:
            return V
