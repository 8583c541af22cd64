"""Hidden tests for policy_evaluation: synchronous sweeps of the Bellman expectation backup."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call, described, expect_close, plain
from checker.curriculum.pictures import policy_evaluation_picture
from checker.curriculum.ref_gridworld import GAMMA, evaluate, gridworld_model, uniform_policy


def _sweeps(P, R, pi, gamma, iterations, *, in_place=False, backup="expectation") -> np.ndarray:
    # Vectorised slips, independent of the loop reference: in-place sweeps, or a different backup.
    P, R, pi = (np.asarray(x, dtype=float) for x in (P, R, pi))
    V = np.zeros(R.shape[0])
    for _ in range(iterations):
        if in_place:
            for s in range(len(V)):
                V[s] = pi[s] @ (R[s] + gamma * P[s] @ V)
            continue
        q = R + gamma * P @ V
        if backup == "max":
            V = q.max(axis=1)
        elif backup == "sum":
            V = q.sum(axis=1)
        elif backup == "mean":
            V = q.mean(axis=1)
        else:
            V = (pi * q).sum(axis=1)
    return V


def _mistakes(P, R, pi, gamma, n) -> list[Mistake]:
    found = [
        Mistake("in-place (Gauss-Seidel) sweeps: states later in a sweep used values already updated "
                "in that sweep. Compute each new V from the previous V only.", _sweeps(P, R, pi, gamma, n, in_place=True)),
        Mistake(f"one sweep too many ({n + 1} instead of {n}).", evaluate(P, R, pi, gamma, n + 1)),
        Mistake("the max over actions (value iteration): policy evaluation takes the expectation "
                "sum over a of pi[s, a] * (...).", _sweeps(P, R, pi, gamma, n, backup="max")),
        Mistake("a backup without gamma: discount the next state's value.", evaluate(P, R, pi, 1.0, n)),
        Mistake("a sum over actions without the weights pi[s, a].", _sweeps(P, R, pi, gamma, n, backup="sum")),
        Mistake("a plain average over actions: weight each action by pi[s, a], not by 1 / A.",
                _sweeps(P, R, pi, gamma, n, backup="mean")),
    ]
    if n >= 1:
        found.insert(2, Mistake(f"one sweep too few ({n - 1} instead of {n}).", evaluate(P, R, pi, gamma, n - 1)))
    return found


def _check(learner, P, R, pi, gamma, iterations) -> None:
    got, what = described(call, learner, "policy_evaluation", P, R, pi, gamma, iterations)
    # The gridworld's states have names: V(S5) reads better than [5].
    entry = (lambda index: f"V(S{index[0]})") if np.shape(plain(R)) == (9, 4) else "V"
    P, R, pi = plain(P), plain(R), plain(pi)
    expect_close(got, evaluate(P, R, pi, gamma, iterations), what=what, rtol=1e-6, atol=1e-6, entry=entry,
                 mistakes=_mistakes(P, R, pi, gamma, iterations),
                 picture=lambda: policy_evaluation_picture(P, R, pi, gamma, iterations, got))


def _gridworld(as_lists: bool = False) -> tuple[Described, Described]:
    P, R = gridworld_model()
    if as_lists:
        P, R = P.tolist(), R.tolist()
    return Described(P, "gridworld P"), Described(R, "gridworld R")


def _uniform(as_list: bool = False) -> Described:
    pi = uniform_policy()
    return Described(pi.tolist() if as_list else pi, "uniform pi")


def _random_mdp(rng) -> tuple:
    # The last state is terminal: all-zero rows in P and R.
    n_states, n_actions = int(rng.integers(3, 8)), int(rng.integers(2, 5))
    P = rng.random((n_states, n_actions, n_states)) ** 3
    P /= P.sum(axis=2, keepdims=True)
    P[-1] = 0.0
    R = rng.normal(size=(n_states, n_actions))
    R[-1] = 0.0
    pi = rng.random((n_states, n_actions))
    pi /= pi.sum(axis=1, keepdims=True)
    return P, R, pi


@pytest.mark.parametrize("iterations", [1, 2, 4])
def test_gridworld_uniform_policy(learner, iterations):
    """gridworld, uniform policy, {iterations} sweeps"""
    _check(learner, *_gridworld(), _uniform(), GAMMA, iterations)


def test_gridworld_many_sweeps(learner):
    """gridworld, uniform policy, 60 sweeps"""
    _check(learner, *_gridworld(), _uniform(), GAMMA, 60)


def test_zero_iterations_gives_zeros(learner):
    """0 sweeps give zeros"""
    _check(learner, *_gridworld(), _uniform(), GAMMA, 0)


def test_deterministic_policy(learner):
    """gridworld, a deterministic policy to S8, 5 sweeps"""
    # Always "right", except "down" in the right column: every state walks straight to S8.
    pi = np.zeros((9, 4))
    pi[:, 3] = 1.0
    pi[[2, 5, 8], :] = [0.0, 1.0, 0.0, 0.0]
    _check(learner, *_gridworld(), Described(pi, "right, then down the right column"), GAMMA, 5)


def test_nested_lists_as_input(learner):
    """nested lists as input"""
    _check(learner, *_gridworld(as_lists=True), _uniform(as_list=True), 0.5, 3)


def test_gamma_zero_gives_expected_reward(learner):
    """gamma 0 gives the expected reward"""
    pi = np.tile([0.1, 0.2, 0.3, 0.4], (9, 1))
    _check(learner, *_gridworld(), Described(pi, "pi = [0.1, 0.2, 0.3, 0.4] everywhere"), 0.0, 3)


@pytest.mark.parametrize("seed", range(5))
def test_random_mdp_with_terminal_state(learner, seed):
    """random MDP with a terminal state, seed {seed}"""
    rng = np.random.default_rng(seed)
    P, R, pi = _random_mdp(rng)
    S, A = R.shape
    _check(learner, Described(P, f"random {S}x{A}x{S} P"), Described(R, f"random {S}x{A} R"),
           Described(pi, "random pi"), float(rng.uniform(0.5, 0.99)), int(rng.integers(1, 12)))


@pytest.mark.parametrize("seed", range(3))
def test_random_deterministic_policy(learner, seed):
    """random MDP, deterministic policy, seed {seed}"""
    rng = np.random.default_rng(100 + seed)
    P, R, _ = _random_mdp(rng)
    S, A = R.shape
    pi = np.eye(A)[rng.integers(A, size=S)]
    _check(learner, Described(P, f"random {S}x{A}x{S} P"), Described(R, f"random {S}x{A} R"),
           Described(pi, "random deterministic pi"), float(rng.uniform(0.5, 0.99)), int(rng.integers(2, 10)))
