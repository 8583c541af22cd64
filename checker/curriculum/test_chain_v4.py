"""Hidden tests for chain_v4: V_4(S0) of value iteration on the 4-state chain."""

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_values import exact_values, value_sweeps

EXERCISE = "chain_v4"  # its picture: checker.curriculum.pictures

GAMMA = 0.9


def _answer() -> Answer:
    V = value_sweeps(CHAIN_R, CHAIN_NEXT, GAMMA, epsilon=1e-9)
    exact = V[4][0]
    slips = [
        Mistake("V_3(S0), the value before iteration 4. One more backup: V_4(S0) = R(S0) + 0.9 * V_3(S1).", V[3][0]),
        Mistake("a backup without gamma: R(S0) + V_3(S1). Every step toward the goal costs a factor 0.9.",
                CHAIN_R[0] + V[3][1]),
        Mistake("R(S0) + 0.9 * V_4(S1), using the new value of S1. A synchronous sweep reads only V_3.",
                CHAIN_R[0] + GAMMA * V[4][1]),
        Mistake("V_4(S1), the value of S1 after iteration 4; the question asks for S0.", V[4][1]),
        Mistake("0.9**4: S0 is three moves from S3, and the reward of S3 is collected on arriving there, "
                "so it is discounted three times, not four.", GAMMA**4),
        Mistake("the limit of V(S0) after infinitely many sweeps, 0.9**3 / (1 - 0.9). After 4 sweeps it has just "
                "started to grow.", exact_values(CHAIN_R, CHAIN_NEXT, GAMMA)[0]),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"V4_S0": _answer()}


def test_value_of_S0_after_iteration_4(learner):
    """V4_S0, the value of S0 after iteration 4"""
    check_answer(learner, "V4_S0", ANSWERS["V4_S0"], picture=answer_picture(learner, EXERCISE))
