"""One Bellman backup: the step every value method repeats.

Solving the linear system works for three states, not for millions. Instead we start from
a guess V and improve it with one *backup* for every state at once:

    V_new(s) = R(s) + gamma * sum over s' of P[s][s'] * V(s')

The backup is *synchronous*: every V_new(s) is computed from the old V. Do not write into
V while you sweep, or later states would see a mix of old and new values.

Your task: write `bellman_iteration(V, R, P, gamma)`.

    V      current values, length n (a list or a numpy array)
    R      rewards R(s), length n
    P      transition matrix, n x n, P[s][s'] = probability of moving from s to s'
    gamma  discount factor, 0 <= gamma <= 1

Return the new values as a numpy array of length n. Do not modify V.

Example (the 3-state MDP of bellman_values, starting from V = 0):

    bellman_iteration([0, 0, 0], [10, 2, 5], P, 0.9)  ->  array([10., 2., 5.])
"""

import numpy as np


def bellman_iteration(V, R, P, gamma):
    raise NotImplementedError
