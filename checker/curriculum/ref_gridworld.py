"""Reference models for the Q-learning and policy-evaluation tests (topics 04 and 05).

Everything here is written with explicit loops, independently of the vectorised reference
solutions, so a test never checks a solution against itself. It also holds
``call_in_place``: a variant of ``checks.call`` for functions whose signature says they
update an input in place (generic; a candidate for checks.py).
"""

from __future__ import annotations

import copy
from typing import Any, Sequence

import numpy as np

from checker.api import CheckFailed
from checker.curriculum.checks import Mistake, describe_call, function, is_close, show, to_array

_deepcopy = copy.deepcopy

# ---------------------------------------------------------------- 3x3 gridworld (section 5)

ACTIONS = ("up", "down", "left", "right")  # indices 0..3, fixed by the exercises
N_STATES = 9
TERMINAL = 8
GAMMA = 0.9
_MOVES = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}


def next_state(s: int, action: str) -> int:
    """Where a move takes you; a move into a wall leaves you where you are."""
    row, col = divmod(s, 3)
    d_row, d_col = _MOVES[action]
    new_row, new_col = row + d_row, col + d_col
    if 0 <= new_row < 3 and 0 <= new_col < 3:
        return 3 * new_row + new_col
    return s


def gridworld_model() -> tuple[np.ndarray, np.ndarray]:
    """P[s, a, s'] and R[s, a]: +1 for entering S8, S8 terminal (all-zero rows)."""
    P = np.zeros((N_STATES, 4, N_STATES))
    R = np.zeros((N_STATES, 4))
    for s in range(N_STATES):
        if s == TERMINAL:
            continue
        for a, action in enumerate(ACTIONS):
            t = next_state(s, action)
            P[s, a, t] = 1.0
            R[s, a] = 1.0 if t == TERMINAL else 0.0
    return P, R


def uniform_policy(n_states: int = N_STATES, n_actions: int = 4) -> np.ndarray:
    return np.full((n_states, n_actions), 1.0 / n_actions)


def evaluate(P: Any, R: Any, pi: Any, gamma: float, iterations: int) -> np.ndarray:
    """Synchronous iterative policy evaluation from V = 0, written as explicit sums."""
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    n_states, n_actions = R.shape
    V = np.zeros(n_states)
    for _ in range(iterations):
        new = np.zeros(n_states)
        for s in range(n_states):
            total = 0.0
            for a in range(n_actions):
                future = sum(P[s, a, t] * V[t] for t in range(n_states))
                total += pi[s, a] * (R[s, a] + gamma * future)
            new[s] = total
        V = new
    return V


# ---------------------------------------------------------------- 2-state MDP (section 3)

# Transitions of the workbook's trace table: (s, a, r, s'), states S0/S1, actions left/right.
TRACE = [
    ("S0", "right", 5.0, "S1"),
    ("S1", "left", 2.0, "S0"),
    ("S0", "right", 5.0, "S1"),
    ("S1", "left", 2.0, "S0"),
    ("S0", "right", 5.0, "S1"),
]


def q_step(Q: dict, s: str, a: str, r: float, s_next: str, alpha: float, gamma: float) -> dict:
    """One Q-learning update on a dict of dicts, returning a new table (input untouched)."""
    Q = _deepcopy(Q)
    best = max(Q[s_next].values())
    Q[s][a] += alpha * (r + gamma * best - Q[s][a])
    return Q


def zero_q(states: Sequence[str] = ("S0", "S1"), actions: Sequence[str] = ("left", "right")) -> dict:
    return {s: {a: 0.0 for a in actions} for s in states}


# ---------------------------------------------------------------- in-place calls


def call_in_place(learner: Any, fn_name: str, *args: Any, index: int = 0) -> tuple[Any, Any, str]:
    """Call a learner function that must update ``args[index]`` in place.

    Returns the result, the object that was passed as ``args[index]`` (so the test can check
    it was modified) and a description of the call. Only private copies are passed.
    """
    fn = function(learner, fn_name)
    what = describe_call(fn_name, args, {})
    passed = [_deepcopy(a) for a in args]
    result = fn(*passed)
    return result, passed[index], what


def expect_updated_in_place(passed: Any, expected: Any, *, what: str, name: str = "Q", atol: float = 1e-6) -> None:
    """The argument the learner received must now hold the expected values."""
    arr = to_array(passed, what=what)
    if is_close(arr, expected, rtol=1e-6, atol=atol):
        return
    raise CheckFailed(
        "\n".join(
            [
                f"{what}",
                f"  returned the right values, but the {name} passed in was not updated in place:",
                f"  afterwards it holds {show(arr)}.",
                f"  The update must write into {name} itself (not into a copy) and return that same {name}.",
            ]
        )
    )


def merge_coinciding(mistakes: Sequence[Mistake]) -> list[Mistake]:
    """Merge mistakes that give the same value on this input, so the diagnosis names all of them.

    (Two slips can coincide on a small case, e.g. max and an unweighted sum over actions
    after one sweep of the gridworld; naming only the first would mislead half the learners.)
    """
    merged: list[Mistake] = []
    for mistake in mistakes:
        value = np.asarray(mistake.value, dtype=float)
        for i, kept in enumerate(merged):
            if is_close(value, kept.value, rtol=1e-9, atol=1e-12):
                merged[i] = Mistake(f"{kept.looks_like} Or: {mistake.looks_like}", kept.value)
                break
        else:
            merged.append(mistake)
    return merged
