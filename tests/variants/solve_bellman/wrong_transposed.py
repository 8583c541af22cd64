# expect: P used as P[s'][s] (transposed)
import numpy as np


def solve_bellman(R, P, gamma):
    P = np.array(P, dtype=float)
    return np.linalg.solve(np.eye(len(P)) - gamma * P.T, np.array(R, dtype=float))
