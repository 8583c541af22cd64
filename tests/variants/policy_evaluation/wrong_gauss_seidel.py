# expect: in-place (Gauss-Seidel) sweeps
import numpy as np


def policy_evaluation(P, R, pi, gamma, iterations):
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    V = np.zeros(R.shape[0])
    for _ in range(iterations):
        for s in range(len(V)):
            V[s] = sum(pi[s, a] * (R[s, a] + gamma * P[s, a] @ V) for a in range(R.shape[1]))
    return V
