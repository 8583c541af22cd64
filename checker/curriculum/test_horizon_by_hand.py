"""Hidden tests for horizon_by_hand: H = 1 / (1 - gamma) at gamma = 0.995."""

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips

GAMMA = 0.995


def _answer() -> Answer:
    # The limit of the partial sums of gamma^k, summed until the terms no longer matter.
    exact = sum(GAMMA**k for k in range(20_000))
    slips = [
        Mistake("gamma / (1 - gamma), the series without its first term: H = 1 / (1 - gamma).", GAMMA / (1.0 - GAMMA)),
        Mistake("1 / gamma; the horizon is 1 / (1 - gamma).", 1.0 / GAMMA),
        Mistake("1 - gamma, the per-step discount loss; the horizon is its inverse, 1 / (1 - gamma).", 1.0 - GAMMA),
        Mistake("a slipped decimal point: 1 - 0.995 = 0.005, and 1 / 0.005 is ten times more than 1 / 0.05.",
                1.0 / (10 * (1.0 - GAMMA))),
        Mistake("a slipped decimal point: 1 - 0.995 = 0.005, and 1 / 0.005 is ten times less than 1 / 0.0005.",
                1.0 / ((1.0 - GAMMA) / 10)),
        *rounding_slips(exact, 0),
    ]
    return Answer(exact, decimals=0, slips=slips)


ANSWERS = {"HORIZON": _answer()}


def test_effective_horizon_at_gamma_0995(learner):
    """HORIZON, the effective horizon at gamma 0.995"""
    check_answer(learner, "HORIZON", ANSWERS["HORIZON"])
