# expect: an in-place (Gauss-Seidel) sweep
import numpy as np


def value_iteration(R, next_state, gamma, epsilon):
    V = np.zeros(len(R))
    while True:
        change = 0.0
        for s in range(len(R)):
            new = R[s] + gamma * V[next_state[s]]
            change = max(change, abs(new - V[s]))
            V[s] = new
        if change < epsilon:
            return V
