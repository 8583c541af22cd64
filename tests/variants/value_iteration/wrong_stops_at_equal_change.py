# expect: the values from before the last sweep
# `<=` where the exercise says "strictly below": value_iteration([1.0], [0], 0.5, 0.5) stops
# after sweep 2 (change exactly 0.5) and returns [1.5] instead of [1.75].
import numpy as np


def value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    V = np.zeros(len(R))
    while True:
        V_new = R + gamma * V[np.asarray(next_state)]
        change = np.max(np.abs(V_new - V))
        V = V_new
        if change <= epsilon:
            return V
