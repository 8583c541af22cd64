"""Hidden tests for first_update: one Q-learning step from Q = 0."""

from checker.curriculum.checks import Mistake, expect_answer
from checker.curriculum.ref_gridworld import TRACE, q_step, zero_q

ALPHA, GAMMA = 0.1, 0.99


def test_q_after_first_transition(learner):
    s, a, r, s_next = TRACE[0]
    expected = q_step(zero_q(), s, a, r, s_next, ALPHA, GAMMA)[s][a]
    mistakes = [
        Mistake("Q set to the whole target: alpha = 0.1 moves Q only a tenth of the way toward it.", r),
        Mistake("the update moved away from the target: add alpha * (target - Q), do not subtract it.", -expected),
    ]
    expect_answer(learner, "Q_S0_RIGHT", expected, mistakes=mistakes)
