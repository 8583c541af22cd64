# einsum for both the expectation over s' and over actions.
import numpy as np


def policy_evaluation(P, R, pi, gamma, iterations):
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    V = np.zeros(R.shape[0])
    for _ in range(iterations):
        V = np.einsum("sa,sa->s", pi, R) + gamma * np.einsum("sa,sat,t->s", pi, P, V)
    return V
