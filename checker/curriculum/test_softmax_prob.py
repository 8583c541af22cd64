"""Hidden tests for softmax_prob: pi(a=0) of a two-action softmax with theta = [2, 1]."""

import math

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips

THETA = (2.0, 1.0)


def _answer() -> Answer:
    # Written as a logistic function of the logit difference, not as a softmax over a vector.
    exact = 1.0 / (1.0 + math.exp(THETA[1] - THETA[0]))
    slips = [
        Mistake("pi(a=1|s), the probability of the other action.", 1.0 - exact),
        Mistake("theta_1 / (theta_1 + theta_2): the logits must go through exp before normalising.",
                THETA[0] / (THETA[0] + THETA[1])),
        Mistake("exp(theta_1) without dividing by the sum of both exponentials.", math.exp(THETA[0])),
        Mistake("the sigmoid of theta_1 alone, 1 / (1 + exp(-2)): the softmax depends on the difference "
                "theta_1 - theta_2.", 1.0 / (1.0 + math.exp(-THETA[0]))),
        Mistake("a 50/50 split, which only equal logits would give.", 0.5),
        Mistake("a percentage: a probability is a number between 0 and 1.", 100 * exact),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"PI_A0": _answer()}


def test_probability_of_action_0(learner):
    """PI_A0, the probability of action 0"""
    check_answer(learner, "PI_A0", ANSWERS["PI_A0"])
