"""Hidden tests for boltzmann_probs(Q, tau): a numerically stable softmax of Q / tau."""

import math

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.curriculum.checks import Described, Mistake, call, described, expect_close, plain, show, to_array
from checker.curriculum.pictures import boltzmann_picture


def _softmax(z) -> np.ndarray:
    # Loop version with the max shift, in plain floats.
    z = [float(v) for v in z]
    top = max(z)
    w = [math.exp(v - top) for v in z]
    return np.array([v / sum(w) for v in w])


def _mistakes(Q, tau: float) -> list[Mistake]:
    Q = np.asarray(Q, dtype=float)
    return [
        Mistake("Q multiplied by tau: the exponent is Q / tau.", _softmax(Q * tau)),
        Mistake("tau left out: the exponent is Q / tau.", _softmax(Q)),
        Mistake("tau applied outside the exponent: divide Q by tau before exponentiating.",
                _softmax(Q) / tau),
    ]


def _check(learner, Q, tau: float) -> None:
    got, what = described(call, learner, "boltzmann_probs", Q, tau)
    Q = plain(Q)
    arr = to_array(got, what=what)
    if not all(math.isfinite(x) for x in arr.ravel().tolist()):
        raise CheckFailed(f"{what}\n  returned {show(arr)}.\n  This looks like an unstable softmax: exp(Q / tau) "
                          "overflows (or every term underflows to 0). Subtract max(Q / tau) from the "
                          "exponents first; the probabilities do not change.")
    expect_close(arr, _softmax(np.asarray(Q, dtype=float) / tau), what=what, mistakes=_mistakes(Q, tau),
                 picture=lambda: boltzmann_picture(Q, [tau], [arr]))


def test_workbook_example(learner):
    """Q = [3, 5, 1] at tau 2"""
    _check(learner, [3.0, 5.0, 1.0], 2.0)


def test_low_temperature_is_greedy(learner):
    """a low temperature is nearly greedy"""
    _check(learner, np.array([3.0, 5.0, 1.0]), 0.1)


def test_large_values_low_temperature(learner):
    """large values at a low temperature"""
    _check(learner, [1000.0, 999.0], 0.01)


def test_values_far_apart_low_temperature(learner):
    """values far apart at a low temperature"""
    # Q / tau spans -100000..100000: only subtracting the max keeps every exponent finite.
    _check(learner, [1000.0, 0.0], 0.01)
    _check(learner, [0.0, -1000.0, 1000.0], 0.01)


def test_very_negative_values(learner):
    """very negative values"""
    _check(learner, [-1000.0, -1001.0, -1003.0], 0.5)


def test_equal_values_are_uniform(learner):
    """equal values give a uniform policy"""
    _check(learner, [2.0, 2.0, 2.0, 2.0], 0.7)


def test_high_temperature_is_nearly_uniform(learner):
    """a high temperature is nearly uniform"""
    _check(learner, [3.0, 5.0, 1.0], 1000.0)


def test_single_action(learner):
    """a single action"""
    _check(learner, [4.0], 1.0)


@pytest.mark.parametrize("seed", range(5))
def test_random_values(learner, seed):
    """random values, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 9))
    _check(learner, Described((rng.normal(size=n) * 10).tolist(), f"{n} random Q-values"), float(rng.uniform(0.05, 5.0)))
