"""Reference models for the Q-learning and policy-evaluation tests (topics 04 and 05).

Everything here is written with explicit loops, independently of the vectorised reference
solutions, so a test never checks a solution against itself.
"""

from __future__ import annotations

import copy
from typing import Any, Sequence

import numpy as np


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
    return evaluate_sweeps(P, R, pi, gamma, iterations)[-1]


def evaluate_sweeps(P: Any, R: Any, pi: Any, gamma: float, iterations: int) -> list[np.ndarray]:
    """V after 0, 1, ..., ``iterations`` synchronous sweeps from V = 0 (explicit sums)."""
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    n_states, n_actions = R.shape
    # Plain floats in nested lists: the same sums, without a numpy scalar per term (hidden tests
    # run 400 sweeps of this at import, on every worker start).
    p, r, policy = P.tolist(), R.tolist(), pi.tolist()
    values = [[0.0] * n_states]
    for _ in range(iterations):
        V, new = values[-1], [0.0] * n_states
        for s in range(n_states):
            total = 0.0
            for a in range(n_actions):
                future = sum(p[s][a][t] * V[t] for t in range(n_states))
                total += policy[s][a] * (r[s][a] + gamma * future)
            new[s] = total
        values.append(new)
    return [np.array(v) for v in values]


def expected_moves(gamma: float = 1.0, *, walls_cost_a_move: bool = True, tol: float = 1e-13) -> np.ndarray:
    """Expected number of moves of the uniform random walk from each state until it enters S8.

    h(s) = 1 + average over the four moves of h(s'), with h(S8) = 0, found by repeated
    sweeps (the walk reaches S8 with probability 1, so they converge). With gamma < 1 every
    later move counts gamma times less (a slip, not the walk length). Without
    ``walls_cost_a_move`` a bump into a wall is not a move: the walk picks among the real
    neighbours only (also a slip).
    """
    moves = {s: [next_state(s, action) for action in ACTIONS] for s in range(N_STATES) if s != TERMINAL}
    if not walls_cost_a_move:
        moves = {s: [t for t in targets if t != s] for s, targets in moves.items()}
    h = [0.0] * N_STATES
    while True:
        new = [0.0] * N_STATES
        for s, targets in moves.items():
            new[s] = 1.0 + gamma * sum(h[t] for t in targets) / len(targets)
        if max(abs(a - b) for a, b in zip(new, h)) < tol:
            return np.array(new)
        h = new


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
