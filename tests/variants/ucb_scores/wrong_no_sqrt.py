# expect: the square root left out of the bonus
import numpy as np


def ucb_scores(Q, N, t, c):
    N = np.asarray(N, dtype=float)
    scores = np.full(len(N), np.inf)
    tried = N > 0
    scores[tried] = np.asarray(Q, dtype=float)[tried] + c * np.log(t) / N[tried]
    return scores
