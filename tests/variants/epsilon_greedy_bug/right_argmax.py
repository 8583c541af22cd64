"""epsilon_greedy_bug: the greedy branch with numpy."""

import numpy as np


def epsilon_greedy(Q, epsilon, rng):
    n_actions = len(Q)
    if rng.random() < epsilon:
        return int(rng.integers(n_actions))
    return int(np.argmax(Q))
