"""Hidden tests for return_g0: G_0 of rewards [1, 0, 1, 0, 1] at gamma = 0.99."""

from checker.curriculum.checks import Mistake, expect_answer

REWARDS = (1.0, 0.0, 1.0, 0.0, 1.0)
GAMMA = 0.99


def test_return_from_step_0(learner):
    expected = sum(GAMMA**k * r for k, r in enumerate(REWARDS))
    mistakes = [
        Mistake("the undiscounted sum of the rewards: each later reward needs one more factor gamma.", sum(REWARDS)),
        Mistake("the first reward discounted too: r_0 counts in full (gamma^0 = 1).", GAMMA * expected),
        Mistake("G_4, the return from the last step.", REWARDS[-1]),
    ]
    expect_answer(learner, "G0", expected, decimals=3, mistakes=mistakes)
