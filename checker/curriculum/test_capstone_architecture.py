"""Hidden test for capstone_architecture."""

from checker.curriculum.checks import expect_choice


def test_standard_encoder(learner):
    """the encoder for the robot arm"""
    expect_choice(learner, "ANSWER", "B", ["A", "B", "C", "D"], why_not={
        "A": "Flattening 49,152 pixels into an MLP is wasteful and throws away the spatial structure; "
             "a CNN gives translation-invariant features with far fewer parameters.",
        "C": "A transformer would work, but it is overkill for a 128 x 128 image and costs far more "
             "compute and data than a small CNN.",
        "D": "The joint angles say where the arm is, not where the objects are: without the image the "
             "policy cannot find what to grasp.",
    })
