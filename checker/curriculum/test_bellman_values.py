"""Hidden tests for bellman_values: the 3-state MDP at gamma = 0.9."""

import numpy as np

from checker.curriculum.checks import Mistake, expect_answer
from checker.curriculum.mdps import THREE_STATE_P, THREE_STATE_R

GAMMA = 0.9


def _exact(gamma: float) -> np.ndarray:
    return np.linalg.solve(np.eye(3) - gamma * THREE_STATE_P, THREE_STATE_R)


def _mistakes(index: int) -> list[Mistake]:
    # Transposing P (using P[s', s]) is the classic slip when building I - gamma P by hand.
    transposed = np.linalg.solve(np.eye(3) - GAMMA * THREE_STATE_P.T, THREE_STATE_R)
    return [
        Mistake("P transposed: row s of P holds P(s'|s), so V(s) uses row s, not column s.", transposed[index]),
        Mistake("the immediate reward only: the value also counts all future rewards.", THREE_STATE_R[index]),
    ]


def test_value_of_A(learner):
    expect_answer(learner, "V_A", _exact(GAMMA)[0], mistakes=_mistakes(0))


def test_value_of_B(learner):
    expect_answer(learner, "V_B", _exact(GAMMA)[1], mistakes=_mistakes(1))


def test_value_of_C(learner):
    expect_answer(learner, "V_C", _exact(GAMMA)[2], mistakes=_mistakes(2))
