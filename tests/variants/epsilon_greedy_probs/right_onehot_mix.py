# A mixture of two distributions: (1 - epsilon) * onehot(greedy) + epsilon * uniform.
import numpy as np


def epsilon_greedy_probs(Q, epsilon):
    n = len(Q)
    return (1.0 - epsilon) * np.eye(n)[np.argmax(Q)] + epsilon * np.ones(n) / n
