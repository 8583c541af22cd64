# expect: the expected walk length from S5 or S7
# not: the shortest path
"""random_vs_optimal: a learner's slip."""

STEPS_RANDOM = 16
DISCOUNT_OPTIMAL = 0.729
V_RANDOM_S0 = 0.204
