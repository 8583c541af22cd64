# expect: dividing by zero visits before masking them out
# np.where picks +inf for N = 0, but both branches are computed first: numpy warns.
import numpy as np


def ucb_scores(Q, N, t, c):
    N = np.asarray(N, dtype=float)
    return np.where(N == 0, np.inf, np.asarray(Q, dtype=float) + c * np.sqrt(np.log(t) / N))
