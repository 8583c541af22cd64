# expect: cut off after 2 decimals instead of rounded
"""bellman_values: a learner's slip."""

V_A = 56.23
V_B = 50.73
V_C = 53.91
