"""Hidden tests for compute_returns: G_t = r_t + gamma * G_{t+1} for every step."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call_explained, described, expect_close, plain
from checker.curriculum.pictures import returns_picture
from checker.curriculum.ref_returns import returns_forward

# Returns are sums of up to ~30 terms; 1e-5 accepts float32 arithmetic, and every wrong
# variant below differs by far more.
TOL = 1e-5


def _integer_truncated(rewards, gamma, *, reread: bool) -> np.ndarray:
    # What np.zeros_like(rewards) on an int list produces: every G_t is cut to an int when
    # stored. With `reread`, the recursion reads the truncated G[t + 1] back.
    G = np.zeros(len(rewards), dtype=int)
    future = 0.0
    for t in reversed(range(len(rewards))):
        future = rewards[t] + gamma * future
        G[t] = int(future)
        if reread:
            future = float(G[t])
    return G.astype(float)


INT_ARRAY = ("an integer result array (np.zeros_like on integer rewards makes an int array that truncates "
             "every G_t): create the output with dtype=float.")


def _mistakes(rewards, gamma) -> list[Mistake]:
    r = np.asarray(rewards, dtype=float)
    G = returns_forward(r, gamma)
    forward = np.array([sum(gamma ** (t - k) * r[k] for k in range(t + 1)) for t in range(len(r))])
    return [
        Mistake("returns with no discount (a plain reverse cumulative sum): multiply the future by gamma.",
                np.cumsum(r[::-1])[::-1]),
        Mistake("G_t without its own reward r_t (G_t = gamma * G_{t+1}): the current reward counts in full.",
                G - r),
        Mistake("returns shifted by one step (G_{t+1} stored at t): step t's return starts with r_t.",
                np.append(G[1:], 0.0)),
        Mistake("the current reward discounted too (G_t = gamma * (r_t + G_{t+1})): r_t counts in full.",
                gamma * G),
        Mistake("a forward cumulative sum: G_t sums the rewards from t to the END of the episode, "
                "so compute it backwards, from the last step.", forward),
        Mistake("a forward cumulative sum without discount: G_t sums the rewards from t to the END of "
                "the episode, each weighted by gamma^(k-t), so compute it backwards, from the last step.",
                np.cumsum(r)),
        # Two ways to store into an int array, one explanation: the int array is the bug.
        *[Mistake(INT_ARRAY, _integer_truncated(list(rewards), gamma, reread=reread)) for reread in (False, True)],
    ]


def _check(learner, rewards, gamma) -> None:
    got, what = described(call_explained, learner, "compute_returns", rewards, gamma,
                          expectation="Every step t of the episode gets one return; an empty episode "
                                      "gives an empty array.")
    rewards = plain(rewards)
    expect_close(got, returns_forward(rewards, gamma), what=what, rtol=TOL, atol=TOL,
                 mistakes=_mistakes(rewards, gamma), picture=lambda: returns_picture(rewards, gamma, got))


def test_workbook_trajectory(learner):
    """rewards [1, 0, 1, 0, 1] at gamma 0.99"""
    _check(learner, [1, 0, 1, 0, 1], 0.99)


def test_float_rewards_numpy_input(learner):
    """float rewards, numpy input"""
    _check(learner, np.array([0.5, -1.0, 2.0, 0.0, 3.0, -0.5]), 0.9)


def test_empty_episode_gives_empty_array(learner):
    """an empty episode gives an empty array"""
    _check(learner, [], 0.99)


def test_single_step(learner):
    """a single step"""
    _check(learner, [4.0], 0.9)


def test_gamma_zero_gives_the_rewards(learner):
    """gamma 0 gives the rewards"""
    _check(learner, [1.0, -2.0, 3.0, 0.5], 0.0)


def test_gamma_one_sums_the_rest_of_the_episode(learner):
    """gamma 1 sums the rest of the episode"""
    _check(learner, [1.0, -2.0, 3.0, 0.5], 1.0)


@pytest.mark.parametrize("seed", range(5))
def test_random_episode(learner, seed):
    """random episode, seed {seed}"""
    rng = np.random.default_rng(seed)
    rewards = rng.normal(size=int(rng.integers(2, 30)))
    _check(learner, Described(rewards, f"{len(rewards)} random rewards"), float(rng.uniform(0.5, 0.999)))
