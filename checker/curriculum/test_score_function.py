"""Hidden tests for score_function: d/d theta_1 log pi(a=0) for theta = [2, 1]."""

import math

from checker.curriculum.checks import Mistake, expect_answer

THETA = (2.0, 1.0)


def _pi0() -> float:
    return 1.0 / (1.0 + math.exp(THETA[1] - THETA[0]))


def test_score_of_action_0(learner):
    # Exact: 1 - pi(a=0) = pi(a=1) = exp(1) / (exp(2) + exp(1)), not a rounded 1 - 0.731.
    p = _pi0()
    expected = math.exp(THETA[1]) / (math.exp(THETA[0]) + math.exp(THETA[1]))
    mistakes = [
        Mistake("pi(a=0) itself; the score is 1 - pi(a=0).", p),
        Mistake("the derivative with respect to theta_2 (-pi(a=1)); the question asks about theta_1.", -expected),
        Mistake("the gradient of pi(a=0) (= pi (1 - pi)), not of log pi(a=0).", p * (1.0 - p)),
        Mistake("log pi(a=0), the log-probability itself rather than its derivative.", math.log(p)),
    ]
    expect_answer(learner, "SCORE", expected, decimals=3, mistakes=mistakes)
