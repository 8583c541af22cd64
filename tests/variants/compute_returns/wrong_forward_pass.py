# expect: a forward cumulative sum: G_t sums
# not: a forward cumulative sum without discount
import numpy as np


def compute_returns(rewards, gamma):
    r = np.asarray(rewards, dtype=float)
    G = np.zeros(len(r))
    acc = 0.0
    for t in range(len(r)):
        acc = r[t] + gamma * acc
        G[t] = acc
    return G
