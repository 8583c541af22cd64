"""Hidden tests for first_update: one Q-learning step from Q = 0."""

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips
from checker.curriculum.ref_gridworld import TRACE, q_step, zero_q

ALPHA, GAMMA = 0.1, 0.99


def _answer() -> Answer:
    s, a, r, s_next = TRACE[0]
    exact = q_step(zero_q(), s, a, r, s_next, ALPHA, GAMMA)[s][a]
    target = r + GAMMA * 0.0
    slips = [
        Mistake("the whole target, or the TD error (both are 5 here): alpha = 0.1 moves Q only a tenth of "
                "the way from its old value toward the target.", target),
        Mistake("the update moved away from the target: add alpha * (target - Q), do not subtract it.", -exact),
        Mistake("(1 - alpha) * target: the weights swapped. The new Q keeps 1 - alpha = 0.9 of the OLD "
                "value and takes alpha = 0.1 of the target.", (1 - ALPHA) * target),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


ANSWERS = {"Q_S0_RIGHT": _answer()}


def test_q_after_first_transition(learner):
    """Q_S0_RIGHT after the first transition"""
    check_answer(learner, "Q_S0_RIGHT", ANSWERS["Q_S0_RIGHT"])
