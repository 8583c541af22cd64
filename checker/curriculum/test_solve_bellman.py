"""Hidden tests for solve_bellman: exact values from (I - gamma P) V = R."""

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.learner import LearnerError
from checker.curriculum.checks import Described, Mistake, call, describe_call, described, expect_close, plain, to_array
from checker.curriculum.mdps import THREE_STATE_P, THREE_STATE_R


def _reference(R, P, gamma):
    # Independent of any linear solver: apply the backup with explicit loops until it stops
    # moving. It is a contraction for gamma < 1, so this converges to the exact values.
    R, P = np.asarray(R, dtype=float), np.asarray(P, dtype=float)
    n = len(R)
    V = [0.0] * n
    while True:
        new = [R[s] + gamma * sum(P[s, t] * V[t] for t in range(n)) for s in range(n)]
        if max(abs(a - b) for a, b in zip(new, V)) < 1e-13 * (1.0 + max(abs(x) for x in new)):
            return np.array(new)
        V = new


def _mistakes(R, P, gamma):
    R, P = np.asarray(R, dtype=float), np.asarray(P, dtype=float)
    identity = np.eye(len(R))
    M = identity - gamma * P
    return [
        Mistake("P used as P[s'][s] (transposed). Row s holds the probabilities of leaving s.",
                np.linalg.solve(identity - gamma * P.T, R)),
        Mistake("the system I + gamma P: moving gamma P V from the right side to the left flips its sign, "
                "(I - gamma P) V = R.", np.linalg.solve(identity + gamma * P, R)),
        Mistake("the rewards returned as they are: the values also count the discounted future.", R),
        Mistake("(I - gamma P) multiplied with R. The equation (I - gamma P) V = R has to be solved for V "
                "(np.linalg.solve(M, R)), not evaluated.", M @ R),
        Mistake("a single backup R + gamma P R: the future beyond one step is missing.", R + gamma * P @ R),
        Mistake("R / (1 - gamma), the value of collecting R(s) forever without ever leaving s.", R / (1 - gamma)),
    ]


def _check(learner, R, P, gamma):
    try:
        got, what = described(call, learner, "solve_bellman", R, P, gamma)
    except LearnerError as exc:
        if exc.type_name != "LinAlgError":
            raise
        raise CheckFailed(f"{describe_call('solve_bellman', (R, P, gamma), {})}\n  raised LinAlgError ({exc.text}).\n"
                          "  For a stochastic P the matrix I - P is singular: did you forget gamma in I - gamma * P?") from None
    R, P = plain(R), plain(P)
    expected = _reference(R, P, gamma)
    arr = to_array(got, what=what)
    if arr.shape == expected.shape and np.all(np.isfinite(arr)) and np.max(np.abs(arr)) > 1e12:
        # Solving (I - P) V = R: numerically singular, the solver returns values around 1e15.
        raise CheckFailed(f"{what}\n  returned values around {np.max(np.abs(arr)):.1e}.\n"
                          "  This looks like I - P without gamma: each row of P sums to 1, so I - P is "
                          "singular. Use I - gamma * P.")
    expect_close(got, expected, what=what, mistakes=_mistakes(R, P, gamma))


def _three_state_p(as_list: bool = False) -> Described:
    return Described(THREE_STATE_P.tolist() if as_list else THREE_STATE_P, "P of A, B, C")


def test_workbook_mdp(learner):
    """the 3-state MDP at gamma 0.9"""
    _check(learner, THREE_STATE_R.tolist(), _three_state_p(as_list=True), 0.9)


def test_gamma_zero_gives_rewards(learner):
    """gamma 0 gives the rewards"""
    _check(learner, THREE_STATE_R, _three_state_p(), 0.0)


def test_small_gamma(learner):
    """the 3-state MDP at gamma 0.1"""
    _check(learner, THREE_STATE_R, _three_state_p(), 0.1)


def test_single_absorbing_state(learner):
    """a single absorbing state"""
    _check(learner, np.array([1.0]), np.array([[1.0]]), 0.5)


def test_two_states_swapping(learner):
    """two states that swap"""
    # Deterministic transitions: each state's value leans on the other state's reward.
    _check(learner, np.array([1.0, -3.0]), np.array([[0.0, 1.0], [1.0, 0.0]]), 0.8)


@pytest.mark.parametrize("seed", range(5))
def test_random_mdp(learner, seed):
    """random MDP, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 8))
    P = rng.random((n, n)) ** 3  # uneven rows, so transposing P changes the result
    P /= P.sum(axis=1, keepdims=True)
    _check(learner, Described(rng.normal(size=n) * 5, "random R"), Described(P, f"random {n}x{n} P"),
           float(rng.uniform(0.3, 0.95)))
