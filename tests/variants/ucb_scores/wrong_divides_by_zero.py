# expect: dividing by zero visits
import numpy as np


def ucb_scores(Q, N, t, c):
    return np.asarray(Q, dtype=float) + c * np.sqrt(np.log(t) / np.asarray(N, dtype=float))
