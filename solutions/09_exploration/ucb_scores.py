"""UCB scores for every action, including the ones never tried (reference solution)."""

import numpy as np


def ucb_scores(Q, N, t, c):
    Q = np.asarray(Q, dtype=float)
    N = np.asarray(N, dtype=float)
    scores = np.full(len(Q), np.inf)
    tried = N > 0
    scores[tried] = Q[tried] + c * np.sqrt(np.log(t) / N[tried])
    return scores
