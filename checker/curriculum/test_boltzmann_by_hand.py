"""Hidden tests for boltzmann_by_hand: pi(action 1) for Q = [3, 5, 1] at tau = 2 and 0.1."""

import math

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips

EXERCISE = "boltzmann_by_hand"  # its picture: checker.curriculum.pictures

Q = [3.0, 5.0, 1.0]
PERCENT = "a percentage: a probability is a number between 0 and 1."


def _pi(action: int, weights: list[float]) -> float:
    return weights[action] / sum(weights)


def _boltzmann(action: int, tau: float) -> float:
    # Shift by the largest exponent so tau = 0.1 stays finite.
    top = max(q / tau for q in Q)
    return _pi(action, [math.exp(q / tau - top) for q in Q])


def _warm() -> Answer:
    exact = _boltzmann(1, 2.0)
    slips = [
        Mistake("Q multiplied by tau: the exponent is Q / tau.", _pi(1, [math.exp(q * 2.0) for q in Q])),
        Mistake("Q / sum(Q): the probabilities use exp(Q / tau), not Q itself.", _pi(1, Q)),
        Mistake("the uniform policy, the tau -> infinity limit.", 1.0 / 3.0),
        Mistake("tau left out (softmax of Q).", _pi(1, [math.exp(q) for q in Q])),
        Mistake("exp(Q(1) / tau) without dividing by the sum over all three actions.", math.exp(Q[1] / 2.0)),
        Mistake("the probability of action 0; action 1 is the one with Q = 5.", _boltzmann(0, 2.0)),
        Mistake(PERCENT, 100 * exact),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


def _cold() -> Answer:
    exact = _boltzmann(1, 0.1)
    slips = [
        Mistake("Q multiplied by tau: the exponent is Q / tau = [30, 50, 10].",
                _pi(1, [math.exp(q * 0.1) for q in Q])),
        Mistake("the uniform policy: a LOW temperature makes Boltzmann nearly greedy.", 1.0 / 3.0),
        Mistake("the value at tau = 2; here tau = 0.1.", _boltzmann(1, 2.0)),
        Mistake("0.99: the probability is 1 - 2e-9, so close to 1 that it is 1.00 at two decimals.", 0.99),
        Mistake("the probability of action 0; action 1 is the one with Q = 5.", _boltzmann(0, 0.1)),
        Mistake(PERCENT, 100 * exact),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


ANSWERS = {"PI_1": _warm(), "PI_1_COLD": _cold()}


def test_pi_1_at_tau_2(learner):
    """PI_1, pi(action 1) at tau 2"""
    check_answer(learner, "PI_1", ANSWERS["PI_1"], picture=answer_picture(learner, EXERCISE))


def test_pi_1_at_low_temperature(learner):
    """PI_1_COLD, pi(action 1) at tau 0.1"""
    check_answer(learner, "PI_1_COLD", ANSWERS["PI_1_COLD"], picture=answer_picture(learner, EXERCISE))
