# expect: the plain sum of the residuals
# not: -6.06
"""gae_by_hand: a learner's slip."""

ADV0_LAMBDA_0 = 0.405
ADV0_LAMBDA_1 = -6.31
ADV0_LAMBDA_095 = -5.03
