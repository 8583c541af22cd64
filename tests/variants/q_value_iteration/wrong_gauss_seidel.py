# expect: an in-place (Gauss-Seidel) sweep
import numpy as np


def q_value_iteration(R, next_state, gamma, epsilon):
    R = np.asarray(R, dtype=float)
    nxt = np.asarray(next_state)
    Q = np.zeros_like(R)
    while True:
        change = 0.0
        for s in range(R.shape[0]):
            for a in range(R.shape[1]):
                new = R[s, a] + gamma * Q[nxt[s, a]].max()
                change = max(change, abs(new - Q[s, a]))
                Q[s, a] = new
        if change < epsilon:
            return Q
