"""Hidden tests for bellman_values: the 3-state MDP at gamma = 0.9."""

import numpy as np

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips
from checker.curriculum.mdps import THREE_STATE_P, THREE_STATE_R

GAMMA = 0.9
NAMES = ("V_A", "V_B", "V_C")


def _solve(matrix: np.ndarray) -> np.ndarray:
    return np.linalg.solve(matrix, THREE_STATE_R)


def _iterated(gamma: float) -> np.ndarray:
    # The fixed point by repeated backups, independent of the linear solve a learner uses.
    V = np.zeros(3)
    for _ in range(2000):
        V = THREE_STATE_R + gamma * THREE_STATE_P @ V
    return V


def _answer(index: int) -> Answer:
    exact = _iterated(GAMMA)[index]
    identity = np.eye(3)
    slips = [
        Mistake("P transposed: row s of P holds P(s'|s), so V(s) uses row s, not column s.",
                _solve(identity - GAMMA * THREE_STATE_P.T)[index]),
        Mistake("the system solved with I + gamma P. Moving gamma P V from the right side to the left "
                "flips its sign: (I - gamma P) V = R.", _solve(identity + GAMMA * THREE_STATE_P)[index]),
        Mistake("the immediate reward only: the value also counts all future rewards.", THREE_STATE_R[index]),
        Mistake("one look-ahead step, R + gamma P R: the neighbours' values are more than their rewards. "
                "Solve the whole system.", (THREE_STATE_R + GAMMA * THREE_STATE_P @ THREE_STATE_R)[index]),
        Mistake("(I - gamma P) multiplied with R: the equation (I - gamma P) V = R has to be solved for V.",
                ((identity - GAMMA * THREE_STATE_P) @ THREE_STATE_R)[index]),
        Mistake("R / (1 - gamma), the value of collecting the same reward forever without leaving the state.",
                THREE_STATE_R[index] / (1 - GAMMA)),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


ANSWERS = {name: _answer(i) for i, name in enumerate(NAMES)}


def test_value_of_A(learner):
    """V_A, the value of A at gamma 0.9"""
    check_answer(learner, "V_A", ANSWERS["V_A"])


def test_value_of_B(learner):
    """V_B, the value of B at gamma 0.9"""
    check_answer(learner, "V_B", ANSWERS["V_B"])


def test_value_of_C(learner):
    """V_C, the value of C at gamma 0.9"""
    check_answer(learner, "V_C", ANSWERS["V_C"])
