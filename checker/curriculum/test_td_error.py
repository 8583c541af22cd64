"""Hidden tests for td_error: TD error and updated value for one transition.

The section lost this question's text; its explanation gives target 12.2, estimate 10 and
TD error +2.2. The reconstruction: Q(S0, right) = 10, r = 5, gamma = 0.9,
Q(S1, .) = (8, 6), so the target is 5 + 0.9 * 8 = 12.2.
"""

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips

Q_S0 = {"left": 7.0, "right": 10.0}
Q_S1 = {"left": 8.0, "right": 6.0}
R, GAMMA, ALPHA = 5.0, 0.9, 0.1

LEFT_STATE = ("the target bootstrapped from S0, the state just left: the target looks ahead, "
              "to the best Q-value of the next state S1.")


def _delta(bootstrap: float, gamma: float = GAMMA) -> float:
    return R + gamma * bootstrap - Q_S0["right"]


def _td_error() -> Answer:
    best = max(Q_S1.values())
    delta = _delta(best)
    slips = [
        Mistake("the sign reversed: delta = target - current estimate, not the other way round.", -delta),
        Mistake("the target itself: subtract the current estimate Q(S0, right).", R + GAMMA * best),
        Mistake(LEFT_STATE, _delta(max(Q_S0.values()))),
        Mistake("Q(S1, right) in the target: Q-learning bootstraps from the best action in S1.", _delta(Q_S1["right"])),
        Mistake("the average of S1's Q-values: Q-learning uses the max.", _delta(sum(Q_S1.values()) / 2)),
        Mistake("a target without gamma: the next state's value is discounted by 0.9.", _delta(best, 1.0)),
        Mistake("alpha * delta, the step size of the update, not the TD error itself.", ALPHA * delta),
        *rounding_slips(delta, 2),
    ]
    return Answer(delta, decimals=2, slips=slips)


def _q_after() -> Answer:
    q = Q_S0["right"]
    best = max(Q_S1.values())
    delta = _delta(best)
    slips = [
        Mistake("Q replaced by the target: alpha = 0.1 moves it a tenth of the way.", q + delta),
        Mistake("the buggy update Q + alpha * target, which forgets to subtract Q(S0, right).",
                q + ALPHA * (R + GAMMA * best)),
        Mistake("the update going the wrong way: a positive TD error pushes Q up.", q - ALPHA * delta),
        Mistake(LEFT_STATE, q + ALPHA * _delta(max(Q_S0.values()))),
        Mistake("Q(S1, right) in the target: Q-learning bootstraps from the best action in S1.",
                q + ALPHA * _delta(Q_S1["right"])),
        Mistake("the TD error alone, not the new Q-value.", delta),
        Mistake("the step alpha * delta alone: add it to the old Q(S0, right).", ALPHA * delta),
        *rounding_slips(q + ALPHA * delta, 2),
    ]
    return Answer(q + ALPHA * delta, decimals=2, slips=slips)


ANSWERS = {"TD_ERROR": _td_error(), "Q_AFTER": _q_after()}


def test_td_error(learner):
    """TD_ERROR, the TD error of the transition"""
    check_answer(learner, "TD_ERROR", ANSWERS["TD_ERROR"])


def test_q_after_update(learner):
    """Q_AFTER, Q(S0, right) after the update"""
    check_answer(learner, "Q_AFTER", ANSWERS["Q_AFTER"])
