"""Hidden tests for gae: backward GAE over a rollout with episode boundaries.

Expected values come from `gae_forward` (explicit forward sums of (gamma*lambda)^l delta_{t+l},
cut at the first episode end); the wrong variants below are backward recursions with one
thing changed each.
"""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call_explained, described, expect_close, plain
from checker.curriculum.pictures import gae_picture
from checker.curriculum.ref_returns import (
    ADV_GAMMA, ADV_REWARDS, ADV_VALUES, gae_forward, td_residuals_ref,
)

TOL = 1e-5  # advantages up to ~50: accepts float32 arithmetic


def _variant(rewards, values, last_value, gamma, lam, dones, *, decay=None, mask_delta=True,
             mask_carry=True, forward=None, next_is_current=False, use_last=True, add_values=False):
    r, v = np.asarray(rewards, dtype=float), np.asarray(values, dtype=float)
    T = len(r)
    d = np.zeros(T) if dones is None else np.asarray(dones, dtype=float)
    nxt = v.copy() if next_is_current else np.append(v[1:], float(last_value) if use_last else 0.0)
    k = gamma * lam if decay is None else decay
    delta = r + gamma * nxt * (1.0 - d if mask_delta else 1.0) - v
    adv, carry = np.zeros(T), 0.0
    order = range(T) if forward else reversed(range(T))  # forward: "prev" or "same" done flag gates
    for t in order:
        if not mask_carry:
            gate = 1.0
        elif forward == "prev":  # step t carries from t-1, cut where the previous step ended an episode
            gate = 1.0 - d[t - 1] if t > 0 else 1.0
        else:
            gate = 1.0 - d[t]
        carry = delta[t] + k * gate * carry
        adv[t] = carry
    return adv + v if add_values else adv


def _mistakes(*args) -> list[Mistake]:
    # Order matters where variants coincide (e.g. a done on the last step leaves nothing to
    # carry): each message is placed so that it is true for every variant it can shadow.
    forward = ("a forward recursion (A_t built from A_{t-1}): advantages look into the future, so run "
               "from the last step back to the first.")
    return [
        Mistake("lambda used as the decay where gamma * lambda belongs: A_t = delta_t + gamma * lam * A_{t+1}.",
                _variant(*args, decay=args[4])),
        Mistake("delta_t bootstrapping from V(s_{t+1}) at an episode end: multiply gamma * V(s_{t+1}) "
                "by (1 - done_t).", _variant(*args, mask_delta=False)),
        Mistake("A_{t+1} carried back across an episode end: the recursion must restart there, "
                "A_t = delta_t + gamma * lam * (1 - done_t) * A_{t+1}.", _variant(*args, mask_carry=False)),
        Mistake("the done mask forgotten in both places: at an episode end, do not bootstrap from the "
                "next state and do not carry A_{t+1} back.", _variant(*args, mask_delta=False, mask_carry=False)),
        Mistake(forward, _variant(*args, forward="prev")),
        Mistake(forward, _variant(*args, forward="same")),
        Mistake("V(s_t) used as the next state's value (off by one): the next value of step t is "
                "values[t + 1], or last_value at the last step.", _variant(*args, next_is_current=True)),
        Mistake("last_value ignored: when the last step does not end its episode, it bootstraps from "
                "last_value = V(s_T).", _variant(*args, use_last=False)),
        Mistake("returns (advantages + values) returned: return the advantages themselves.",
                _variant(*args, add_values=True)),
        Mistake("the TD residuals alone (lambda ignored): add gamma * lam * A_{t+1}.", _variant(*args, decay=0.0)),
    ]


