"""Hidden tests for stable_softmax: softmax(logits) for a 1-D vector of logits."""

import math

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call, described, expect_close, plain, to_array
from checker.curriculum.pictures import softmax_picture
from checker.curriculum.ref_returns import softmax_ref

SHIFT_NOTE = ("Subtracting max(logits) from every logit before exp leaves the softmax unchanged "
              "and keeps every exponent <= 0, so nothing overflows or divides by zero.")


def _mistakes(logits) -> list[Mistake]:
    z = np.asarray(logits, dtype=float)
    with np.errstate(all="ignore"):  # some wrong variants overflow on purpose
        shifted = np.exp(z - z.max())
        return [
            Mistake("exp(logits) without dividing by their sum: the probabilities must add up to 1.", np.exp(z)),
            Mistake("exp(logits - max) without dividing by their sum: the probabilities must add up to 1.", shifted),
            Mistake("logits / sum(logits): the logits must go through exp first.", z / z.sum()),
            Mistake("log-probabilities (log-softmax); return the probabilities themselves.",
                    np.log(shifted / shifted.sum())),
            Mistake("the softmax of -logits: larger logits must get larger probabilities.",
                    softmax_ref(-z)),
        ]


def _check(learner, logits) -> None:
    got, what = described(call, learner, "softmax", logits)
    logits = plain(logits)
    arr = to_array(got, what=what)
    # NaN or inf here almost always means exp overflowed or 0/0: say how to avoid it.
    overflowed = not all(math.isfinite(x) for x in arr.ravel().tolist())
    expect_close(arr, softmax_ref(logits), what=what, mistakes=_mistakes(logits),
                 note=SHIFT_NOTE if overflowed else "", picture=lambda: softmax_picture(logits, arr))


def test_workbook_logits(learner):
    """logits [2, 1]"""
    _check(learner, [2.0, 1.0])


def test_three_actions_numpy_input(learner):
    """three actions, numpy input"""
    _check(learner, np.array([0.5, -1.0, 2.0]))


def test_large_logits_do_not_overflow(learner):
    """large logits do not overflow"""
    _check(learner, [1000.0, 999.0])


def test_very_negative_logits_do_not_underflow(learner):
    """very negative logits do not underflow"""
    _check(learner, [-1000.0, -1001.0])


def test_logits_far_apart_on_both_sides(learner):
    """logits far apart on both sides"""
    # Shifting by the mean or by the first logit is not enough: only the max keeps exp <= 1.
    _check(learner, [1000.0, -1000.0])
    _check(learner, [0.0, 1000.0])
    _check(learner, [-1000.0, 0.0, 1000.0])


def test_large_logits_numpy_input(learner):
    """large logits, numpy input"""
    _check(learner, np.array([800.0, -800.0, 795.0]))


def test_single_logit(learner):
    """a single logit"""
    _check(learner, [3.5])


def test_equal_logits_are_uniform(learner):
    """equal logits give a uniform policy"""
    _check(learner, [0.7, 0.7, 0.7, 0.7])


def test_integer_logits(learner):
    """integer logits"""
    _check(learner, [2, 1, 0])


@pytest.mark.parametrize("seed", range(5))
def test_random_logits(learner, seed):
    """random logits, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 9))
    _check(learner, Described(rng.normal(scale=3.0, size=n), f"{n} random logits"))
