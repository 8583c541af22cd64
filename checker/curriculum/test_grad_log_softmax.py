"""Hidden tests for grad_log_softmax: onehot(action) - softmax(theta).

The expected gradient is computed by central differences of log pi(action), independently
of the closed form the learner is asked to use.
"""

import math

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.curriculum.checks import Described, Mistake, call, described, expect_close, is_close, plain, show, to_array
from checker.curriculum.pictures import grad_log_softmax_picture
from checker.curriculum.ref_returns import numerical_grad_log_pi, softmax_ref

# Central differences are accurate to ~1e-9 here; 1e-6 also accepts float32 work on small logits.
TOL = 1e-6


def _mistakes(theta, action) -> list[Mistake]:
    pi = softmax_ref(theta)
    onehot = np.eye(len(pi))[action]
    return [
        Mistake("softmax(theta) - onehot(action): the sign is flipped. The chosen action's "
                "component must be positive (1 - pi(a)).", pi - onehot),
        Mistake("-softmax(theta) without the one-hot term: add 1 at the chosen action.", -pi),
        Mistake("only the chosen action's component, 1 - pi(a), with zeros elsewhere: every other "
                "logit j gets -pi(j).", onehot * (1.0 - pi)),
        Mistake("the gradient of pi(a) (= pi(a) * (onehot - pi)), not of log pi(a). "
                "Dividing by pi(a) gives the score.", pi[action] * (onehot - pi)),
        Mistake("pi * (onehot - pi) elementwise: that is not the gradient of log pi(a); "
                "the score is onehot - pi.", pi * (onehot - pi)),
        Mistake("onehot(action) - theta: the logits must go through the softmax.",
                onehot - np.asarray(theta, dtype=float)),
    ]


def _check(learner, theta, action) -> None:
    got, what = described(call, learner, "grad_log_softmax", theta, action)
    theta = plain(theta)
    arr = to_array(got, what=what)
    pi = softmax_ref(theta)
    # Returning the scalar 1 - pi(a) fails the shape check before any diagnosis: catch it here.
    if arr.size == 1 and len(pi) > 1 and is_close(arr.reshape(()), 1.0 - pi[action], atol=TOL):
        raise CheckFailed(
            f"{what}\n  returned the single number {show(float(arr.reshape(())))} = 1 - pi(action).\n"
            f"  Return the whole gradient, one entry per logit: onehot(action) - softmax(theta)."
        )
    overflowed = not all(math.isfinite(x) for x in arr.ravel().tolist())
    expect_close(arr, numerical_grad_log_pi(theta, action), what=what, rtol=TOL, atol=TOL,
                 mistakes=_mistakes(theta, action), picture=lambda: grad_log_softmax_picture(theta, action, arr),
                 note="Compute the softmax as exp(theta - max(theta)) / sum: exp(1000) overflows." if overflowed else "")


def test_workbook_action_0(learner):
    """theta [2, 1], action 0"""
    _check(learner, [2.0, 1.0], 0)


def test_workbook_action_1(learner):
    """theta [2, 1], action 1"""
    _check(learner, [2.0, 1.0], 1)


def test_three_actions_numpy_input(learner):
    """three actions, numpy input"""
    _check(learner, np.array([0.5, -1.0, 2.0]), 2)


def test_large_logits_stay_finite(learner):
    """large logits stay finite"""
    _check(learner, [1000.0, 999.0, 990.0], 1)


def test_logits_far_apart_stay_finite(learner):
    """logits far apart stay finite"""
    _check(learner, [1000.0, -1000.0], 0)
    _check(learner, [0.0, 1000.0], 1)


def test_single_action_has_zero_gradient(learner):
    """a single action has zero gradient"""
    _check(learner, [3.0], 0)


def test_equal_logits(learner):
    """equal logits"""
    _check(learner, [0.0, 0.0, 0.0, 0.0], 3)


@pytest.mark.parametrize("seed", range(5))
def test_random_logits_match_numerical_gradient(learner, seed):
    """random logits, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 7))
    _check(learner, Described(rng.normal(scale=2.0, size=n), f"{n} random logits"), int(rng.integers(n)))
