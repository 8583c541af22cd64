# Pure Python loops with math.exp; returns a list.
import math


def grad_log_softmax(theta, action):
    m = max(theta)
    e = [math.exp(t - m) for t in theta]
    s = sum(e)
    return [(1.0 if j == action else 0.0) - e[j] / s for j in range(len(theta))]
