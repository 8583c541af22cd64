# expect: returns with no discount
import numpy as np


def compute_returns(rewards, gamma):
    return np.cumsum(np.asarray(rewards, dtype=float)[::-1])[::-1]
