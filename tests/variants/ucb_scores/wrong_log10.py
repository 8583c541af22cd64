# expect: log base 10 instead of the natural log
import numpy as np


def ucb_scores(Q, N, t, c):
    N = np.asarray(N, dtype=float)
    scores = np.full(len(N), np.inf)
    tried = N > 0
    scores[tried] = np.asarray(Q, dtype=float)[tried] + c * np.sqrt(np.log10(t) / N[tried])
    return scores
