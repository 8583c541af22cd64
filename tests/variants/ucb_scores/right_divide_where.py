# np.divide with where=: the division only happens where N > 0, so nothing warns; np.where
# then puts +inf on the untried actions.
import numpy as np


def ucb_scores(Q, N, t, c):
    N = np.asarray(N, dtype=float)
    ratio = np.divide(np.log(t), N, out=np.zeros(len(N)), where=N > 0)
    return np.where(N > 0, np.asarray(Q, dtype=float) + c * np.sqrt(ratio), np.inf)
