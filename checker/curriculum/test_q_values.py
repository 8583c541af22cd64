"""Hidden tests for q_values: Q* of the 2-state, 2-action MDP at gamma = 0.9."""

import numpy as np
import pytest

from checker.curriculum.checks import Mistake, expect_answer
from checker.curriculum.mdps import TWO_STATE_NEXT, TWO_STATE_R
from checker.curriculum.ref_values import optimal_q, policy_q, q_sweeps

GAMMA = 0.9
ACTIONS = ("left", "right")


def _mistakes(s: int, a: int) -> list[Mistake]:
    Q = optimal_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA)
    optimal = tuple(int(x) for x in np.argmax(Q, axis=1))
    mistakes = [
        Mistake("the immediate reward only; Q also counts the discounted return after the first step.",
                TWO_STATE_R[s, a]),
        Mistake(f"V*(S{s}), the value of the best action in S{s}. Q(S{s}, {ACTIONS[a]}) commits to "
                f"{ACTIONS[a]} for the first step.", Q[s].max()),
        Mistake("the average over the next actions (a random policy afterwards). Q* assumes the best action "
                "afterwards: use the max.", q_sweeps(TWO_STATE_R, TWO_STATE_NEXT, GAMMA, 1e-12, reduce="mean")[-1][s, a]),
    ]
    for p0 in range(2):
        for p1 in range(2):
            if (p0, p1) != optimal:
                mistakes.append(Mistake(
                    f"Q for the policy '{ACTIONS[p0]} in S0, {ACTIONS[p1]} in S1' afterwards, which is not optimal: "
                    "check your guess by comparing both actions' Q-values in each state.",
                    policy_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA, (p0, p1))[s, a]))
    return mistakes


@pytest.mark.parametrize("name, s, a", [
    pytest.param(name, s, a, id=name)
    for name, s, a in [("Q_S0_RIGHT", 0, 1), ("Q_S0_LEFT", 0, 0), ("Q_S1_LEFT", 1, 0), ("Q_S1_RIGHT", 1, 1)]
])
def test_optimal_q_value(learner, name, s, a):
    expect_answer(learner, name, optimal_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA)[s, a], mistakes=_mistakes(s, a))
