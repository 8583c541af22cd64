"""Hidden test for ppo_zero_gradient: which sample gives exactly zero gradient."""

from checker.curriculum.checks import expect_choice
from checker.curriculum.ref_policies import clip_gradient_ref

EPSILON = 0.2
OPTIONS = {"A": (1.8, 0.5), "B": (1.3, -0.5), "C": (0.7, 0.5), "D": (1.0, 0.5)}


def _zero_gradient_option() -> str:
    # The one option whose dL/dr is zero, from the shared reference.
    zero = [k for k, (r, a) in OPTIONS.items() if clip_gradient_ref([r], [a], EPSILON)[0] == 0.0]
    assert len(zero) == 1
    return zero[0]


def test_sample_with_zero_gradient(learner):
    """the sample with zero gradient"""
    expect_choice(learner, "ANSWER", _zero_gradient_option(), list(OPTIONS), why_not={
        "B": "r = 1.3 with A < 0: the policy made a bad action MORE likely. r * A = -0.65 is below "
             "-0.60, so the min selects the unclipped term and the full gradient flows: no clipping "
             "protection for moves in the wrong direction.",
        "C": "r = 0.7 with A > 0: the policy made a good action LESS likely. The min already selects "
             "the unclipped 0.35 (below 0.40), so the gradient pushes r back up.",
        "D": "r = 1.0 is inside [0.8, 1.2]: both terms are equal and both move with r; the gradient is A.",
    })
