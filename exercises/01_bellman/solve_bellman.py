"""Solve the Bellman equation exactly, for any small MDP.

In bellman_values you solved three Bellman equations by hand. Written for all states
at once they are one matrix equation,

    V = R + gamma * P @ V        which rearranges to        (I - gamma * P) V = R,

where I is the n x n identity matrix. For gamma < 1 the matrix I - gamma * P is always
invertible, so the values are unique. This is exact, and fine for a few thousand states;
for more, the matrix becomes too large and we iterate instead (next topic).

Your task: write `solve_bellman(R, P, gamma)`.

    R      rewards R(s), length n (a list or a numpy array)
    P      transition matrix, n x n, P[s][s'] = probability of moving from s to s'
           (row s sums to 1)
    gamma  discount factor, 0 <= gamma < 1

Return the exact values V as a numpy array of length n. Do not modify the inputs.
numpy.linalg.solve is the tool; there is no need to invert the matrix yourself.
Results within a relative error of 1e-6 are accepted.

Example (the 3-state MDP of bellman_values, here with gamma = 0.5):

    | State | R(s) | P(A|s) | P(B|s) | P(C|s) |
    |-------|------|--------|--------|--------|
    | A     | 10   | 0.0    | 0.8    | 0.2    |
    | B     | 2    | 0.1    | 0.0    | 0.9    |
    | C     | 5    | 0.6    | 0.3    | 0.1    |

    solve_bellman([10, 2, 5], P, 0.5)  ->  array([14.1445,  7.6276, 10.9342])
    solve_bellman([10, 2, 5], P, 0.0)  ->  array([10., 2., 5.])
"""

import numpy as np


def solve_bellman(R, P, gamma):
    raise NotImplementedError
