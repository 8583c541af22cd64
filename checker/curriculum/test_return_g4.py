"""Hidden tests for return_g4: G_4 of rewards [1, 0, 1, 0, 1] at gamma = 0.99."""

from checker.curriculum.checks import Mistake, expect_answer

REWARDS = (1.0, 0.0, 1.0, 0.0, 1.0)
GAMMA = 0.99


def test_return_from_last_step(learner):
    t = len(REWARDS) - 1
    expected = sum(GAMMA ** (k - t) * REWARDS[k] for k in range(t, len(REWARDS)))
    mistakes = [
        Mistake("G_4 = 0: there are no future rewards, but the reward at step 4 itself belongs to G_4.", 0.0),
        Mistake("the current reward discounted: r_4 counts in full (gamma^0 = 1).", GAMMA * REWARDS[t]),
        Mistake("G_0, the return from the first step.", sum(GAMMA**k * r for k, r in enumerate(REWARDS))),
    ]
    expect_answer(learner, "G4", expected, decimals=3, mistakes=mistakes)
