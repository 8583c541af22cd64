"""Hidden tests for ppo_clip_table: L_CLIP for the four (r, A) cases, eps = 0.2."""

import pytest

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips
from checker.curriculum.ref_policies import clip_scalar

EXERCISE = "ppo_clip_table"  # its picture: checker.curriculum.pictures

EPSILON = 0.2
CASES = {"L_CASE1": (1.3, 0.5), "L_CASE2": (1.3, -0.5), "L_CASE3": (0.7, 0.5), "L_CASE4": (0.7, -0.5)}


def _objective(r: float, a: float) -> float:
    return min(r * a, clip_scalar(r, 1 - EPSILON, 1 + EPSILON) * a)


def _answer(r: float, a: float) -> Answer:
    unclipped = r * a
    clipped = clip_scalar(r, 1 - EPSILON, 1 + EPSILON) * a
    exact = _objective(r, a)
    slips = [
        Mistake("the max of the two terms: PPO takes the min, the more pessimistic one.", max(unclipped, clipped)),
        Mistake("the clipped term only: L_CLIP is the min of r * A and clip(r) * A.", clipped),
        Mistake("the unclipped term only: L_CLIP is the min of r * A and clip(r) * A.", unclipped),
        Mistake("the min taken by size, ignoring the sign: for negative numbers the min is the MORE "
                "negative one, min(-0.65, -0.60) = -0.65.", min(unclipped, clipped, key=abs)),
        Mistake("clip(r) without multiplying by A: both terms are multiplied by the advantage.",
                clip_scalar(r, 1 - EPSILON, 1 + EPSILON)),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


ANSWERS = {name: _answer(r, a) for name, (r, a) in CASES.items()}


@pytest.mark.parametrize("name", CASES)
def test_clipped_objective(learner, name):
    """{name}, L_CLIP of its row"""
    check_answer(learner, name, ANSWERS[name], picture=answer_picture(learner, EXERCISE))
