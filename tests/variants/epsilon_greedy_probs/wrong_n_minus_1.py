# expect: epsilon / (n - 1) for the other actions
import numpy as np


def epsilon_greedy_probs(Q, epsilon):
    n = len(Q)
    probs = np.full(n, epsilon / (n - 1) if n > 1 else 0.0)
    probs[int(np.argmax(Q))] = 1.0 - epsilon
    return probs
