"""Hidden tests for absorbing_limit: the value V(S3) converges to, 1 / (1 - gamma)."""

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_values import exact_values, value_sweeps

EXERCISE = "absorbing_limit"  # its picture: checker.curriculum.pictures

GAMMA = 0.9


def _answer() -> Answer:
    limit = exact_values(CHAIN_R, CHAIN_NEXT, GAMMA)
    V = value_sweeps(CHAIN_R, CHAIN_NEXT, GAMMA, epsilon=1e-9)
    slips = [
        Mistake("the one-step reward. S3 pays +1 on every step, forever.", CHAIN_R[3]),
        Mistake("gamma / (1 - gamma), the future without the reward collected now. "
                "The sum starts at 0.9**0 = 1.", GAMMA / (1 - GAMMA)),
        Mistake("V_4(S3), still far from the limit: the series keeps growing for many sweeps.", V[4][3]),
        Mistake("1 / (1 + gamma); the geometric series 1 + g + g**2 + ... sums to 1 / (1 - g).", 1 / (1 + GAMMA)),
        Mistake("the limit of V(S0), three discounted steps away from S3; the question asks for S3 itself.",
                limit[0]),
        Mistake("1 / gamma: the fixed point of V = 1 + 0.9 V is V (1 - 0.9) = 1.", 1 / GAMMA),
        *rounding_slips(limit[3], 2),
    ]
    return Answer(limit[3], decimals=2, slips=slips)


ANSWERS = {"V_S3_LIMIT": _answer()}


def test_limit_of_absorbing_state(learner):
    """V_S3_LIMIT, the value S3 converges to"""
    check_answer(learner, "V_S3_LIMIT", ANSWERS["V_S3_LIMIT"], picture=answer_picture(learner, EXERCISE))
