# expect: gamma**4: the +1 is the reward of move 4
# not: no discount
"""random_vs_optimal: a learner's slip."""

STEPS_RANDOM = 27.0
DISCOUNT_OPTIMAL = 0.6561
V_RANDOM_S0 = 0.204
