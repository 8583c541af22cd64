# No linear solver: repeat the backup until it stops moving (a contraction for gamma < 1).
import numpy as np


def solve_bellman(R, P, gamma):
    R = np.asarray(R, dtype=float)
    P = np.asarray(P, dtype=float)
    V = np.zeros_like(R)
    while True:
        new = R + gamma * P @ V
        if np.max(np.abs(new - V)) <= 1e-12 * (1.0 + np.max(np.abs(new))):
            return new
        V = new
