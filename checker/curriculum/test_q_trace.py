"""Hidden tests for q_trace: Q(S0, right) after the workbook's five transitions.

The workbook's own trace slips (it first states 1.324); the value is computed here.
"""

from checker.curriculum.checks import Mistake, expect_answer
from checker.curriculum.ref_gridworld import TRACE, q_step, zero_q

ALPHA, GAMMA = 0.1, 0.99


def _run(gamma: float = GAMMA, buggy: bool = False) -> dict:
    Q = zero_q()
    for s, a, r, s_next in TRACE:
        if buggy:  # the update without "- Q(s, a)", as in the workbook's buggy code
            Q[s][a] += ALPHA * (r + gamma * max(Q[s_next].values()))
        else:
            Q = q_step(Q, s, a, r, s_next, ALPHA, gamma)
    return Q


def test_q_s0_right_after_five_updates(learner):
    mistakes = [
        Mistake("gamma = 0.9 (the Bellman exercises' value); this trace uses gamma = 0.99.", _run(0.9)["S0"]["right"]),
        Mistake("a trace without the bootstrap term: steps 3 and 5 must add gamma * max Q(S1, .) to the reward.",
                _run(0.0)["S0"]["right"]),
        Mistake("the update without subtracting Q(s, a): Q(s, a) + alpha * (target - Q(s, a)).",
                _run(buggy=True)["S0"]["right"]),
        Mistake("the value of Q(S1, left), not Q(S0, right).", _run()["S1"]["left"]),
        Mistake("the workbook's first (slipped) answer. Redo steps 3 and 5 carefully, keeping four decimals.", 1.324),
        Mistake("Q(S0, right) after step 3: there are five steps.", _run_steps(3)["S0"]["right"]),
        Mistake("the right value rounded to two decimals: this answer is checked to three.",
                round(_run()["S0"]["right"], 2)),
    ]
    expect_answer(learner, "Q_S0_RIGHT", _run()["S0"]["right"], decimals=3, mistakes=mistakes)


def _run_steps(n: int) -> dict:
    Q = zero_q()
    for s, a, r, s_next in TRACE[:n]:
        Q = q_step(Q, s, a, r, s_next, ALPHA, GAMMA)
    return Q
