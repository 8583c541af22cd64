"""Hidden tests for softmax_prob: pi(a=0) of a two-action softmax with theta = [2, 1]."""

import math

from checker.curriculum.checks import Mistake, expect_answer

THETA = (2.0, 1.0)


def test_probability_of_action_0(learner):
    # Written as a logistic function of the logit difference, not as a softmax over a vector.
    expected = 1.0 / (1.0 + math.exp(THETA[1] - THETA[0]))
    mistakes = [
        Mistake("pi(a=1|s), the probability of the other action.", 1.0 - expected),
        Mistake("theta_1 / (theta_1 + theta_2): the logits must go through exp before normalising.",
                THETA[0] / (THETA[0] + THETA[1])),
        Mistake("exp(theta_1) without dividing by the sum of both exponentials.", math.exp(THETA[0])),
        Mistake("a 50/50 split, which only equal logits would give.", 0.5),
    ]
    expect_answer(learner, "PI_A0", expected, decimals=3, mistakes=mistakes)
