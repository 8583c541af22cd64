# expect: `V_C` = 53.906 is not right
# not: cut off
"""bellman_values: a learner's slip."""

V_A = 56.23
V_B = 50.73
V_C = 53.906
