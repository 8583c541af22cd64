# expect: -6.06, a slip that circulates
# not: the plain sum of the residuals
"""gae_by_hand: a learner's slip."""

ADV0_LAMBDA_0 = 0.405
ADV0_LAMBDA_1 = -6.06
ADV0_LAMBDA_095 = -5.03
