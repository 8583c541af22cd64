# expect: the reward masked too
import numpy as np


def td_residuals(rewards, values, next_values, gamma, dones=None):
    live = np.ones(len(rewards)) if dones is None else 1.0 - np.asarray(dones, dtype=float)
    r, v, nv = (np.asarray(x, dtype=float) for x in (rewards, values, next_values))
    return (r + gamma * nv) * live - v
