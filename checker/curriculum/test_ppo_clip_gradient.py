"""Hidden tests for ppo_clip_gradient(ratio, advantage, epsilon): dL_CLIP/dr per sample."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call, described, expect_close, plain
from checker.curriculum.pictures import clip_gradient_picture
from checker.curriculum.ref_policies import clip_gradient_ref, clip_objective_ref


def _finite_difference(r, a, eps: float, h: float = 1e-6) -> np.ndarray:
    # Central differences of the objective: independent of the case analysis.
    r = np.asarray(r, dtype=float)
    return (clip_objective_ref(r + h, a, eps) - clip_objective_ref(r - h, a, eps)) / (2 * h)


def _mistakes(r, a, eps: float) -> list[Mistake]:
    r, a = np.asarray(r, dtype=float), np.asarray(a, dtype=float)
    outside = (r > 1 + eps) | (r < 1 - eps)
    wrong_side = ((a > 0) & (r < 1 - eps)) | ((a < 0) & (r > 1 + eps))
    return [
        Mistake("zeroing the gradient whenever r is outside [1 - eps, 1 + eps]. When the policy moved the "
                "WRONG way (A > 0 with r < 1 - eps, or A < 0 with r > 1 + eps) the min selects r * A and "
                "the gradient A still flows.", np.where(outside, 0.0, a)),
        Mistake("the zero on the wrong side: the gradient vanishes where the policy already moved far "
                "enough in the GOOD direction (A > 0 and r > 1 + eps, or A < 0 and r < 1 - eps).",
                np.where(wrong_side, 0.0, a)),
        Mistake("the objective L_CLIP returned instead of its derivative.", clip_objective_ref(r, a, eps)),
        Mistake("a sign flip: d(r * A)/dr = +A.", -clip_gradient_ref(r, a, eps)),
        Mistake("A everywhere: the clip was ignored.", a),
    ]


def _check(learner, r, a, eps: float, expected=None) -> None:
    got, what = described(call, learner, "ppo_clip_gradient", r, a, eps)
    r, a = plain(r), plain(a)
    expected = clip_gradient_ref(r, a, eps) if expected is None else expected
    expect_close(got, expected, what=what, mistakes=_mistakes(r, a, eps),
                 picture=lambda: clip_gradient_picture(r, a, eps, got))


def test_workbook_cases(learner):
    """the four cases of ppo_clip_table"""
    _check(learner, [1.3, 1.3, 0.7, 0.7], [0.5, -0.5, 0.5, -0.5], 0.2)


def test_far_outside_the_clip_range(learner):
    """ratios far outside the clip range"""
    _check(learner, [1.8, 1.8, 0.5, 0.5], [0.5, -0.5, 0.5, -0.5], 0.2)


def test_on_the_boundary_returns_a(learner):
    """on the boundary the gradient is A"""
    eps = 0.2
    r = np.array([1 + eps, 1 + eps, 1 - eps, 1 - eps])
    _check(learner, r, np.array([0.5, -0.5, 0.5, -0.5]), eps, expected=np.array([0.5, -0.5, 0.5, -0.5]))


def test_zero_advantage(learner):
    """zero advantages"""
    _check(learner, np.array([0.5, 1.0, 1.5]), np.zeros(3), 0.2)


@pytest.mark.parametrize("seed", range(5))
def test_matches_finite_differences(learner, seed):
    """random batch against finite differences, seed {seed}"""
    rng = np.random.default_rng(seed)
    eps = float(rng.uniform(0.1, 0.3))
    r = rng.uniform(0.3, 1.8, size=20)
    r = r[(np.abs(r - (1 + eps)) > 1e-3) & (np.abs(r - (1 - eps)) > 1e-3)]  # away from the kinks
    a = rng.normal(size=len(r))
    _check(learner, Described(r, f"{len(r)} random ratios"), Described(a, "advantages"), eps,
           expected=_finite_difference(r, a, eps))
