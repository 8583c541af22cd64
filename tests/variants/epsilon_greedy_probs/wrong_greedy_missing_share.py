# expect: the greedy action missing its epsilon / n share
import numpy as np


def epsilon_greedy_probs(Q, epsilon):
    probs = np.full(len(Q), epsilon / len(Q))
    probs[np.argmax(Q)] = 1.0 - epsilon
    return probs
