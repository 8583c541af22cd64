"""Hidden tests for gridworld_second_sweep: V_2(S4) under the uniform policy.

The section's version of this question says to treat S8 as absorbing with V = 10; that
contradicts V(S8) = 0 for the terminal goal and is not used. The value is computed here.
"""

import numpy as np

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips
from checker.curriculum.ref_gridworld import GAMMA, TERMINAL, evaluate, gridworld_model, uniform_policy

EXERCISE = "gridworld_second_sweep"  # its picture: checker.curriculum.pictures

CENTRE = 4
NEIGHBOURS = (1, 7, 3, 5)  # up, down, left, right from S4


def _sweeps(n: int, *, goal_value: float = 0.0, gamma: float = GAMMA, greedy: bool = False) -> np.ndarray:
    # Synchronous sweeps with optional slips: S8 pinned at goal_value, or a max over actions.
    P, R = gridworld_model()
    V = np.zeros(9)
    V[TERMINAL] = goal_value
    for _ in range(n):
        q = np.array([[R[s, a] + gamma * P[s, a] @ V for a in range(4)] for s in range(9)])
        V = q.max(axis=1) if greedy else 0.25 * q.sum(axis=1)
        V[TERMINAL] = goal_value
    return V


def _answer() -> Answer:
    P, R = gridworld_model()
    v1 = evaluate(P, R, uniform_policy(), GAMMA, 1)
    exact = evaluate(P, R, uniform_policy(), GAMMA, 2)[CENTRE]
    slips = [
        Mistake("S8 treated as absorbing with V = 10: S8 is terminal, V(S8) = 0, and the +1 is "
                "the reward of the move into S8.", _sweeps(2, goal_value=10.0)[CENTRE]),
        Mistake("a sweep without gamma: the neighbours' values are one step in the future.",
                _sweeps(2, gamma=1.0)[CENTRE]),
        Mistake("the max over actions (value iteration): policy evaluation averages over the "
                "policy's actions, 0.25 each.", _sweeps(2, greedy=True)[CENTRE]),
        Mistake("the best neighbour only (a max over actions): policy evaluation averages over "
                "all four moves, 0.25 each.", GAMMA * max(v1[t] for t in NEIGHBOURS)),
        Mistake("the neighbours' values summed without the policy's 0.25 weights.",
                GAMMA * sum(v1[t] for t in NEIGHBOURS)),
        Mistake("only one of the two neighbours with value: both S5 (right) and S7 (down) have "
                "V_1 = 0.25.", 0.25 * GAMMA * v1[7]),
        Mistake("gamma applied twice: the neighbours' V_1 values already hold their own reward, "
                "one factor gamma takes them one step back.", 0.25 * GAMMA**2 * sum(v1[t] for t in NEIGHBOURS)),
        Mistake("the value after one more sweep (V_3).", _sweeps(3)[CENTRE]),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"V2_S4": _answer()}


def test_value_of_centre_after_two_sweeps(learner):
    """V2_S4, the value of the centre after two sweeps"""
    check_answer(learner, "V2_S4", ANSWERS["V2_S4"], picture=answer_picture(learner, EXERCISE))
