# expect: the system solved with I + gamma P
# not: P transposed
"""bellman_values: a learner's slip."""

V_A = 9.05
V_B = 1.38
V_C = -0.24
