"""Hidden tests for effective_horizon: 1 / (1 - gamma), and math.inf at gamma = 1."""

import math

import pytest

from checker.curriculum.checks import call_explained, Mistake, expect_close


def _reference(gamma: float) -> float:
    # The geometric series summed until its terms vanish, rather than the closed form.
    if gamma == 1.0:
        return math.inf
    total, term = 0.0, 1.0
    while term > 1e-16:
        total += term
        term *= gamma
    return total


def _mistakes(gamma: float) -> list[Mistake]:
    one_minus = 1.0 - gamma
    return [
        Mistake("gamma / (1 - gamma), the series without its first term: H = 1 / (1 - gamma).",
                gamma / one_minus if one_minus else math.inf),
        Mistake("1 / gamma; the horizon is 1 / (1 - gamma).", 1.0 / gamma if gamma else math.inf),
        Mistake("1 - gamma; the horizon is its inverse, 1 / (1 - gamma).", one_minus),
    ]


def _check(learner, gamma: float) -> None:
    got, what = call_explained(learner, "effective_horizon", gamma,
                               expectation="At gamma = 1 the horizon is unbounded: return math.inf "
                                           "instead of dividing by zero.")
    # The series is summed in float64; 1e-9 relative is far below any wrong formula.
    expect_close(got, _reference(gamma), what=what, rtol=1e-9, atol=1e-9, mistakes=_mistakes(gamma))


@pytest.mark.parametrize("gamma", [0.9, 0.99, 0.995, 0.999])
def test_common_discount_factors(learner, gamma):
    """gamma {gamma}"""
    _check(learner, gamma)


def test_gamma_zero_looks_one_step(learner):
    """gamma 0 looks one step ahead"""
    _check(learner, 0.0)


def test_gamma_one_is_infinite(learner):
    """gamma 1 gives an infinite horizon"""
    _check(learner, 1.0)


def test_gamma_half(learner):
    """gamma 0.5"""
    _check(learner, 0.5)
