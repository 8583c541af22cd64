# expect: (I - gamma P) multiplied with R
import numpy as np


def solve_bellman(R, P, gamma):
    P = np.array(P, dtype=float)
    return (np.eye(len(P)) - gamma * P) @ np.array(R, dtype=float)
