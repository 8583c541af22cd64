# expect: a single backup R + gamma P R
import numpy as np


def solve_bellman(R, P, gamma):
    R = np.asarray(R, dtype=float)
    return R + gamma * np.asarray(P, dtype=float) @ R
