"""Hidden tests for bellman_myopic: V(A) of the 3-state MDP at gamma = 0.1."""

import numpy as np

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips
from checker.curriculum.mdps import THREE_STATE_P, THREE_STATE_R

GAMMA = 0.1


def _solve(matrix: np.ndarray) -> np.ndarray:
    return np.linalg.solve(matrix, THREE_STATE_R)


def _series(gamma: float) -> np.ndarray:
    # V = sum over k of (gamma P)^k R, summed until the terms vanish: independent of a solver.
    V, term = np.zeros(3), THREE_STATE_R.copy()
    while np.max(np.abs(term)) > 1e-15:
        V, term = V + term, gamma * THREE_STATE_P @ term
    return V


def _answer() -> Answer:
    exact = _series(GAMMA)[0]
    identity = np.eye(3)
    one_step = THREE_STATE_R + GAMMA * THREE_STATE_P @ THREE_STATE_R
    slips = [
        Mistake("the immediate reward only, which is the value for gamma = 0. "
                "With gamma = 0.1 the future still adds a little.", THREE_STATE_R[0]),
        Mistake("one look-ahead step with V(B) = 2 and V(C) = 5. Those neighbours have a future too: "
                "solve the whole system instead of plugging in their rewards.", one_step[0]),
        Mistake("P transposed: row s of P holds P(s'|s), so V(s) uses row s, not column s.",
                _solve(identity - GAMMA * THREE_STATE_P.T)[0]),
        Mistake("the system solved with I + gamma P. Moving gamma P V to the left side flips its sign: "
                "(I - gamma P) V = R.", _solve(identity + GAMMA * THREE_STATE_P)[0]),
        Mistake("the value for gamma = 0.9 (the exercise bellman_values); this one uses gamma = 0.1.",
                _series(0.9)[0]),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


ANSWERS = {"V_A": _answer()}


def test_value_of_A_with_gamma_0_1(learner):
    """V_A, the value of A at gamma 0.1"""
    check_answer(learner, "V_A", ANSWERS["V_A"])
