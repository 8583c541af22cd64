# expect: the estimate log(1/epsilon) / (1 - gamma)
# not: one sweep too many
"""iterations_needed: a learner's slip."""

SWEEPS_GAMMA_0_9 = 47
SWEEPS_GAMMA_0_99 = 460
