# expect: returns shifted by one step
# Stores the running return before adding r_t: G[t] holds G_{t+1}.
import numpy as np


def compute_returns(rewards, gamma):
    r = np.asarray(rewards, dtype=float)
    G = np.zeros(len(r))
    future = 0.0
    for t in reversed(range(len(r))):
        G[t] = future
        future = r[t] + gamma * future
    return G
