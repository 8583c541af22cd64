# expect: which are not integers
import numpy as np


def greedy_policy(Q):
    Q = np.asarray(Q, dtype=float)
    policy = np.zeros(len(Q))
    for s in range(len(Q)):
        policy[s] = np.argmax(Q[s])
    return policy
