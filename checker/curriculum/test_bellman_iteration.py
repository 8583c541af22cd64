"""Hidden tests for bellman_iteration: one synchronous backup."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call, described, expect_close, plain
from checker.curriculum.mdps import THREE_STATE_P, THREE_STATE_R


def _reference(V, R, P, gamma):
    # Written as explicit sums, independently of any matrix product a solution may use.
    V, R, P = (np.asarray(x, dtype=float) for x in (V, R, P))
    n = len(V)
    return np.array([R[s] + gamma * sum(P[s, t] * V[t] for t in range(n)) for s in range(n)])


def _gauss_seidel(V, R, P, gamma):
    V = np.array(V, dtype=float)
    for s in range(len(V)):
        V[s] = R[s] + gamma * np.dot(P[s], V)
    return V


def _mistakes(V, R, P, gamma):
    V, R, P = (np.asarray(x, dtype=float) for x in (V, R, P))
    return [
        Mistake("an in-place (Gauss-Seidel) sweep: later states used values already updated in this sweep. "
                "Compute every new value from the old V.", _gauss_seidel(V, R, P, gamma)),
        Mistake("P used as P[s'][s] (transposed). Row s holds the probabilities of leaving s.", R + gamma * P.T @ V),
        Mistake("a backup without gamma: the future must be discounted.", R + P @ V),
        Mistake("the old values returned unchanged.", V),
    ]


def _check(learner, V, R, P, gamma):
    got, what = described(call, learner, "bellman_iteration", V, R, P, gamma)
    V, R, P = plain(V), plain(R), plain(P)
    expect_close(got, _reference(V, R, P, gamma), what=what, mistakes=_mistakes(V, R, P, gamma))


def _three_state_p(as_list: bool = False) -> Described:
    return Described(THREE_STATE_P.tolist() if as_list else THREE_STATE_P, "P of A, B, C")


def test_first_backup_from_zero(learner):
    """first backup from V = 0, 3-state MDP"""
    _check(learner, [0.0, 0.0, 0.0], THREE_STATE_R.tolist(), _three_state_p(as_list=True), 0.9)


def test_backup_from_nonzero_values(learner):
    """backup from V = [10, 2, 5]"""
    _check(learner, np.array([10.0, 2.0, 5.0]), THREE_STATE_R, _three_state_p(), 0.9)


def test_gamma_zero_gives_rewards(learner):
    """gamma 0 gives the rewards"""
    _check(learner, np.array([3.0, -1.0, 7.0]), THREE_STATE_R, _three_state_p(), 0.0)


def test_single_state(learner):
    """a single state"""
    _check(learner, np.array([4.0]), np.array([1.0]), np.array([[1.0]]), 0.5)


@pytest.mark.parametrize("seed", range(5))
def test_random_mdp(learner, seed):
    """random MDP, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 8))
    P = rng.random((n, n))
    P /= P.sum(axis=1, keepdims=True)
    V, R = rng.normal(size=n), rng.normal(size=n)
    _check(learner, Described(V, "random V"), Described(R, "random R"), Described(P, f"random {n}x{n} P"),
           float(rng.uniform(0.1, 0.99)))
