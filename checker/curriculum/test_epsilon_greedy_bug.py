"""Hidden tests for epsilon_greedy_bug: the fixed epsilon_greedy(Q, epsilon, rng)."""

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.curriculum.checks import Mistake, call, expect_close, repeat_call, show
from checker.curriculum.pictures import epsilon_greedy_picture

DRAWS = 3000  # seeded, so deterministic; 3000 draws keep the check under 0.3 s


def _greedy(Q) -> int:
    # First index of the maximum, by an explicit scan.
    best = 0
    for a in range(len(Q)):
        if Q[a] > Q[best]:
            best = a
    return best


def _action(got, what: str, n: int) -> int:
    if isinstance(got, bool) or not isinstance(got, (int, np.integer)) or not 0 <= int(got) < n:
        raise CheckFailed(f"{what}\n  returned {show(got)}; it should return an action index 0..{n - 1}.")
    return int(got)


def _frequencies(learner, Q, epsilon: float, seed: int) -> np.ndarray:
    what = f"epsilon_greedy({show(Q)}, {epsilon}, rng)"
    counts = np.zeros(len(Q))
    for got in repeat_call(learner, "epsilon_greedy", Q, epsilon, np.random.default_rng(seed), times=DRAWS, what=what):
        counts[_action(got, what, len(Q))] += 1
    return counts / DRAWS


def _expected(Q, epsilon: float, greedy: int) -> np.ndarray:
    return np.array([epsilon / len(Q) + (1.0 - epsilon) * (a == greedy) for a in range(len(Q))])


@pytest.mark.parametrize("Q", [[1.0, 3.0, 2.0], [0.0, -1.0, 5.0, 4.9], [2.0, 7.0, 7.0, 1.0], [-3.0], [4.0, 4.0]])
def test_no_exploration_returns_greedy_action(learner, Q):
    """epsilon 0 returns the greedy action of {Q}"""
    got, _ = call(learner, "epsilon_greedy", Q, 0.0, np.random.default_rng(0), mutates=(2,))
    what = f"epsilon_greedy({show(Q)}, 0.0, rng)"
    action = _action(got, what, len(Q))
    if action != _greedy(Q):
        lines = [what, f"  expected action {_greedy(Q)} (argmax of Q, lowest index on ties), got {action}."]
        if action == 0:
            lines.append("  This looks like the greedy branch always returning action 0: "
                         "compare Q[a] with the best value found so far, Q[best_a].")
        raise CheckFailed("\n".join(lines))


def test_full_exploration_is_uniform(learner):
    """epsilon 1 explores uniformly"""
    Q = [1.0, 3.0, 2.0, 0.5]
    freqs = _frequencies(learner, Q, 1.0, seed=1)
    expect_close(freqs, np.full(4, 0.25), atol=0.02, rtol=0.0,
                 what=f"action frequencies of epsilon_greedy({Q}, 1.0, rng) over {DRAWS} draws",
                 picture=lambda: epsilon_greedy_picture(Q, 1.0, freqs, atol=0.02, what="frequencies"))


@pytest.mark.parametrize("seed", range(3))
def test_frequencies_match_epsilon_greedy(learner, seed):
    """action frequencies at epsilon 0.1, seed {seed}"""
    rng = np.random.default_rng(100 + seed)
    Q = rng.normal(size=4).tolist()
    Q = Q if _greedy(Q) != 0 else Q[::-1]  # a greedy action other than 0 exposes the classic bug
    greedy = _greedy(Q)
    freqs = _frequencies(learner, Q, 0.1, seed)
    expect_close(freqs, _expected(Q, 0.1, greedy), atol=0.02, rtol=0.0,
                 what=f"action frequencies of epsilon_greedy({show(Q)}, 0.1, rng) over {DRAWS} draws",
                 picture=lambda: epsilon_greedy_picture(Q, 0.1, freqs, atol=0.02, what="frequencies"),
                 mistakes=[Mistake("the greedy branch always returning action 0: compare Q[a] "
                                   "with Q[best_a], the best value found so far.", _expected(Q, 0.1, 0)),
                           Mistake("exploring with probability 1 - epsilon instead of epsilon.",
                                   _expected(Q, 0.9, greedy))])