def _check(learner, rewards, values, last_value, gamma, lam, dones=None, expected=None) -> None:
    kwargs = {} if dones is None else {"dones": dones}
    got, what = described(call_explained, learner, "gae", rewards, values, last_value, gamma, lam,
                          expectation="Return one advantage per step (an empty rollout gives an empty "
                                      "array). dones may be None, 0/1 numbers or booleans.", **kwargs)
    rewards, values, dones = plain(rewards), plain(values), plain(dones)
    if expected is None:
        expected = gae_forward(rewards, values, last_value, gamma, lam, dones)
    expect_close(got, expected, what=what, rtol=TOL, atol=TOL,
                 mistakes=_mistakes(rewards, values, last_value, gamma, lam, dones),
                 picture=lambda: gae_picture(rewards, values, last_value, gamma, lam, dones, got))


def test_workbook_trajectory(learner):
    """the section's 5-step trajectory, lambda 0.95"""
    # V(s_5) = 0 as last_value: the section treats s_5 as terminal.
    _check(learner, ADV_REWARDS, ADV_VALUES, 0.0, ADV_GAMMA, 0.95)


def test_workbook_terminal_flag_ignores_last_value(learner):
    """a done on the last step ignores last_value"""
    _check(learner, ADV_REWARDS, ADV_VALUES, 5.0, ADV_GAMMA, 0.95, dones=[0, 0, 0, 0, 1])


def test_lambda_zero_gives_td_residuals(learner):
    """lambda 0 gives the TD residuals"""
    rewards, values = [1.0, -0.5, 2.0, 0.0], [3.0, 2.5, 4.0, 1.0]
    deltas = td_residuals_ref(rewards, values, values[1:] + [2.0], 0.9)
    _check(learner, rewards, values, 2.0, 0.9, 0.0, expected=deltas)


def test_lambda_one_gives_returns_minus_values(learner):
    """lambda 1 gives returns minus values"""
    rewards, values, last, gamma = [1.0, -0.5, 2.0, 0.0], [3.0, 2.5, 4.0, 1.0], 2.0, 0.9
    T = len(rewards)
    returns = [sum(gamma ** (k - t) * rewards[k] for k in range(t, T)) + gamma ** (T - t) * last for t in range(T)]
    _check(learner, rewards, values, last, gamma, 1.0, expected=np.array(returns) - np.array(values))


def test_done_at_first_step(learner):
    """a done at the first step"""
    _check(learner, [1.0, 2.0, 0.5], [4.0, 1.0, 2.0], 3.0, 0.9, 0.8, dones=[1, 0, 0])


def test_done_at_last_step(learner):
    """a done at the last step"""
    _check(learner, [1.0, 2.0, 0.5], [4.0, 1.0, 2.0], 3.0, 0.9, 0.8, dones=[0, 0, 1])


def test_done_in_the_middle_resets_the_recursion(learner):
    """a done in the middle resets the recursion"""
    _check(learner, np.array([1.0, 0.0, 2.0, -1.0, 0.5, 1.0]), np.array([2.0, 3.0, 1.0, 4.0, 2.0, 0.5]), 1.5,
           0.95, 0.9, dones=np.array([False, False, True, False, False, False]))


def test_empty_rollout(learner):
    """an empty rollout"""
    _check(learner, [], [], 0.0, 0.99, 0.95)


def test_single_step(learner):
    """a single step"""
    _check(learner, [1.0], [0.5], 2.0, 0.9, 0.95)


def test_single_step_done(learner):
    """a single step that ends its episode"""
    _check(learner, [1.0], [0.5], 2.0, 0.9, 0.95, dones=[1])


@pytest.mark.parametrize("seed", range(5))
def test_random_rollout(learner, seed):
    """random rollout, seed {seed}"""
    rng = np.random.default_rng(seed)
    T = int(rng.integers(3, 30))
    dones = (rng.random(T) < 0.15).astype(int)
    _check(learner, Described(rng.normal(size=T), f"{T} random rewards"), Described(rng.normal(scale=3, size=T), "values"),
           float(rng.normal(scale=3)), float(rng.uniform(0.9, 0.999)), float(rng.uniform(0.5, 1.0)),
           dones=Described(dones, f"{int(dones.sum())} random dones"))
