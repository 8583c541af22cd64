"""Hidden tests for ucb_scores(Q, N, t, c): Q + c sqrt(ln t / N), +inf where N = 0."""

import math

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.curriculum.checks import Described, Mistake, call_with_warnings, expect_close, plain, show, to_array
from checker.curriculum.pictures import ucb_picture


def _reference(Q, N, t: float, c: float) -> np.ndarray:
    # One action at a time, with math (no numpy division that could warn).
    return np.array([math.inf if n == 0 else q + c * math.sqrt(math.log(t) / n) for q, n in zip(Q, N)])


def _variant(Q, N, t: float, c: float, bonus) -> np.ndarray:
    return np.array([math.inf if n == 0 else q + bonus(float(n), float(t), c) for q, n in zip(Q, N)])


def _mistakes(Q, N, t: float, c: float) -> list[Mistake]:
    return [
        Mistake("log base 10 instead of the natural log ln (np.log).",
                _variant(Q, N, t, c, lambda n, t, c: c * math.sqrt(math.log10(t) / n))),
        Mistake("the square root left out of the bonus.", _variant(Q, N, t, c, lambda n, t, c: c * math.log(t) / n)),
        Mistake("N(a) in the numerator: the bonus should shrink as an action is visited more.",
                _variant(Q, N, t, c, lambda n, t, c: c * math.sqrt(math.log(t) * n))),
        Mistake("c inside the square root: c multiplies sqrt(ln t / N).",
                _variant(Q, N, t, c, lambda n, t, c: math.sqrt(c * math.log(t) / n))),
        Mistake("the bonus without Q: UCB is Q(a) plus the bonus.",
                _variant([0.0] * len(Q), N, t, c, lambda n, t, c: c * math.sqrt(math.log(t) / n))),
    ]


def _check(learner, Q, N, t, c) -> None:
    got, what, caught = call_with_warnings(learner, "ucb_scores", Q, N, t, c)
    Q, N = plain(Q), plain(N)
    arr = to_array(got, what=what)
    untried = [i for i, n in enumerate(N) if n == 0]
    if arr.shape == (len(Q),) and any(math.isnan(arr[i]) for i in untried):
        raise CheckFailed(f"{what}\n  returned {show(arr)} with NaN for an action with N = 0.\n"
                          "  This looks like dividing by zero visits: give untried actions +inf "
                          "without computing ln(t) / 0.")
    expect_close(arr, _reference(Q, N, t, c), what=what, mistakes=_mistakes(Q, N, t, c),
                 picture=lambda: ucb_picture(Q, N, t, c, arr))
    numeric = [w for w in caught if "RuntimeWarning" in w.categories]
    if numeric:
        raise CheckFailed(f"{what}\n  returned the right scores, but numpy warned: {numeric[0].message}\n"
                          "  This looks like dividing by zero visits before masking them out. Compute the "
                          "bonus only where N > 0 (e.g. scores[tried] = ... with tried = N > 0).")


def test_workbook_example(learner):
    """Q = [3, 2.5, 4], N = [50, 40, 10], t 100, c 2"""
    _check(learner, [3.0, 2.5, 4.0], [50, 40, 10], 100, 2.0)


def test_numpy_input(learner):
    """numpy input"""
    _check(learner, np.array([0.5, -1.0, 2.0, 0.0]), np.array([3, 7, 1, 12]), 23, 1.5)


def test_unvisited_action_is_infinite(learner):
    """an unvisited action scores infinity"""
    _check(learner, [3.0, 2.5], [5, 0], 10, 1.0)


def test_nothing_visited_yet(learner):
    """nothing visited yet"""
    # t = 1 makes ln(t) = 0, so a naive 0 / 0 gives NaN rather than inf.
    _check(learner, [0.0, 0.0, 0.0], np.array([0, 0, 0]), 1, 2.0)


def test_c_zero_gives_q(learner):
    """c 0 gives Q"""
    _check(learner, [1.0, -2.0, 0.5], [4, 9, 2], 15, 0.0)


@pytest.mark.parametrize("seed", range(5))
def test_random_values(learner, seed):
    """random values, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 9))
    N = rng.integers(0, 30, size=n)
    N[rng.integers(n)] = 0
    _check(learner, Described(rng.normal(size=n), f"{n} random Q-values"), N, int(N.sum()) + 1,
           float(rng.uniform(0.5, 3.0)))
