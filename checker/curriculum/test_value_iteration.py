"""Hidden tests for value_iteration: synchronous sweeps until the change drops below epsilon."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call_with_time_limit, described, expect_close, plain
from checker.curriculum.pictures import value_iteration_picture
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_values import exact_values, value_sweeps

NEVER_STOPS = ("The change of a sweep never drops below epsilon. Check that gamma multiplies "
               "V[next_state[s]] (without it the values grow forever) and that V is replaced by "
               "the new values after every sweep.")


def _mistakes(R, nxt, gamma, epsilon):
    history = value_sweeps(R, nxt, gamma, epsilon)
    last = history[-1]
    one_more = [float(R[s]) + gamma * last[int(nxt[s])] for s in range(len(R))]
    return [
        Mistake("an in-place (Gauss-Seidel) sweep: later states used values already updated in this sweep. "
                "Compute every new value from the previous sweep's V.",
                value_sweeps(R, nxt, gamma, epsilon, in_place=True)[-1]),
        Mistake("the values from before the last sweep. Return V after the sweep whose change dropped "
                "below epsilon.", history[-2]),
        Mistake("one sweep too many. Stop right after the first sweep whose change is below epsilon.", one_more),
        Mistake("the exact fixed point V = R + gamma V[next] (solved, or iterated much longer). "
                "Value iteration returns the iterate it stopped at.", exact_values(R, nxt, gamma)),
        Mistake("a stopping test on the signed change max(V_new - V), so values that go down never count. "
                "Use the absolute change |V_new - V|.",
                value_sweeps(R, nxt, gamma, epsilon, signed_change=True)[-1]),
    ]


def _check(learner, R, nxt, gamma, epsilon):
    got, what = described(call_with_time_limit, learner, "value_iteration", R, nxt, gamma, epsilon,
                          seconds=2, why=NEVER_STOPS)
    R, nxt = plain(R), plain(nxt)
    expected = value_sweeps(R, nxt, gamma, epsilon)[-1]
    expect_close(got, expected, what=what, mistakes=_mistakes(R, nxt, gamma, epsilon),
                 picture=lambda: value_iteration_picture(R, nxt, gamma, epsilon, got))


def test_workbook_chain(learner):
    """the chain at gamma 0.9, epsilon 0.01"""
    _check(learner, CHAIN_R.tolist(), CHAIN_NEXT.tolist(), 0.9, 0.01)


def test_large_epsilon_returns_the_iterate(learner):
    """a large epsilon returns the iterate, not the fixed point"""
    # 8 sweeps: the iterate is still about 4 away from the fixed point.
    _check(learner, CHAIN_R, CHAIN_NEXT, 0.9, 0.5)


@pytest.mark.parametrize("gamma, epsilon", [(0.5, 1e-3), (0.99, 0.01), (0.95, 1e-4)])
def test_chain_other_gammas(learner, gamma, epsilon):
    """the chain at gamma {gamma}, epsilon {epsilon}"""
    _check(learner, CHAIN_R, CHAIN_NEXT, gamma, epsilon)


def test_chain_numbered_backwards(learner):
    """a chain numbered backwards"""
    # Goal in S0, S3 -> S2 -> S1 -> S0: a sweep in index order would see fresh values here.
    _check(learner, [1.0, 0.0, 0.0, 0.0], [0, 0, 1, 2], 0.9, 0.01)


def test_negative_rewards(learner):
    """negative rewards"""
    # Values only go down: the change must be measured with abs().
    _check(learner, [0.0, 0.0, 0.0, -1.0], [1, 2, 3, 3], 0.9, 0.01)


def test_gamma_zero_gives_rewards(learner):
    """gamma 0 gives the rewards"""
    # Sweep 1 changes by max|R| = 3, sweep 2 by 0: two sweeps, result R.
    _check(learner, [3.0, -1.0, 2.0], [1, 2, 0], 0.0, 0.01)


def test_gamma_zero_stops_after_one_sweep(learner):
    """gamma 0 with a large epsilon stops after one sweep"""
    # epsilon above max|R|: the very first sweep already changes less than epsilon.
    _check(learner, [3.0, -1.0, 2.0], [1, 2, 0], 0.0, 10.0)


def test_change_equal_to_epsilon_keeps_sweeping(learner):
    """a change equal to epsilon keeps sweeping"""
    # Sweep changes are 1, 0.5, 0.25: "below 0.5" is first true at the third sweep, so V = 1.75.
    _check(learner, [1.0], [0], 0.5, 0.5)


def test_all_rewards_zero(learner):
    """all rewards zero"""
    _check(learner, [0.0, 0.0, 0.0], [1, 2, 0], 0.9, 0.01)


def test_single_state_self_loop(learner):
    """a single state that loops on itself"""
    _check(learner, [2.0], [0], 0.8, 1e-3)


@pytest.mark.parametrize("seed", range(5))
def test_random_graph(learner, seed):
    """random chain graph, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 9))
    R = np.round(rng.normal(size=n) * 2, 2)
    nxt = rng.integers(0, n, size=n)
    _check(learner, Described(R, f"random R ({n} states)"), Described(nxt, "random next_state"),
           float(rng.uniform(0.5, 0.95)), float(rng.choice([0.1, 0.01, 1e-3])))
