# Pure Python: shift by max(Q) before dividing by tau (the same shift, scaled); a list.
import math


def boltzmann_probs(Q, tau):
    m = max(Q)
    w = [math.exp((q - m) / tau) for q in Q]
    s = sum(w)
    return [x / s for x in w]
