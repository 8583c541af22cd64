# expect: a sum over actions without the weights pi[s, a]
import numpy as np


def policy_evaluation(P, R, pi, gamma, iterations):
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    V = np.zeros(R.shape[0])
    for _ in range(iterations):
        V = (R + gamma * P @ V).sum(axis=1)
    return V
