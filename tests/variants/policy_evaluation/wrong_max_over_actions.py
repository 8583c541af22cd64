# expect: the max over actions (value iteration)
import numpy as np


def policy_evaluation(P, R, pi, gamma, iterations):
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    V = np.zeros(R.shape[0])
    for _ in range(iterations):
        V = (R + gamma * P @ V).max(axis=1)
    return V
