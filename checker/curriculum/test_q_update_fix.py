"""Hidden tests for q_update_fix: the qUpdate of the section with its bug fixed (dict of dicts)."""

from typing import Any

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.curriculum.checks import (
    Described, Mistake, call_in_place, described, expect_close, expect_updated_in_place, function, plain, show,
)
from checker.curriculum.ref_gridworld import TRACE, q_step, zero_q

STAYS_PUT = ("the original update, Q[s][a] + alpha * target, which never subtracts Q[s][a]. "
             "The step is alpha * (target - Q[s][a]).")
NEXT_STATE = ("target - Q[s_prime][a]: the TD error compares the target with the estimate being "
              "updated, Q[s][a].")


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

    best = max(Q[s_next].values())
    target = r + gamma * best
    return [
        Mistake(STAYS_PUT, variant(Q[s][a] + alpha * target)),
        Mistake(NEXT_STATE, variant(Q[s][a] + alpha * (target - Q[s_next][a]))),
        Mistake("max over s' subtracted (target - max Q[s_prime]): the TD error subtracts the estimate "
                "being updated, Q[s][a].", variant(Q[s][a] + alpha * (target - best))),
        Mistake("Q[s][a] replaced by the target: alpha must scale the step (target - Q[s][a]).", variant(target)),
        Mistake("an update that moves away from the target: add alpha * (target - Q[s][a]).",
                variant(Q[s][a] - alpha * (target - Q[s][a]))),
        Mistake("the smallest Q-value of s' in the target: Q-learning uses the max.",
                variant(Q[s][a] + alpha * (r + gamma * min(Q[s_next].values()) - Q[s][a]))),
    ]


def _check_step(learner, Q, s, a, r, s_next, alpha, gamma) -> None:
    table = plain(Q)
    states, actions = list(table), list(table[s])
    expected_q = q_step(table, s, a, r, s_next, alpha, gamma)
    expected = np.array([[expected_q[x][y] for y in actions] for x in states])
    result, passed, what = described(call_in_place, learner, "q_update", Q, s, a, r, s_next, alpha, gamma)
    entry = lambda index: f"Q[{states[index[0]]!r}][{actions[index[1]]!r}]"  # noqa: E731
    expect_close(_table(result, states, actions, what), expected, what=what, entry=entry,
                 mistakes=_mistakes(table, s, a, r, s_next, alpha, gamma, states, actions))
    expect_updated_in_place(_table(passed, states, actions, what), expected, what=what)


def test_first_transition_from_zero(learner):
    """the first transition, from Q = 0"""
    _check_step(learner, Described(zero_q(), "Q = 0 everywhere"), "S0", "right", 5.0, "S1", 0.1, 0.99)


def test_workbook_trace_step_by_step(learner):
    """the section's five transitions, one by one"""
    Q = zero_q()
    for step, (s, a, r, s_next) in enumerate(TRACE, start=1):
        shown = "Q = 0 everywhere" if step == 1 else f"Q after step {step - 1} of the trace"
        _check_step(learner, Described(Q, shown), s, a, r, s_next, 0.1, 0.99)
        Q = q_step(Q, s, a, r, s_next, 0.1, 0.99)


def test_negative_values_and_rewards(learner):
    """negative values and rewards"""
    Q = {"S0": {"left": -3.0, "right": -1.5}, "S1": {"left": -4.0, "right": -2.0}}
    _check_step(learner, Described(Q, "Q with negative values"), "S1", "left", -1.0, "S0", 0.5, 0.9)


@pytest.mark.parametrize("seed", range(5))
def test_random_tables(learner, seed):
    """random Q table, seed {seed}"""
    rng = np.random.default_rng(seed)
    states = [f"s{i}" for i in range(int(rng.integers(2, 5)))]
    actions = ["up", "down", "left", "right"][: int(rng.integers(2, 5))]
    Q = {x: {y: float(rng.normal(scale=5.0)) for y in actions} for x in states}
    s, s_next = (states[int(i)] for i in rng.integers(len(states), size=2))
    a = actions[int(rng.integers(len(actions)))]
    _check_step(learner, Described(Q, f"random Q ({len(states)} states x {len(actions)} actions)"), s, a,
                float(rng.normal(scale=3.0)), s_next, float(rng.uniform(0.05, 1.0)), float(rng.uniform(0.0, 0.99)))


CYCLE_CALLS = 100  # rounds of the two-step cycle


def _cycle(update) -> np.ndarray:
    Q = zero_q()
    for _ in range(CYCLE_CALLS):
        for s, a, r, s_next in TRACE[:2]:
            update(Q, s, a, r, s_next)
    return np.array([[Q[x][y] for y in ("left", "right")] for x in ("S0", "S1")])


def _cycle_mistakes(alpha: float, gamma: float) -> list[Mistake]:
    def stays_put(Q, s, a, r, s_next):
        Q[s][a] += alpha * (r + gamma * max(Q[s_next].values()))

    def next_state(Q, s, a, r, s_next):
        Q[s][a] += alpha * (r + gamma * max(Q[s_next].values()) - Q[s_next][a])

    return [
        Mistake(STAYS_PUT + " Adding alpha * target at every call makes the values explode.",
                _cycle(stays_put)),
        Mistake(NEXT_STATE, _cycle(next_state)),
    ]


def test_repeated_updates_converge(learner):
    """200 updates around the cycle S0 -> S1 -> S0 settle"""
    # Cycling S0 -right-> S1 -left-> S0 with gamma = 0.5 must settle at the fixed point of
    # Q(S0, right) = 5 + 0.5 Q(S1, left) and Q(S1, left) = 2 + 0.5 Q(S0, right).
    alpha, gamma = 0.5, 0.5
    q_update = function(learner, "q_update")
    Q = zero_q()
    what = "200 calls of q_update on the cycle (S0, right, +5, S1), (S1, left, +2, S0), alpha = 0.5, gamma = 0.5"
    for _ in range(CYCLE_CALLS):
        for s, a, r, s_next in TRACE[:2]:
            Q = q_update(Q, s, a, r, s_next, alpha, gamma)
            _table(Q, ["S0", "S1"], ["left", "right"], what)
    fixed = np.linalg.solve(np.array([[1.0, -gamma], [-gamma, 1.0]]), np.array([5.0, 2.0]))
    expected = np.array([[0.0, fixed[0]], [fixed[1], 0.0]])
    got = _table(Q, ["S0", "S1"], ["left", "right"], what)
    entry = lambda index: f"Q[{('S0', 'S1')[index[0]]!r}][{('left', 'right')[index[1]]!r}]"  # noqa: E731
    expect_close(got, expected, what=what, atol=1e-6, entry=entry, mistakes=_cycle_mistakes(alpha, gamma))
