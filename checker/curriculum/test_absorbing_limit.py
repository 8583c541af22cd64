"""Hidden tests for absorbing_limit: the value V(S3) converges to, 1 / (1 - gamma)."""

from checker.curriculum.checks import Mistake, expect_answer
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_values import exact_values, value_sweeps

GAMMA = 0.9


def test_limit_of_absorbing_state(learner):
    limit = exact_values(CHAIN_R, CHAIN_NEXT, GAMMA)[3]
    V = value_sweeps(CHAIN_R, CHAIN_NEXT, GAMMA, epsilon=1e-9)
    expect_answer(
        learner,
        "V_S3_LIMIT",
        limit,
        mistakes=[
            Mistake("the one-step reward. S3 pays +1 on every step, forever.", CHAIN_R[3]),
            Mistake("gamma / (1 - gamma), the future without the reward collected now. "
                    "The sum starts at 0.9**0 = 1.", GAMMA / (1 - GAMMA)),
            Mistake("V_4(S3), still far from the limit: the series keeps growing for many sweeps.", V[4][3]),
            Mistake("1 / (1 + gamma); the geometric series 1 + g + g**2 + ... sums to 1 / (1 - g).", 1 / (1 + GAMMA)),
        ],
    )
