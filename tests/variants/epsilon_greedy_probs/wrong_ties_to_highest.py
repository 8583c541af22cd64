# expect: ties going to the highest index
import numpy as np


def epsilon_greedy_probs(Q, epsilon):
    Q = np.asarray(Q, dtype=float)
    n = len(Q)
    greedy = n - 1 - int(np.argmax(Q[::-1]))
    probs = np.full(n, epsilon / n)
    probs[greedy] += 1.0 - epsilon
    return probs
