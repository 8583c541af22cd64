"""Find the bug: an epsilon-greedy agent that exploits the wrong action (reference solution).

`Q[a] > Q[a]` compared each value with itself, so best_a stayed 0. Compare with the best so far.
"""

import numpy as np


def epsilon_greedy(Q, epsilon, rng):
    n_actions = len(Q)
    if rng.random() < epsilon:
        return int(rng.integers(n_actions))
    best_a = 0
    for a in range(n_actions):
        if Q[a] > Q[best_a]:
            best_a = a
    return best_a
