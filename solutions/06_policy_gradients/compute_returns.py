"""Every return of an episode, in one backward pass (reference solution)."""

import numpy as np


def compute_returns(rewards, gamma):
    rewards = np.asarray(rewards, dtype=float)
    G = np.zeros(len(rewards))
    future = 0.0
    for t in reversed(range(len(rewards))):
        future = rewards[t] + gamma * future
        G[t] = future
    return G
