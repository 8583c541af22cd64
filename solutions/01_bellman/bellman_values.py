"""The Bellman equation: how valuable is each state? (reference solution)

numpy.linalg.solve(I - 0.9 * P, R), rounded to two decimals as a learner would write it.
"""

V_A = 56.23
V_B = 50.73
V_C = 53.92
