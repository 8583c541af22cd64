# Plain lists, built backwards and reversed at the end.
import numpy as np


def compute_returns(rewards, gamma):
    out, future = [], 0.0
    for r in reversed(list(rewards)):
        future = float(r) + gamma * future
        out.append(future)
    return np.array(out[::-1], dtype=float)
