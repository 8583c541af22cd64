"""Hidden tests for return_g0: G_0 of rewards [1, 0, 1, 0, 1] at gamma = 0.99."""

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips

EXERCISE = "return_g0"  # its picture: checker.curriculum.pictures

REWARDS = (1.0, 0.0, 1.0, 0.0, 1.0)
GAMMA = 0.99


def _answer() -> Answer:
    exact = sum(GAMMA**k * r for k, r in enumerate(REWARDS))
    nonzero = [r for r in REWARDS if r]
    slips = [
        Mistake("the undiscounted sum of the rewards: each later reward needs one more factor gamma.", sum(REWARDS)),
        Mistake("the first reward discounted too: r_0 counts in full (gamma^0 = 1).", GAMMA * exact),
        Mistake("the powers of gamma counted over the non-zero rewards only: r_2 is two steps ahead "
                "(gamma^2) and r_4 four (gamma^4), whatever lies between.",
                sum(GAMMA**j * r for j, r in enumerate(nonzero))),
        Mistake("G_4, the return from the last step.", REWARDS[-1]),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"G0": _answer()}


def test_return_from_step_0(learner):
    """G0, the return from step 0"""
    check_answer(learner, "G0", ANSWERS["G0"], picture=answer_picture(learner, EXERCISE))
