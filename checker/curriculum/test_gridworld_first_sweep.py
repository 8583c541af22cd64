"""Hidden tests for gridworld_first_sweep: V_1(S7) and V_1(S5) under the uniform policy."""

import numpy as np

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips
from checker.curriculum.ref_gridworld import (
    ACTIONS, GAMMA, TERMINAL, evaluate, gridworld_model, next_state, uniform_policy,
)

EXERCISE = "gridworld_first_sweep"  # its picture: checker.curriculum.pictures


def _sweep_with_goal_value(goal_value: float) -> np.ndarray:
    # One sweep from V_0 where S8 (wrongly) holds goal_value, e.g. 10 = 1 / (1 - 0.9).
    P, R = gridworld_model()
    V0 = np.zeros(9)
    V0[TERMINAL] = goal_value
    return np.array([sum(0.25 * (R[s, a] + GAMMA * P[s, a] @ V0) for a in range(4)) for s in range(9)])


def _answer(s: int) -> Answer:
    P, R = gridworld_model()
    exact = evaluate(P, R, uniform_policy(), GAMMA, 1)[s]
    real_moves = [a for a in ACTIONS if next_state(s, a) != s]
    slips = [
        Mistake("the reward of the best action alone: the uniform policy takes each action with "
                "probability 0.25, so weight every action's outcome by 0.25.", R[s].max()),
        Mistake("the reward discounted by gamma: the reward of the move into S8 is immediate, "
                "only V_0(s') is discounted.", 0.25 * GAMMA * R[s].max()),
        Mistake("the move into the wall left out: the policy picks each of the FOUR actions with "
                "probability 0.25, and bumping into the wall is one of them (reward 0).", 1.0 / len(real_moves)),
        Mistake("a value of 10 for S8: S8 is terminal, V(S8) = 0; the +1 is the reward of the move into it.",
                _sweep_with_goal_value(10.0)[s]),
        Mistake("a sweep without the reward for entering S8.", 0.0),
        Mistake("a percentage: write the value itself, 0.25 of a reward of 1 is 0.25, not 25.", 100 * exact),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


ANSWERS = {"V1_S7": _answer(7), "V1_S5": _answer(5)}


def test_value_of_s7_after_one_sweep(learner):
    """V1_S7, the value of S7 after one sweep"""
    check_answer(learner, "V1_S7", ANSWERS["V1_S7"], picture=answer_picture(learner, EXERCISE))


def test_value_of_s5_after_one_sweep(learner):
    """V1_S5, the value of S5 after one sweep"""
    check_answer(learner, "V1_S5", ANSWERS["V1_S5"], picture=answer_picture(learner, EXERCISE))
