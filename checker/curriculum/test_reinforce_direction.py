"""Hidden tests for reinforce_direction: a negative return makes the action less likely."""

from checker.curriculum.checks import expect_choice


def test_negative_return_decreases_the_action_probability(learner):
    """what a negative return does"""
    expect_choice(
        learner, "ANSWER", "C", ("A", "B", "C", "D"),
        why_not={
            "A": "The score alone points towards 'more likely', but the update multiplies it by G_t. "
                 "With G_t = -2 the step is alpha * (-2) * [1 - pi(a=0), -pi(a=1)]: negative for theta_1, "
                 "positive for theta_2. Work out what that does to theta_1 - theta_2.",
            "B": "REINFORCE learns from every return. A negative G_t is a real signal: the action was "
                 "followed by a bad outcome, and the update acts on it.",
            "D": "The sign of G_t matters as much as its size: G_t multiplies the score vector, so a "
                 "negative G_t reverses the step.",
        },
    )
