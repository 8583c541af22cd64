"""Hidden tests for q_update_fix: the workbook's qUpdate with its bug fixed (dict of dicts)."""

from typing import Any

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.curriculum.checks import call_in_place, expect_updated_in_place, Mistake, expect_close, function, show
from checker.curriculum.ref_gridworld import TRACE, q_step, zero_q


def _table(Q: Any, states: list, actions: list, what: str) -> np.ndarray:
    """The learner's dict of dicts as a states x actions array, or a readable failure."""
    if not isinstance(Q, dict):
        raise CheckFailed(f"{what}\n  returned {show(Q)}; it should return the Q dict (Q[state][action]).")
    try:
        return np.array([[float(Q[s][a]) for a in actions] for s in states])
    except (KeyError, TypeError, ValueError):
        raise CheckFailed(f"{what}\n  returned {show(Q)}, which no longer has every Q[state][action] entry.") from None


def _mistakes(Q: dict, s, a, r, s_next, alpha, gamma, states, actions) -> list[Mistake]:
    def variant(new_value: float) -> np.ndarray:
        table = {x: dict(row) for x, row in Q.items()}
        table[s][a] = new_value
        return np.array([[table[x][y] for y in actions] for x in states])

    target = r + gamma * max(Q[s_next].values())
    return [
        Mistake("the original buggy line: Q[s][a] + alpha * target never subtracts Q[s][a], so the "
                "estimate is not pulled toward the target. The step is alpha * (target - Q[s][a]).",
                variant(Q[s][a] + alpha * target)),
        Mistake("Q[s][a] replaced by the target: alpha must scale the step (target - Q[s][a]).", variant(target)),
        Mistake("an update that moves away from the target: add alpha * (target - Q[s][a]).",
                variant(Q[s][a] - alpha * (target - Q[s][a]))),
        Mistake("the smallest Q-value of s' in the target: Q-learning uses the max.",
                variant(Q[s][a] + alpha * (r + gamma * min(Q[s_next].values()) - Q[s][a]))),
    ]


def _check_step(learner, Q: dict, s, a, r, s_next, alpha, gamma) -> None:
    states, actions = list(Q), list(Q[s])
    expected_q = q_step(Q, s, a, r, s_next, alpha, gamma)
    expected = np.array([[expected_q[x][y] for y in actions] for x in states])
    result, passed, what = call_in_place(learner, "q_update", Q, s, a, r, s_next, alpha, gamma)
    note = f"Tables are shown as rows {states}, columns {actions}."
    expect_close(_table(result, states, actions, what), expected, what=what, note=note,
                 mistakes=_mistakes(Q, s, a, r, s_next, alpha, gamma, states, actions))
    expect_updated_in_place(_table(passed, states, actions, what), expected, what=what)


def test_first_transition_from_zero(learner):
    _check_step(learner, zero_q(), "S0", "right", 5.0, "S1", 0.1, 0.99)


def test_workbook_trace_step_by_step(learner):
    Q = zero_q()
    for s, a, r, s_next in TRACE:
        _check_step(learner, Q, s, a, r, s_next, 0.1, 0.99)
        Q = q_step(Q, s, a, r, s_next, 0.1, 0.99)


def test_negative_values_and_rewards(learner):
    Q = {"S0": {"left": -3.0, "right": -1.5}, "S1": {"left": -4.0, "right": -2.0}}
    _check_step(learner, Q, "S1", "left", -1.0, "S0", 0.5, 0.9)


@pytest.mark.parametrize("seed", range(5))
def test_random_tables(learner, seed):
    rng = np.random.default_rng(seed)
    states = [f"s{i}" for i in range(int(rng.integers(2, 5)))]
    actions = ["up", "down", "left", "right"][: int(rng.integers(2, 5))]
    Q = {x: {y: float(rng.normal(scale=5.0)) for y in actions} for x in states}
    s, s_next = (states[int(i)] for i in rng.integers(len(states), size=2))
    a = actions[int(rng.integers(len(actions)))]
    _check_step(learner, Q, s, a, float(rng.normal(scale=3.0)), s_next,
                float(rng.uniform(0.05, 1.0)), float(rng.uniform(0.0, 0.99)))


def test_repeated_updates_converge(learner):
    # Cycling S0 -right-> S1 -left-> S0 with gamma = 0.5 must settle at the fixed point of
    # Q(S0, right) = 5 + 0.5 Q(S1, left) and Q(S1, left) = 2 + 0.5 Q(S0, right).
    alpha, gamma = 0.5, 0.5
    q_update = function(learner, "q_update")
    Q = zero_q()
    what = "200 calls of q_update on the cycle (S0, right, +5, S1), (S1, left, +2, S0), alpha = 0.5, gamma = 0.5"
    for _ in range(100):
        for s, a, r, s_next in TRACE[:2]:
            Q = q_update(Q, s, a, r, s_next, alpha, gamma)
            _table(Q, ["S0", "S1"], ["left", "right"], what)
    fixed = np.linalg.solve(np.array([[1.0, -gamma], [-gamma, 1.0]]), np.array([5.0, 2.0]))
    expected = np.array([[0.0, fixed[0]], [fixed[1], 0.0]])
    got = _table(Q, ["S0", "S1"], ["left", "right"], what)
    expect_close(got, expected, what=what, atol=1e-6, mistakes=[_diverging_cycle(alpha, gamma)],
                 note="Tables are shown as rows [S0, S1], columns [left, right].")


def _diverging_cycle(alpha: float, gamma: float) -> Mistake:
    Q = zero_q()
    for _ in range(100):
        for s, a, r, s_next in TRACE[:2]:
            Q[s][a] += alpha * (r + gamma * max(Q[s_next].values()))
    return Mistake("the original buggy update (no - Q[s][a]): it adds alpha * target at every call, "
                   "so the values explode instead of settling.",
                   np.array([[Q[x][y] for y in ("left", "right")] for x in ("S0", "S1")]))
