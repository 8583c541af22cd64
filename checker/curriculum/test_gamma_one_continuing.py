"""Hidden tests for gamma_one_continuing: undiscounted returns diverge without an end."""

from checker.curriculum.checks import expect_choice


def test_undiscounted_continuing_returns_diverge(learner):
    """gamma 1 in a task that never ends"""
    expect_choice(
        learner, "ANSWER", "C", ("A", "B", "C", "D"),
        why_not={
            "A": "Count the rewards: with no terminal state the sum r_0 + r_1 + r_2 + ... has infinitely "
                 "many terms. With a reward of 1 per step, what is it?",
            "B": "Myopia comes from gamma = 0, which keeps only r_0. gamma = 1 is the opposite extreme: "
                 "every future reward counts in full.",
            "D": "With gamma = 1, 1 / (1 - gamma) is infinite: the contraction argument that guarantees "
                 "convergence at rate gamma is gone, and the values themselves are infinite.",
        },
    )
