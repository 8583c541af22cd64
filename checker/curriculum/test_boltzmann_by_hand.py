"""Hidden tests for boltzmann_by_hand: pi(action 1) for Q = [3, 5, 1] at tau = 2 and 0.1."""

import math

from checker.curriculum.checks import Mistake, expect_answer

Q = [3.0, 5.0, 1.0]


def _pi(action: int, weights: list[float]) -> float:
    return weights[action] / sum(weights)


def _boltzmann(action: int, tau: float) -> float:
    # Shift by the largest exponent so tau = 0.1 stays finite.
    top = max(q / tau for q in Q)
    return _pi(action, [math.exp(q / tau - top) for q in Q])


def test_pi_1_at_tau_2(learner):
    expect_answer(learner, "PI_1", _boltzmann(1, 2.0), mistakes=[
        Mistake("Q multiplied by tau: the exponent is Q / tau.", _pi(1, [math.exp(q * 2.0) for q in Q])),
        Mistake("Q / sum(Q): the probabilities use exp(Q / tau), not Q itself.", _pi(1, Q)),
        Mistake("the uniform policy, the tau -> infinity limit.", 1.0 / 3.0),
        Mistake("tau left out (softmax of Q).", _pi(1, [math.exp(q) for q in Q])),
    ])


def test_pi_1_at_low_temperature(learner):
    expect_answer(learner, "PI_1_COLD", _boltzmann(1, 0.1), mistakes=[
        Mistake("Q multiplied by tau: the exponent is Q / tau = [30, 50, 10].",
                _pi(1, [math.exp(q * 0.1) for q in Q])),
        Mistake("the uniform policy: a LOW temperature makes Boltzmann nearly greedy.", 1.0 / 3.0),
        Mistake("the value at tau = 2; here tau = 0.1.", _boltzmann(1, 2.0)),
    ])
