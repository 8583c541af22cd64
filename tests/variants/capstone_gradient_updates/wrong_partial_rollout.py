# expect: the last, partial rollout (0.4 of one) counted
# not: not a whole number
"""capstone_gradient_updates: a learner's slip."""

UPDATES_FULL_BATCH = 9766
UPDATES_MINIBATCH_64 = 312448
