# Pure Python, entry by entry; returns a list.
import math


def reinforce_gradient(theta, actions, returns):
    m = max(theta)
    e = [math.exp(t - m) for t in theta]
    pi = [x / sum(e) for x in e]
    grad = [0.0] * len(pi)
    for a, G in zip(actions, returns):
        for j in range(len(pi)):
            grad[j] += G * ((1.0 if j == a else 0.0) - pi[j])
    return grad
