# expect: the exact fixed point
import numpy as np


def value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    V = np.zeros(len(R))
    for _ in range(5000):
        V = R + gamma * V[np.asarray(next_state)]
    return V
