"""Hidden tests for horizon_by_hand: H = 1 / (1 - gamma) at gamma = 0.995."""

from checker.curriculum.checks import Mistake, expect_answer

GAMMA = 0.995


def test_effective_horizon_at_gamma_0995(learner):
    # The limit of the partial sums of gamma^k, summed until the terms no longer matter.
    expected = sum(GAMMA**k for k in range(20_000))
    mistakes = [
        Mistake("gamma / (1 - gamma), the series without its first term: H = 1 / (1 - gamma).", GAMMA / (1.0 - GAMMA)),
        Mistake("1 / gamma; the horizon is 1 / (1 - gamma).", 1.0 / GAMMA),
        Mistake("1 - gamma, the per-step discount loss; the horizon is its inverse, 1 / (1 - gamma).", 1.0 - GAMMA),
    ]
    expect_answer(learner, "HORIZON", expected, decimals=0, mistakes=mistakes)
