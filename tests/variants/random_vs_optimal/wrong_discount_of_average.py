# expect: gamma**(average walk length - 1)
# not: gamma**27
"""random_vs_optimal: a learner's slip."""

STEPS_RANDOM = 27.0
DISCOUNT_OPTIMAL = 0.729
V_RANDOM_S0 = 0.0646
