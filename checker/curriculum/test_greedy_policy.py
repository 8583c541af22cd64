"""Hidden tests for greedy_policy: argmax over actions per state, ties to the lowest index."""

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.curriculum.checks import Described, Mistake, call, described, expect_close, plain, show, to_array
from checker.curriculum.mdps import TWO_STATE_NEXT, TWO_STATE_R
from checker.curriculum.ref_values import optimal_q


def _reference(Q) -> list[int]:
    # Explicit scan: keep the first action whose value beats every earlier one.
    policy = []
    for row in np.asarray(Q, dtype=float):
        best = 0
        for a in range(1, len(row)):
            if row[a] > row[best]:
                best = a
        policy.append(best)
    return policy


def _mistakes(Q) -> list[Mistake]:
    Q = np.asarray(Q, dtype=float)
    A = Q.shape[1]
    return [
        Mistake("argmin: the action with the smallest Q-value. The greedy policy maximises.", np.argmin(Q, axis=1)),
        Mistake("ties broken toward the highest index. Among equal Q-values pick the lowest action index "
                "(numpy.argmax does).", A - 1 - np.argmax(Q[:, ::-1], axis=1)),
        Mistake("argmax over axis 0, the best state for each action. Take the argmax along each row "
                "(axis=1): one action per state.", np.argmax(Q, axis=0)),
        Mistake("the best Q-values instead of the best actions. Return the index (argmax), not the value (max).",
                Q.max(axis=1)),
    ]


def _check(learner, Q):
    got, what = described(call, learner, "greedy_policy", Q)
    Q = plain(Q)
    arr = to_array(got, what=what)
    expected = _reference(Q)
    S, A = np.shape(Q)
    if arr.shape == (A,) and A != S:
        raise CheckFailed(f"{what}\n  returned {A} values, one per action; expected {S}, one per state.\n"
                          "  This looks like argmax over axis 0. Take the argmax along each row (axis=1).")
    if arr.shape == (len(expected),) and not _all_integers(got):
        raise CheckFailed(f"{what}\n  returned {show(arr)}, which are not integers.\n"
                          "  Actions are indices: return integers (numpy.argmax gives them), "
                          "so that Q[s, policy[s]] works.")
    expect_close(got, expected, what=what, mistakes=_mistakes(Q), rtol=0, atol=0)


def _all_integers(value) -> bool:
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "iu"
    return all(isinstance(x, (int, np.integer)) and not isinstance(x, bool) for x in value)


def test_workbook_q_values(learner):
    """the optimal Q-values of the 2-state MDP"""
    _check(learner, Described(optimal_q(TWO_STATE_R, TWO_STATE_NEXT, 0.9).tolist(), "Q* of the 2-state MDP"))


def test_ties_go_to_lowest_index(learner):
    """ties go to the lowest index"""
    _check(learner, np.array([[1.0, 1.0], [0.0, 2.0], [3.0, 3.0], [5.0, -1.0]]))


def test_tie_among_three_actions(learner):
    """a tie among three actions"""
    _check(learner, [[2.0, 2.0, 1.0], [0.0, 4.0, 4.0], [-1.0, -1.0, -1.0]])


def test_one_state(learner):
    """one state"""
    _check(learner, [[0.5, -2.0, 3.0, 1.0]])


def test_one_action(learner):
    """one action"""
    _check(learner, np.array([[1.0], [-3.0], [0.0]]))


def test_negative_values(learner):
    """negative values"""
    _check(learner, np.array([[-5.0, -1.0, -3.0], [-0.5, -7.0, -0.25], [-2.0, -9.0, -4.0]]))


@pytest.mark.parametrize("seed", range(5))
def test_random_q(learner, seed):
    """random Q table, seed {seed}"""
    rng = np.random.default_rng(seed)
    S, A = int(rng.integers(1, 8)), int(rng.integers(2, 6))
    Q = np.round(rng.normal(size=(S, A)), 1)  # one decimal: some rows get ties
    _check(learner, Described(Q, f"random {S}x{A} Q"))
