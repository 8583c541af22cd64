"""Hidden tests for ppo_clip_objective(ratio, advantage, epsilon)."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call, described, expect_close, plain
from checker.curriculum.pictures import clip_objective_picture
from checker.curriculum.ref_policies import clip_objective_ref


def _mistakes(r, a, eps: float) -> list[Mistake]:
    r, a = np.asarray(r, dtype=float), np.asarray(a, dtype=float)

    def clip(x, lo, hi):
        # Written out, so a range with lo > hi behaves the same on every numpy version.
        return np.minimum(np.maximum(x, lo), hi)

    return [
        Mistake("max instead of min: PPO keeps the more pessimistic of the two terms.",
                np.maximum(r * a, clip(r, 1 - eps, 1 + eps) * a)),
        Mistake("the advantage clipped instead of the ratio: clip r to [1 - eps, 1 + eps], leave A alone.",
                np.minimum(r * a, r * clip(a, 1 - eps, 1 + eps))),
        Mistake("clipping r to [eps, 1 + eps]: the lower bound is 1 - eps.",
                np.minimum(r * a, clip(r, eps, 1 + eps) * a)),
        Mistake("clipping r to [1 - eps, eps]: the upper bound is 1 + eps.",
                np.minimum(r * a, clip(r, 1 - eps, eps) * a)),
        Mistake("the plain surrogate r * A with no clipping.", r * a),
        Mistake("the clipped term alone: take the min of r * A and clip(r) * A.", clip(r, 1 - eps, 1 + eps) * a),
    ]


def _check(learner, r, a, eps: float) -> None:
    got, what = described(call, learner, "ppo_clip_objective", r, a, eps)
    r, a = plain(r), plain(a)
    expect_close(got, clip_objective_ref(r, a, eps), what=what, mistakes=_mistakes(r, a, eps),
                 picture=lambda: clip_objective_picture(r, a, eps, got))


def test_workbook_table(learner):
    """the four cases of ppo_clip_table"""
    _check(learner, [1.3, 1.3, 0.7, 0.7], [0.5, -0.5, 0.5, -0.5], 0.2)


def test_far_outside_the_clip_range(learner):
    """ratios far outside the clip range"""
    _check(learner, np.array([1.8, 1.8, 0.3, 0.3]), np.array([0.5, -0.5, 0.5, -0.5]), 0.2)


def test_inside_the_clip_range(learner):
    """ratios inside the clip range"""
    _check(learner, np.array([0.9, 1.0, 1.1, 1.2, 0.8]), np.array([2.0, -1.0, -3.0, 1.0, 1.0]), 0.2)


def test_zero_advantage(learner):
    """zero advantages"""
    _check(learner, np.array([0.5, 1.0, 2.0]), np.array([0.0, 0.0, 0.0]), 0.2)


def test_scalar_inputs(learner):
    """scalar inputs"""
    _check(learner, 1.5, 2.0, 0.2)


@pytest.mark.parametrize("seed", range(5))
def test_random_batch(learner, seed):
    """random batch, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 30))
    eps = float(rng.uniform(0.1, 0.3))
    _check(learner, Described(rng.uniform(0.3, 1.8, size=n).tolist(), f"{n} random ratios"),
           Described(rng.normal(size=n).tolist(), "advantages"), eps)
