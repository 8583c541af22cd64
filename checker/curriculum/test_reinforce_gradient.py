"""Hidden tests for reinforce_gradient: sum over t of G_t * (onehot(a_t) - softmax(theta))."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call_explained, described, expect_close, plain
from checker.curriculum.pictures import reinforce_gradient_picture
from checker.curriculum.ref_returns import returns_forward, softmax_ref

# Returns up to ~20 and sums of up to 20 steps: 1e-5 accepts float32 arithmetic.
TOL = 1e-5


def _reference(theta, actions, returns) -> np.ndarray:
    # Entry by entry: d/d theta_j of sum_t G_t log pi(a_t) = sum_t G_t (1{j = a_t} - pi_j).
    pi = softmax_ref(theta)
    n = len(pi)
    return np.array([sum(float(G) * ((1.0 if int(a) == j else 0.0) - pi[j]) for a, G in zip(actions, returns))
                     for j in range(n)], dtype=float)


def _mistakes(theta, actions, returns) -> list[Mistake]:
    pi = softmax_ref(theta)
    n, T = len(pi), len(actions)
    G = np.asarray(returns, dtype=float)
    scores = np.array([np.eye(n)[int(a)] - pi for a in actions]).reshape(T, n)
    total = G @ scores
    found = [
        Mistake("the gradient with its sign flipped: REINFORCE ascends, so the score is "
                "onehot(a_t) - softmax(theta), weighted by +G_t.", -total),
        Mistake("the scores summed without weighting by the returns: multiply each step's score by its G_t.",
                scores.sum(axis=0)),
        Mistake("every step weighted by G_0, the return of the whole episode: step t uses its own G_t.",
                G[0] * scores.sum(axis=0) if T else np.zeros(n)),
        Mistake("onehot(a_t) * G_t alone, without subtracting softmax(theta) from the one-hot.",
                G @ np.array([np.eye(n)[int(a)] for a in actions]).reshape(T, n)),
    ]
    if T:
        found.append(Mistake("the mean over steps instead of the sum: do not divide by the episode length.",
                             total / T))
    return found


def _check(learner, theta, actions, returns) -> None:
    got, what = described(call_explained, learner, "reinforce_gradient", theta, actions, returns,
                          expectation="An episode with no steps contributes nothing: return zeros, "
                                      "one per logit.")
    theta, actions, returns = plain(theta), plain(actions), plain(returns)
    expect_close(got, _reference(theta, actions, returns), what=what, rtol=TOL, atol=TOL,
                 mistakes=_mistakes(theta, actions, returns),
                 picture=lambda: reinforce_gradient_picture(theta, actions, returns, got))


def test_single_step_positive_return(learner):
    """one step with a positive return"""
    _check(learner, [2.0, 1.0], [0], [1.0])


def test_negative_return_pushes_away(learner):
    """a negative return pushes away"""
    _check(learner, [2.0, 1.0], [0], [-2.0])


def test_workbook_returns(learner):
    """the returns of rewards [1, 0, 1, 0, 1]"""
    # The rewards [1, 0, 1, 0, 1] at gamma 0.99, with a made-up action sequence.
    _check(learner, [2.0, 1.0], [0, 1, 0, 0, 1], returns_forward([1, 0, 1, 0, 1], 0.99).tolist())


def test_three_actions_numpy_input(learner):
    """three actions, numpy input"""
    _check(learner, np.array([0.5, -1.0, 2.0]), np.array([2, 0, 1, 2]), np.array([1.5, -0.5, 3.0, 0.25]))


def test_large_logits_stay_finite(learner):
    """large logits stay finite"""
    # exp(1000) overflows: the softmax inside the gradient must subtract max(theta) first.
    _check(learner, [1000.0, 990.0, -1000.0], [0, 2, 1], [1.0, -0.5, 2.0])


def test_empty_episode_gives_zero_gradient(learner):
    """an empty episode gives a zero gradient"""
    _check(learner, [2.0, 1.0], [], [])


@pytest.mark.parametrize("seed", range(5))
def test_random_episode(learner, seed):
    """random episode, seed {seed}"""
    rng = np.random.default_rng(seed)
    n, T = int(rng.integers(2, 6)), int(rng.integers(2, 20))
    returns = returns_forward(rng.normal(size=T), 0.95)
    _check(learner, Described(rng.normal(size=n), f"{n} random logits"),
           Described(rng.integers(n, size=T), f"{T} random actions"), Described(returns, "their returns"))
