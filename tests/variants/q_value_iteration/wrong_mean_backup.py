# expect: the mean over the next state's actions
import numpy as np


def q_value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    nxt = np.asarray(next_state)
    Q = np.zeros_like(R)
    while True:
        Q_new = R + gamma * Q.mean(axis=1)[nxt]
        change = np.abs(Q_new - Q).max()
        Q = Q_new
        if change < epsilon:
            return Q
