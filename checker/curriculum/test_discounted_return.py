"""Hidden tests for discounted_return: G_0 = sum over k of gamma^k r_k, as one float."""

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.curriculum.checks import Described, Mistake, call_explained, described, expect_close, is_close, plain, to_array
from checker.curriculum.ref_returns import returns_forward

TOL = 1e-6


def _reference(rewards, gamma) -> float:
    # Powers written out, where the solution may use a backward (Horner) loop.
    return float(sum(float(r) * gamma**k for k, r in enumerate(rewards)))


def _mistakes(rewards, gamma) -> list[Mistake]:
    r = [float(x) for x in rewards]
    T = len(r)
    return [
        Mistake("every reward discounted one step too many (gamma^(k+1)): the first reward counts in full.",
                gamma * _reference(r, gamma)),
        Mistake("the discount applied backwards (the LAST reward undiscounted): r_k is weighted by gamma^k.",
                _reference(r[::-1], gamma)),
        Mistake("the undiscounted sum of the rewards.", float(sum(r))),
        Mistake("the discounted value of the last reward only: add up every weighted reward.",
                gamma ** (T - 1) * r[-1] if T else 0.0),
    ]


def _check(learner, rewards, gamma) -> None:
    got, what = described(call_explained, learner, "discounted_return", rewards, gamma,
                          expectation="An empty reward sequence has return 0.0.")
    rewards = plain(rewards)
    arr = to_array(got, what=what)
    # All the returns G_0 .. G_{T-1} fail the shape check before any diagnosis: catch them here.
    if arr.size > 1 and is_close(arr.ravel(), returns_forward(rewards, gamma), rtol=TOL, atol=TOL):
        raise CheckFailed(f"{what}\n  returned the return of every step, G_0 .. G_{{T-1}}.\n"
                          f"  Return only G_0, as a single float.")
    expect_close(arr, _reference(rewards, gamma), what=what, rtol=TOL, atol=TOL,
                 mistakes=_mistakes(rewards, gamma))


def test_ten_ones_at_gamma_09(learner):
    """ten rewards of 1 at gamma 0.9"""
    _check(learner, [1.0] * 10, 0.9)


def test_ten_ones_at_gamma_099(learner):
    """ten rewards of 1 at gamma 0.99"""
    _check(learner, [1] * 10, 0.99)


def test_sparse_final_reward(learner):
    """a single reward at the end of 40 steps"""
    _check(learner, Described([0.0] * 39 + [1.0], "39 zeros, then 1"), 0.9)


def test_empty_sequence_is_zero(learner):
    """an empty sequence gives 0"""
    _check(learner, [], 0.99)


def test_single_reward(learner):
    """a single reward"""
    _check(learner, [3.5], 0.9)


def test_gamma_zero_keeps_first_reward(learner):
    """gamma 0 keeps the first reward"""
    _check(learner, np.array([2.0, 5.0, -1.0]), 0.0)


def test_gamma_one_is_the_plain_sum(learner):
    """gamma 1 gives the plain sum"""
    _check(learner, np.array([2.0, 5.0, -1.0]), 1.0)


@pytest.mark.parametrize("seed", range(5))
def test_random_rewards(learner, seed):
    """random rewards, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 50))
    _check(learner, Described(rng.normal(size=n), f"{n} random rewards"), float(rng.uniform(0.5, 0.999)))
