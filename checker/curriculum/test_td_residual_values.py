"""Hidden tests for td_residual_values: delta_0 and delta_4 of the section's trajectory."""

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips
from checker.curriculum.ref_returns import ADV_GAMMA, ADV_NEXT_VALUES, ADV_REWARDS, ADV_VALUES

EXERCISE = "td_residual_values"  # its picture: checker.curriculum.pictures


def _delta(t: int, gamma: float = ADV_GAMMA) -> float:
    return ADV_REWARDS[t] + gamma * ADV_NEXT_VALUES[t] - ADV_VALUES[t]


def _answer(t: int) -> Answer:
    r, v, nv = ADV_REWARDS[t], ADV_VALUES[t], ADV_NEXT_VALUES[t]
    slips = [
        Mistake("the sign flipped (V(s_t) - r_t - gamma V(s_{t+1})): delta is what happened minus "
                "what was expected.", -_delta(t)),
        Mistake("a residual without gamma: the next state's value is discounted by gamma.", _delta(t, 1.0)),
        Mistake("V(s_t) used as the next state's value, bootstrapping from the state just left: take "
                "V(s_{t+1}) from the last column.", r + ADV_GAMMA * v - v),
        Mistake("r_t + gamma V(s_{t+1}) without subtracting V(s_t): that is the one-step target, "
                "the residual subtracts the prediction.", r + ADV_GAMMA * nv),
        Mistake("gamma applied to the reward too: r_t is received now and counts in full.",
                ADV_GAMMA * (r + nv) - v),
        *rounding_slips(_delta(t), 3),
    ]
    return Answer(_delta(t), decimals=3, slips=slips)


ANSWERS = {"DELTA_0": _answer(0), "DELTA_4": _answer(4)}


def test_td_residual_at_step_0(learner):
    """DELTA_0, the TD residual at step 0"""
    check_answer(learner, "DELTA_0", ANSWERS["DELTA_0"], picture=answer_picture(learner, EXERCISE))


def test_td_residual_at_last_step(learner):
    """DELTA_4, the TD residual at the last step"""
    check_answer(learner, "DELTA_4", ANSWERS["DELTA_4"], picture=answer_picture(learner, EXERCISE))
