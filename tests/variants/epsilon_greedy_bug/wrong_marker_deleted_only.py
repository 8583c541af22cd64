# expect: This looks like the greedy branch always returning action 0
"""epsilon_greedy_bug: the marker deleted, the bug left in."""

import numpy as np


def epsilon_greedy(Q, epsilon, rng):
    n_actions = len(Q)
    if rng.random() < epsilon:
        return int(rng.integers(n_actions))
    best_a = 0
    for a in range(n_actions):
        if Q[a] > Q[a]:
            best_a = a
    return best_a
