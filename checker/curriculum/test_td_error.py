"""Hidden tests for td_error: TD error and updated value for one transition.

The workbook lost this question's text; its explanation gives target 12.2, estimate 10 and
TD error +2.2. The reconstruction: Q(S0, right) = 10, r = 5, gamma = 0.9,
Q(S1, .) = (8, 6), so the target is 5 + 0.9 * 8 = 12.2.
"""

from checker.curriculum.checks import Mistake, expect_answer

Q_S0 = {"left": 7.0, "right": 10.0}
Q_S1 = {"left": 8.0, "right": 6.0}
R, GAMMA, ALPHA = 5.0, 0.9, 0.1


def _delta(bootstrap: float, gamma: float = GAMMA) -> float:
    return R + gamma * bootstrap - Q_S0["right"]


def test_td_error(learner):
    best = max(Q_S1.values())
    delta = _delta(best)
    mistakes = [
        Mistake("the sign reversed: delta = target - current estimate, not the other way round.", -delta),
        Mistake("the target itself: subtract the current estimate Q(S0, right).", R + GAMMA * best),
        Mistake("Q(S1, right) in the target: Q-learning bootstraps from the best action in S1.", _delta(Q_S1["right"])),
        Mistake("the average of S1's Q-values: Q-learning uses the max.", _delta(sum(Q_S1.values()) / 2)),
        Mistake("a target without gamma: the next state's value is discounted by 0.9.", _delta(best, 1.0)),
        Mistake("alpha * delta, the step size of the update, not the TD error itself.", ALPHA * delta),
    ]
    expect_answer(learner, "TD_ERROR", delta, mistakes=mistakes)


def test_q_after_update(learner):
    q = Q_S0["right"]
    delta = _delta(max(Q_S1.values()))
    mistakes = [
        Mistake("Q replaced by the target: alpha = 0.1 moves it a tenth of the way.", q + delta),
        Mistake("the buggy update Q + alpha * target, which forgets to subtract Q(S0, right).",
                q + ALPHA * (R + GAMMA * max(Q_S1.values()))),
        Mistake("the update going the wrong way: a positive TD error pushes Q up.", q - ALPHA * delta),
        Mistake("Q(S1, right) in the target: Q-learning bootstraps from the best action in S1.",
                q + ALPHA * _delta(Q_S1["right"])),
        Mistake("the TD error alone, not the new Q-value.", delta),
    ]
    expect_answer(learner, "Q_AFTER", q + ALPHA * delta, mistakes=mistakes)
