"""Hidden tests for optimal_policy: argmax of Q* in the 2-state MDP."""

import numpy as np

from checker.curriculum.checks import expect_choice
from checker.curriculum.mdps import TWO_STATE_NEXT, TWO_STATE_R
from checker.curriculum.ref_values import exact_values, optimal_q

GAMMA = 0.9
# Option letter -> (action in S0, action in S1), 0 = left, 1 = right.
OPTIONS = {"A": (1, 0), "B": (0, 0), "C": (1, 1), "D": (0, 1)}


def _policy_values(policy) -> np.ndarray:
    R = [TWO_STATE_R[s, policy[s]] for s in range(2)]
    nxt = [TWO_STATE_NEXT[s, policy[s]] for s in range(2)]
    return exact_values(R, nxt, GAMMA)


def _why_not() -> dict[str, str]:
    Q = optimal_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA)
    compare = (f"Compare Q*(S0, left) = {Q[0, 0]:.2f} with Q*(S0, right) = {Q[0, 1]:.2f}, and "
               f"Q*(S1, left) = {Q[1, 0]:.2f} with Q*(S1, right) = {Q[1, 1]:.2f}.")
    b, c, d = (_policy_values(OPTIONS[k]) for k in "BCD")
    return {
        "B": f"Left in S0 stays in S0 and earns +1 per step: V(S0) = {b[0]:.2f} under this policy, far "
             f"below going right for +5 and coming back. {compare}",
        "C": f"Right in S1 stays in S1 with reward 0 forever, so after the first +5 nothing follows: "
             f"V(S0) = {c[0]:.2f}. {compare}",
        "D": f"Each state only loops on itself: S0 earns +1 per step (V = {d[0]:.2f}), S1 earns nothing "
             f"(V = {d[1]:.2f}). In both states the other action is better. {compare}",
    }


def test_optimal_policy(learner):
    """the optimal policy"""
    Q = optimal_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA)
    greedy = tuple(int(a) for a in np.argmax(Q, axis=1))
    correct = next(letter for letter, policy in OPTIONS.items() if policy == greedy)
    expect_choice(learner, "ANSWER", correct, list(OPTIONS), why_not=_why_not())
