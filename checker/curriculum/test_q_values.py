"""Hidden tests for q_values: Q* of the 2-state, 2-action MDP at gamma = 0.9."""

import numpy as np
import pytest

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips
from checker.curriculum.mdps import TWO_STATE_NEXT, TWO_STATE_R
from checker.curriculum.ref_values import optimal_q, policy_q, q_sweeps

GAMMA = 0.9
ACTIONS = ("left", "right")
CELLS = {"Q_S0_RIGHT": (0, 1), "Q_S0_LEFT": (0, 0), "Q_S1_LEFT": (1, 0), "Q_S1_RIGHT": (1, 1)}


def _answer(s: int, a: int) -> Answer:
    Q = optimal_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA)
    optimal = tuple(int(x) for x in np.argmax(Q, axis=1))
    nxt = int(TWO_STATE_NEXT[s, a])
    slips = [
        Mistake("the immediate reward only; Q also counts the discounted return after the first step.",
                TWO_STATE_R[s, a]),
        Mistake(f"0.9 * V*(S{nxt}) without the reward of the first step: Q*(s, a) = R(s, a) + 0.9 V*(s').",
                GAMMA * Q[nxt].max()),
        Mistake(f"V*(S{s}), the value of the best action in S{s}. Q(S{s}, {ACTIONS[a]}) commits to "
                f"{ACTIONS[a]} for the first step.", Q[s].max()),
        Mistake("the average over the next actions (a random policy afterwards). Q* assumes the best action "
                "afterwards: use the max.", q_sweeps(TWO_STATE_R, TWO_STATE_NEXT, GAMMA, 1e-12, reduce="mean")[-1][s, a]),
    ]
    for p0 in range(2):
        for p1 in range(2):
            if (p0, p1) != optimal:
                slips.append(Mistake(
                    f"Q for the policy '{ACTIONS[p0]} in S0, {ACTIONS[p1]} in S1' afterwards, which is not optimal: "
                    "check your guess by comparing both actions' Q-values in each state.",
                    policy_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA, (p0, p1))[s, a]))
    slips += rounding_slips(Q[s, a], 2)
    return Answer(Q[s, a], decimals=2, slips=slips)


ANSWERS = {name: _answer(s, a) for name, (s, a) in CELLS.items()}


@pytest.mark.parametrize("name", list(CELLS))
def test_optimal_q_value(learner, name):
    """{name}, an optimal Q-value"""
    check_answer(learner, name, ANSWERS[name])
