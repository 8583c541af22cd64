"""Hidden tests for bellman_myopic: V(A) of the 3-state MDP at gamma = 0.1."""

import numpy as np

from checker.curriculum.checks import Mistake, expect_answer
from checker.curriculum.mdps import THREE_STATE_P, THREE_STATE_R

GAMMA = 0.1


def _exact(gamma: float, P: np.ndarray) -> np.ndarray:
    return np.linalg.solve(np.eye(3) - gamma * P, THREE_STATE_R)


def _mistakes() -> list[Mistake]:
    one_step = THREE_STATE_R + GAMMA * THREE_STATE_P @ THREE_STATE_R
    return [
        Mistake("the immediate reward only, which is the value for gamma = 0. "
                "With gamma = 0.1 the future still adds a little.", THREE_STATE_R[0]),
        Mistake("one look-ahead step with V(B) = 2 and V(C) = 5. Those neighbours have a future too: "
                "solve the whole system instead of plugging in their rewards.", one_step[0]),
        Mistake("P transposed: row s of P holds P(s'|s), so V(s) uses row s, not column s.",
                _exact(GAMMA, THREE_STATE_P.T)[0]),
        Mistake("the value for gamma = 0.9 from the previous exercise; this one uses gamma = 0.1.",
                _exact(0.9, THREE_STATE_P)[0]),
    ]


def test_value_of_A_with_gamma_0_1(learner):
    expect_answer(learner, "V_A", _exact(GAMMA, THREE_STATE_P)[0], mistakes=_mistakes())
