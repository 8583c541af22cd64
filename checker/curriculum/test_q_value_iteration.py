"""Hidden tests for q_value_iteration: synchronous sweeps of the Bellman optimality backup on Q."""

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.curriculum.checks import (
    Described, Mistake, call_with_time_limit, described, expect_close, plain, show, to_array,
)
from checker.curriculum.mdps import TWO_STATE_NEXT, TWO_STATE_R
from checker.curriculum.ref_values import optimal_q, q_sweeps

NEVER_STOPS = ("The change of a sweep never drops below epsilon. Check that gamma multiplies the max over "
               "the next state's Q-values (without it the values grow forever) and that Q is replaced by "
               "the new values after every sweep.")


def _mistakes(R, nxt, gamma, epsilon):
    history = q_sweeps(R, nxt, gamma, epsilon)
    R_arr, nxt_arr = np.asarray(R, dtype=float), np.asarray(nxt, dtype=int)
    one_more = R_arr + gamma * history[-1].max(axis=1)[nxt_arr]
    return [
        Mistake("an in-place (Gauss-Seidel) sweep: later entries used values already updated in this sweep. "
                "Compute all of Q_new from the previous sweep's Q.", q_sweeps(R, nxt, gamma, epsilon, in_place=True)[-1]),
        Mistake("the mean over the next state's actions. The optimality backup takes the max: act optimally "
                "after the first step.", q_sweeps(R, nxt, gamma, epsilon, reduce="mean")[-1]),
        Mistake("the Q-values from before the last sweep. Return Q after the sweep whose change dropped "
                "below epsilon.", history[-2]),
        Mistake("one sweep too many. Stop right after the first sweep whose change is below epsilon.", one_more),
        Mistake("the exact fixed point Q*. Q-value iteration returns the iterate it stopped at.",
                optimal_q(R, nxt, gamma)),
        Mistake("a stopping test on the signed change max(Q_new - Q), so values that go down never count. "
                "Measure the change with abs().", q_sweeps(R, nxt, gamma, epsilon, signed_change=True)[-1]),
    ]


def _check(learner, R, nxt, gamma, epsilon):
    got, what = described(call_with_time_limit, learner, "q_value_iteration", R, nxt, gamma, epsilon,
                          seconds=2, why=NEVER_STOPS)
    R, nxt = plain(R), plain(nxt)
    expected = q_sweeps(R, nxt, gamma, epsilon)[-1]
    S, A = expected.shape
    arr = to_array(got, what=what)
    if arr.shape == (S,) and A > 1:
        raise CheckFailed(f"{what}\n  returned {show(arr)}, one value per state (shape ({S},)).\n"
                          f"  That is V, not Q: return the whole table, shape ({S}, {A}), one value per "
                          "state and action.")
    if arr.shape == (A, S) and A != S:
        raise CheckFailed(f"{what}\n  returned shape ({A}, {S}), expected ({S}, {A}).\n"
                          "  Rows are states and columns are actions, like R: Q[s][a].")
    expect_close(got, expected, what=what, mistakes=_mistakes(R, nxt, gamma, epsilon),
                 entry=lambda index: f"Q[{index[0]}][{index[1]}]")


def test_workbook_mdp(learner):
    """the 2-state MDP at gamma 0.9"""
    _check(learner, TWO_STATE_R.tolist(), TWO_STATE_NEXT.tolist(), 0.9, 1e-3)


def test_large_epsilon_returns_the_iterate(learner):
    """a large epsilon returns the iterate, not Q*"""
    # Stops after a few sweeps, far from Q*.
    _check(learner, TWO_STATE_R, TWO_STATE_NEXT, 0.9, 1.0)


def test_gamma_zero_gives_rewards(learner):
    """gamma 0 gives the rewards"""
    _check(learner, TWO_STATE_R, TWO_STATE_NEXT, 0.0, 0.01)


def test_negative_rewards(learner):
    """negative rewards"""
    # Q only goes down here: a change measured without abs() looks like zero after one sweep.
    _check(learner, [[-1.0, -2.0], [0.0, -1.0]], [[0, 1], [1, 0]], 0.9, 0.01)


def test_one_action_is_value_iteration(learner):
    """one action: value iteration on the chain"""
    # A = 1: the 4-state chain of value iteration, Q has shape (4, 1).
    _check(learner, [[0.0], [0.0], [0.0], [1.0]], [[1], [2], [3], [3]], 0.9, 0.01)


def test_one_state_two_actions(learner):
    """one state, two actions"""
    _check(learner, [[1.0, 3.0]], [[0, 0]], 0.5, 1e-4)


def test_three_states_three_actions(learner):
    """three states, three actions"""
    R = [[0.0, 1.0, -1.0], [2.0, 0.0, 0.5], [0.0, -2.0, 4.0]]
    nxt = [[1, 2, 0], [0, 2, 1], [2, 0, 1]]
    _check(learner, R, nxt, 0.8, 1e-3)


@pytest.mark.parametrize("seed", range(5))
def test_random_mdp(learner, seed):
    """random MDP, seed {seed}"""
    rng = np.random.default_rng(seed)
    S, A = int(rng.integers(2, 7)), int(rng.integers(2, 5))
    R = np.round(rng.normal(size=(S, A)) * 2, 2)
    nxt = rng.integers(0, S, size=(S, A))
    _check(learner, Described(R, f"random {S}x{A} R"), Described(nxt, f"random {S}x{A} next_state"),
           float(rng.uniform(0.5, 0.95)), float(rng.choice([0.1, 0.01, 1e-3])))
