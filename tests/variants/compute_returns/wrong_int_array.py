# expect: an integer result array
import numpy as np


def compute_returns(rewards, gamma):
    G = np.zeros_like(rewards)
    future = 0.0
    for t in reversed(range(len(rewards))):
        future = rewards[t] + gamma * future
        G[t] = future
    return G
