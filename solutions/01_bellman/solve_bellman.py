"""Solve the Bellman equation exactly (reference solution)."""

import numpy as np


def solve_bellman(R, P, gamma):
    P = np.asarray(P, dtype=float)
    return np.linalg.solve(np.eye(len(P)) - gamma * P, np.asarray(R, dtype=float))
