"""The probability of every action under epsilon-greedy (reference solution)."""

import numpy as np


def epsilon_greedy_probs(Q, epsilon):
    Q = np.asarray(Q, dtype=float)
    probs = np.full(len(Q), epsilon / len(Q))
    probs[np.argmax(Q)] += 1.0 - epsilon
    return probs
