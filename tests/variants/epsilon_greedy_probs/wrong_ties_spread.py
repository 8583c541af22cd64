# expect: the greedy probability spread over all tied actions
import numpy as np


def epsilon_greedy_probs(Q, epsilon):
    Q = np.asarray(Q, dtype=float)
    tied = Q == Q.max()
    probs = np.full(len(Q), epsilon / len(Q))
    probs[tied] += (1.0 - epsilon) / tied.sum()
    return probs
