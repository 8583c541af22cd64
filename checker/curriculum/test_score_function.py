"""Hidden tests for score_function: d/d theta_1 log pi(a=0) for theta = [2, 1]."""

import math

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips

THETA = (2.0, 1.0)


def _pi0() -> float:
    return 1.0 / (1.0 + math.exp(THETA[1] - THETA[0]))


def _answer() -> Answer:
    # Exact: 1 - pi(a=0) = pi(a=1) = exp(1) / (exp(2) + exp(1)), not a rounded 1 - 0.731.
    p = _pi0()
    exact = math.exp(THETA[1]) / (math.exp(THETA[0]) + math.exp(THETA[1]))
    slips = [
        Mistake("pi(a=0) itself; the score is 1 - pi(a=0).", p),
        Mistake("the derivative with respect to theta_2 (-pi(a=1)); the question asks about theta_1.", -exact),
        Mistake("the gradient of pi(a=0) (= pi (1 - pi)), not of log pi(a=0).", p * (1.0 - p)),
        Mistake("log pi(a=0), the log-probability itself rather than its derivative.", math.log(p)),
        Mistake("1 / pi(a=0): the derivative of log x is 1/x, but here x = pi(a=0) depends on theta_1 "
                "through the softmax; differentiate theta_1 - log(exp(theta_1) + exp(theta_2)).", 1.0 / p),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"SCORE": _answer()}


def test_score_of_action_0(learner):
    """SCORE, d/d theta_1 of log pi(a=0)"""
    check_answer(learner, "SCORE", ANSWERS["SCORE"])
