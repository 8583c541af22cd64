# expect: returned the return of every step
import numpy as np


def discounted_return(rewards, gamma):
    G = np.zeros(len(rewards))
    future = 0.0
    for t in reversed(range(len(rewards))):
        future = rewards[t] + gamma * future
        G[t] = future
    return G
