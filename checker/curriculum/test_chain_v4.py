"""Hidden tests for chain_v4: V_4(S0) of value iteration on the 4-state chain."""

from checker.curriculum.checks import Mistake, expect_answer
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_values import exact_values, value_sweeps

GAMMA = 0.9


def test_value_of_S0_after_iteration_4(learner):
    V = value_sweeps(CHAIN_R, CHAIN_NEXT, GAMMA, epsilon=1e-9)
    expect_answer(
        learner,
        "V4_S0",
        V[4][0],
        decimals=3,
        mistakes=[
            Mistake("V_3(S0), the value before iteration 4. One more backup: V_4(S0) = R(S0) + 0.9 * V_3(S1).", V[3][0]),
            Mistake("a backup without gamma: R(S0) + V_3(S1). Every step toward the goal costs a factor 0.9.",
                    CHAIN_R[0] + V[3][1]),
            Mistake("R(S0) + 0.9 * V_4(S1), using the new value of S1. A synchronous sweep reads only V_3.",
                    CHAIN_R[0] + GAMMA * V[4][1]),
            Mistake("the limit of V(S0) after infinitely many sweeps, 0.9**3 / (1 - 0.9). After 4 sweeps it has just "
                    "started to grow.", exact_values(CHAIN_R, CHAIN_NEXT, GAMMA)[0]),
        ],
    )
