"""Hidden tests for td_residuals: r_t + gamma * V(s_{t+1}) * (1 - done_t) - V(s_t)."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call_explained, described, expect_close, plain
from checker.curriculum.pictures import td_residuals_picture
from checker.curriculum.ref_returns import (
    ADV_GAMMA, ADV_NEXT_VALUES, ADV_REWARDS, ADV_VALUES, td_residuals_ref,
)

TOL = 1e-5  # values up to ~20: accepts float32 arithmetic


def _mistakes(rewards, values, next_values, gamma, dones) -> list[Mistake]:
    r, v, nv = (np.asarray(x, dtype=float) for x in (rewards, values, next_values))
    live = np.ones(len(r)) if dones is None else 1.0 - np.asarray(dones, dtype=float)
    return [
        Mistake("the terminal mask forgotten: when done_t = 1 the episode ended, so nothing may be "
                "bootstrapped from V(s_{t+1}); multiply it by (1 - done_t).", r + gamma * nv - v),
        Mistake("the done flag used the wrong way round: bootstrap when done_t = 0, not when it is 1.",
                r + gamma * nv * (1.0 - live) - v),
        Mistake("the reward masked too: on the last step of an episode r_t still counts, only "
                "V(s_{t+1}) is dropped.", (r + gamma * nv) * live - v),
        Mistake("a residual without gamma: V(s_{t+1}) is discounted by gamma.", r + nv * live - v),
        Mistake("the sign flipped: delta_t = r_t + gamma V(s_{t+1}) - V(s_t), outcome minus prediction.",
                -(r + gamma * nv * live - v)),
        Mistake("V(s_t) used as the next value, bootstrapping from the state just left: bootstrap from "
                "next_values[t].", r + gamma * v * live - v),
        Mistake("the one-step target r_t + gamma V(s_{t+1}) without subtracting V(s_t).", r + gamma * nv * live),
    ]


def _check(learner, rewards, values, next_values, gamma, dones=None) -> None:
    kwargs = {} if dones is None else {"dones": dones}
    got, what = described(call_explained, learner, "td_residuals", rewards, values, next_values, gamma,
                          expectation="Return one residual per step (an empty batch gives an empty "
                                      "array). dones may be None, 0/1 numbers or booleans: "
                                      "np.asarray(dones, dtype=float) turns any of them into 0.0/1.0.", **kwargs)
    rewards, values, next_values, dones = plain(rewards), plain(values), plain(next_values), plain(dones)
    expect_close(got, td_residuals_ref(rewards, values, next_values, gamma, dones), what=what,
                 rtol=TOL, atol=TOL, mistakes=_mistakes(rewards, values, next_values, gamma, dones),
                 picture=lambda: td_residuals_picture(rewards, values, next_values, gamma, dones, got))


def test_workbook_trajectory(learner):
    """the section's 5-step trajectory"""
    _check(learner, ADV_REWARDS, ADV_VALUES, ADV_NEXT_VALUES, ADV_GAMMA)


def test_terminal_step_does_not_bootstrap(learner):
    """a terminal step does not bootstrap"""
    # The batch's last next value belongs to a new episode: the done flag must hide it.
    _check(learner, ADV_REWARDS, ADV_VALUES, ADV_NEXT_VALUES[:4] + [5.0], ADV_GAMMA, dones=[0, 0, 0, 0, 1])


def test_boolean_dones_mid_batch(learner):
    """boolean dones in the middle of a batch"""
    _check(learner, np.array([1.0, 0.5, -1.0, 2.0]), np.array([3.0, 2.0, 4.0, 1.0]),
           np.array([2.0, 6.0, 1.0, 3.0]), 0.9, dones=np.array([False, True, False, False]))


def test_empty_batch(learner):
    """an empty batch"""
    _check(learner, [], [], [], 0.99)


def test_single_step(learner):
    """a single step"""
    _check(learner, [2.0], [1.5], [3.0], 0.9, dones=[0])


@pytest.mark.parametrize("seed", range(5))
def test_random_batch(learner, seed):
    """random batch, seed {seed}"""
    rng = np.random.default_rng(seed)
    T = int(rng.integers(2, 25))
    dones = (rng.random(T) < 0.2).astype(int)
    _check(learner, Described(rng.normal(size=T), f"{T} random rewards"), Described(rng.normal(scale=5, size=T), "values"),
           Described(rng.normal(scale=5, size=T), "next values"), float(rng.uniform(0.8, 0.999)),
           dones=Described(dones, f"{int(dones.sum())} random dones"))
