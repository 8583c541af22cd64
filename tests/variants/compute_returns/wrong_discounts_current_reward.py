# expect: the current reward discounted too
# not: G_t without its own reward
import numpy as np


def compute_returns(rewards, gamma):
    r = np.asarray(rewards, dtype=float)
    G = np.zeros(len(r))
    future = 0.0
    for t in reversed(range(len(r))):
        future = gamma * (r[t] + future)
        G[t] = future
    return G
