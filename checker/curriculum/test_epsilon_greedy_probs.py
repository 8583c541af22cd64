"""Hidden tests for epsilon_greedy_probs(Q, epsilon)."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call, described, expect_close, plain
from checker.curriculum.pictures import epsilon_greedy_picture


def _reference(Q, epsilon: float) -> np.ndarray:
    # Explicit scan for the first maximum, then the two branches per action.
    Q = [float(q) for q in Q]
    greedy = 0
    for a in range(len(Q)):
        if Q[a] > Q[greedy]:
            greedy = a
    return np.array([epsilon / len(Q) + (1.0 - epsilon) * (a == greedy) for a in range(len(Q))])


def _mistakes(Q, epsilon: float) -> list[Mistake]:
    Q = np.asarray(Q, dtype=float)
    n = len(Q)
    g = int(np.argmax(Q))
    no_share = np.full(n, epsilon / n)
    no_share[g] = 1.0 - epsilon
    ties = np.flatnonzero(Q == Q.max())
    spread = np.full(n, epsilon / n)
    spread[ties] += (1.0 - epsilon) / len(ties)
    last = np.full(n, epsilon / n)
    last[ties[-1]] += 1.0 - epsilon
    mistakes = [
        Mistake("the greedy action missing its epsilon / n share: it gets 1 - epsilon from exploiting "
                "plus epsilon / n from the random branch.", no_share),
        Mistake("the greedy probability spread over all tied actions; ties go to the lowest index.", spread),
        Mistake("ties going to the highest index; like np.argmax, take the lowest.", last),
    ]
    if n > 1:
        others = np.full(n, epsilon / (n - 1))
        others[g] = 1.0 - epsilon
        mistakes.append(Mistake("epsilon / (n - 1) for the other actions: the random branch picks among "
                                "all n actions, the greedy one included.", others))
    return mistakes


def _check(learner, Q, epsilon: float) -> None:
    got, what = described(call, learner, "epsilon_greedy_probs", Q, epsilon)
    Q = plain(Q)
    expect_close(got, _reference(Q, epsilon), what=what, mistakes=_mistakes(Q, epsilon),
                 picture=lambda: epsilon_greedy_picture(Q, epsilon, got))


def test_workbook_example(learner):
    """Q = [1, 0.5, 2, 0] at epsilon 0.1"""
    _check(learner, [1.0, 0.5, 2.0, 0.0], 0.1)


def test_numpy_input(learner):
    """numpy input"""
    _check(learner, np.array([-2.0, 4.0, 1.0]), 0.3)


def test_ties_go_to_lowest_index(learner):
    """ties go to the lowest index"""
    _check(learner, [1.0, 5.0, 2.0, 5.0, 5.0], 0.2)


def test_all_equal_values(learner):
    """all values equal"""
    _check(learner, [0.0, 0.0, 0.0], 0.5)


def test_epsilon_zero_is_greedy(learner):
    """epsilon 0 is greedy"""
    _check(learner, [0.3, 0.1, 0.9, 0.2], 0.0)


def test_epsilon_one_is_uniform(learner):
    """epsilon 1 is uniform"""
    _check(learner, [0.3, 0.1, 0.9, 0.2], 1.0)


def test_single_action(learner):
    """a single action"""
    _check(learner, [7.0], 0.1)


@pytest.mark.parametrize("seed", range(5))
def test_random_values(learner, seed):
    """random Q-values, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 9))
    _check(learner, Described(rng.normal(size=n), f"{n} random Q-values"), float(rng.uniform(0.01, 0.5)))
