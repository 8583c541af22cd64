"""Hidden tests for return_g4: G_4 of rewards [1, 0, 1, 0, 1] at gamma = 0.99."""

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips

EXERCISE = "return_g4"  # its picture: checker.curriculum.pictures

REWARDS = (1.0, 0.0, 1.0, 0.0, 1.0)
GAMMA = 0.99


def _answer() -> Answer:
    t = len(REWARDS) - 1
    exact = sum(GAMMA ** (k - t) * REWARDS[k] for k in range(t, len(REWARDS)))
    slips = [
        Mistake("G_4 = 0: there are no future rewards, but the reward at step 4 itself belongs to G_4.", 0.0),
        Mistake("the current reward discounted: r_4 counts in full (gamma^0 = 1).", GAMMA * REWARDS[t]),
        Mistake("r_4 weighted by gamma^4, its weight in G_0. G_4 starts counting at step 4, so r_4 gets "
                "gamma^0 = 1.", GAMMA**t * REWARDS[t]),
        Mistake("G_0, the return from the first step.", sum(GAMMA**k * r for k, r in enumerate(REWARDS))),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"G4": _answer()}


def test_return_from_last_step(learner):
    """G4, the return from the last step"""
    check_answer(learner, "G4", ANSWERS["G4"], picture=answer_picture(learner, EXERCISE))
