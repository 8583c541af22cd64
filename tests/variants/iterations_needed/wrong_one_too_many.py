# expect: one sweep too many
# not: the estimate log(1/epsilon)
"""iterations_needed: a learner's slip."""

SWEEPS_GAMMA_0_9 = 46
SWEEPS_GAMMA_0_99 = 460
