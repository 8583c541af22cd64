"""The effective horizon as a function (reference solution)."""

import math


def effective_horizon(gamma):
    if gamma >= 1.0:
        return math.inf
    return 1.0 / (1.0 - gamma)
