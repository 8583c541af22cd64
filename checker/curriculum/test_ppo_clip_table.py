"""Hidden tests for ppo_clip_table: L_CLIP for the four (r, A) cases, eps = 0.2."""

import pytest

from checker.curriculum.checks import Mistake, expect_answer
from checker.curriculum.ref_policies import clip_scalar

EPSILON = 0.2
CASES = {"L_CASE1": (1.3, 0.5), "L_CASE2": (1.3, -0.5), "L_CASE3": (0.7, 0.5), "L_CASE4": (0.7, -0.5)}


@pytest.mark.parametrize("name", CASES)
def test_clipped_objective(learner, name):
    r, a = CASES[name]
    unclipped = r * a
    clipped = clip_scalar(r, 1 - EPSILON, 1 + EPSILON) * a
    expect_answer(learner, name, min(unclipped, clipped), mistakes=[
        Mistake("the max of the two terms: PPO takes the min, the more pessimistic one.", max(unclipped, clipped)),
        Mistake("the clipped term only: L_CLIP is the min of r * A and clip(r) * A.", clipped),
        Mistake("the unclipped term only: L_CLIP is the min of r * A and clip(r) * A.", unclipped),
    ])
