"""A short-sighted agent (reference solution).

numpy.linalg.solve(I - 0.1 * P, R) = [10.3248, 2.6213, 5.7557].
"""

V_A = 10.32
