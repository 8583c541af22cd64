# expect: an empty episode gives an empty array
import numpy as np


def compute_returns(rewards, gamma):
    n = len(rewards)
    G = [0.0] * n
    G[n - 1] = rewards[n - 1]  # IndexError when the episode is empty
    for t in range(n - 2, -1, -1):
        G[t] = rewards[t] + gamma * G[t + 1]
    return np.array(G, dtype=float)
