# Pure Python with math; a list with float("inf") for untried actions.
import math


def ucb_scores(Q, N, t, c):
    return [float("inf") if n == 0 else q + c * math.sqrt(math.log(t) / n) for q, n in zip(Q, N)]
