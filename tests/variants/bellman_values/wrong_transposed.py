# expect: P transposed
# not: I + gamma P
"""bellman_values: a learner's slip."""

V_A = 49.91
V_B = 55.4
V_C = 64.68
