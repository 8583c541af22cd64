# Builds I - gamma P with list comprehensions and multiplies by its inverse; returns a list.
import numpy as np


def solve_bellman(R, P, gamma):
    n = len(R)
    M = [[(1.0 if i == j else 0.0) - gamma * P[i][j] for j in range(n)] for i in range(n)]
    return list(np.linalg.inv(np.array(M)) @ np.array(R, dtype=np.float64))
