"""Hidden tests for variance_baseline: a baseline V(s) reduces policy-gradient variance."""

from checker.curriculum.checks import expect_choice


def test_baseline_reduces_variance(learner):
    """what reduces the variance"""
    expect_choice(
        learner, "ANSWER", "D", ("A", "B", "C", "D"),
        why_not={
            "A": "A larger gamma lengthens the effective horizon: more future rewards enter G_t, "
                 "bringing more randomness, so the variance goes up, not down.",
            "B": "The learning rate scales the step, not the noise in the gradient estimate. Each "
                 "estimate is as noisy as before, and bigger noisy steps make things worse.",
            "C": "That is plain REINFORCE, the high-variance starting point. Subtracting V(s_t) does "
                 "not bias the gradient (its expected contribution is zero) and removes most of the noise.",
        },
    )
