# expect: is not a whole number
# not: partial rollout
"""capstone_gradient_updates: a learner's slip."""

UPDATES_FULL_BATCH = 9764.4
UPDATES_MINIBATCH_64 = 312448
