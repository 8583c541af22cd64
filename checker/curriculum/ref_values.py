"""Reference computations shared by the hidden tests of the value-based topics.

Written with explicit Python loops over states and actions, independently of the
vectorised reference solutions, so a test never checks a solution against itself.
The wrong variants (in-place sweeps, mean instead of max, signed change) live here too,
because several tests diagnose the same mistakes.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np


MAX_SWEEPS = 100_000


# ---------------------------------------------------------------- state values, deterministic next state


def value_sweeps(
    R: Sequence[float],
    next_state: Sequence[int],
    gamma: float,
    epsilon: float,
    *,
    in_place: bool = False,
    signed_change: bool = False,
) -> list[list[float]]:
    """Every iterate of value iteration, V_0 = 0 up to the first sweep whose change is < epsilon.

    in_place: Gauss-Seidel sweep (later states read values already updated in this sweep).
    signed_change: the stopping test uses max(V_new - V) instead of max |V_new - V|.
    """
    n = len(R)
    V = [0.0] * n
    history = [list(V)]
    for _ in range(MAX_SWEEPS):
        new = V if in_place else [0.0] * n
        change = 0.0 if not signed_change else -float("inf")
        for s in range(n):
            # In place, `new` is V itself, so later states read this sweep's values.
            value = float(R[s]) + gamma * V[int(next_state[s])]
            delta = value - V[s] if signed_change else abs(value - V[s])
            change = max(change, delta)
            new[s] = value
        V = list(new)
        history.append(list(V))
        if change < epsilon:
            return history
    raise RuntimeError("reference value iteration did not stop")  # never with gamma < 1


def sweeps_needed(R: Sequence[float], next_state: Sequence[int], gamma: float, epsilon: float) -> int:
    return len(value_sweeps(R, next_state, gamma, epsilon)) - 1


def exact_values(R: Sequence[float], next_state: Sequence[int], gamma: float) -> np.ndarray:
    """The fixed point V = R + gamma V[next], from the linear system (gamma < 1)."""
    n = len(R)
    A = np.eye(n)
    for s in range(n):
        A[s, int(next_state[s])] -= gamma
    return np.linalg.solve(A, np.asarray(R, dtype=float))


# ---------------------------------------------------------------- action values, deterministic next state


def q_sweeps(
    R: Any,
    next_state: Any,
    gamma: float,
    epsilon: float,
    *,
    in_place: bool = False,
    reduce: str = "max",
    signed_change: bool = False,
) -> list[np.ndarray]:
    """Every iterate of Q-value iteration from Q_0 = 0; reduce is "max" (correct) or "mean".

    signed_change: the stopping test uses max(Q_new - Q) instead of max |Q_new - Q|.
    """
    R = np.asarray(R, dtype=float)
    nxt = np.asarray(next_state, dtype=int)
    S, A = R.shape
    Q = [[0.0] * A for _ in range(S)]
    history = [np.array(Q)]
    for _ in range(MAX_SWEEPS):
        new = Q if in_place else [[0.0] * A for _ in range(S)]
        change = -float("inf") if signed_change else 0.0
        for s in range(S):
            for a in range(A):
                # In place, `new` is Q itself, so later entries read this sweep's values.
                row = Q[nxt[s, a]]
                best = max(row) if reduce == "max" else sum(row) / A
                value = float(R[s, a]) + gamma * best
                change = max(change, value - Q[s][a] if signed_change else abs(value - Q[s][a]))
                new[s][a] = value
        Q = [row[:] for row in new]
        history.append(np.array(Q))
        if change < epsilon:
            return history
    raise RuntimeError("reference Q-value iteration did not stop")


def optimal_q(R: Any, next_state: Any, gamma: float) -> np.ndarray:
    """Q* by enumerating every deterministic policy and solving its linear system.

    For a finite MDP some deterministic policy is optimal in every state at once, so
    V* is the elementwise maximum of the policies' values.
    """
    R = np.asarray(R, dtype=float)
    nxt = np.asarray(next_state, dtype=int)
    S, A = R.shape
    best = np.full(S, -np.inf)
    for code in range(A**S):
        policy = [(code // A**s) % A for s in range(S)]
        V = exact_values([R[s, policy[s]] for s in range(S)], [nxt[s, policy[s]] for s in range(S)], gamma)
        best = np.maximum(best, V)
    return R + gamma * best[nxt]


def policy_q(R: Any, next_state: Any, gamma: float, policy: Sequence[int]) -> np.ndarray:
    """Q^pi for a deterministic policy: take a first, then follow pi."""
    R = np.asarray(R, dtype=float)
    nxt = np.asarray(next_state, dtype=int)
    S = R.shape[0]
    V = exact_values([R[s, policy[s]] for s in range(S)], [nxt[s, policy[s]] for s in range(S)], gamma)
    return R + gamma * V[nxt]


# ---------------------------------------------------------------- calling loops that may never stop


