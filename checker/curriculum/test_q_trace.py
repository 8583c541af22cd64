"""Hidden tests for q_trace: Q(S0, right) after the section's five transitions.

The figure 1.324 that circulates for this trace is a slip; the value is computed here.
"""

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips
from checker.curriculum.ref_gridworld import TRACE, q_step, zero_q

ALPHA, GAMMA = 0.1, 0.99


def _run(gamma: float = GAMMA, buggy: bool = False, steps: int = len(TRACE)) -> dict:
    Q = zero_q()
    for s, a, r, s_next in TRACE[:steps]:
        if buggy:  # the update without "- Q(s, a)", as in the buggy code of q_update_fix
            Q[s][a] += ALPHA * (r + gamma * max(Q[s_next].values()))
        else:
            Q = q_step(Q, s, a, r, s_next, ALPHA, gamma)
    return Q


def _answer() -> Answer:
    exact = _run()["S0"]["right"]
    slips = [
        Mistake("gamma = 0.9 (the Bellman exercises' value); this trace uses gamma = 0.99.", _run(0.9)["S0"]["right"]),
        Mistake("a trace without the bootstrap term: steps 3 and 5 must add gamma * max Q(S1, .) to the reward.",
                _run(0.0)["S0"]["right"]),
        Mistake("the update without subtracting Q(s, a): Q(s, a) + alpha * (target - Q(s, a)).",
                _run(buggy=True)["S0"]["right"]),
        Mistake("the value of Q(S1, left), not Q(S0, right).", _run()["S1"]["left"]),
        Mistake("1.324, a slip that circulates for this trace. Redo steps 3 and 5 carefully, keeping four "
                "decimals.", 1.324),
        Mistake("Q(S0, right) after step 3: there are five steps.", _run(steps=3)["S0"]["right"]),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"Q_S0_RIGHT": _answer()}


def test_q_s0_right_after_five_updates(learner):
    """Q_S0_RIGHT after the five transitions"""
    check_answer(learner, "Q_S0_RIGHT", ANSWERS["Q_S0_RIGHT"])
