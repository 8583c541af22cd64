"""Hidden tests for q_learning_update: in-place Q-learning step on a numpy table, with done."""

import numpy as np
import pytest

from checker.curriculum.checks import (
    Described, Mistake, call_in_place, described, expect_close, expect_updated_in_place, plain,
)

# The section's trace: state 0 = S0, 1 = S1; action 0 = left, 1 = right.
TRACE = [(0, 1, 5.0, 1), (1, 0, 2.0, 0), (0, 1, 5.0, 1), (1, 0, 2.0, 0), (0, 1, 5.0, 1)]


def _with_entry(Q: np.ndarray, s: int, a: int, value: float) -> np.ndarray:
    out = np.array(Q, dtype=float)
    out[s, a] = value
    return out


def _reference(Q, s, a, r, s_next, alpha, gamma, done) -> np.ndarray:
    # Written with an explicit loop for the max, independently of Q[s_next].max().
    Q = np.array(Q, dtype=float)
    best = Q[s_next, 0]
    for b in range(1, Q.shape[1]):
        best = Q[s_next, b] if Q[s_next, b] > best else best
    target = r if done else r + gamma * best
    return _with_entry(Q, s, a, Q[s, a] + alpha * (target - Q[s, a]))


def _mistakes(Q, s, a, r, s_next, alpha, gamma, done) -> list[Mistake]:
    Q = np.array(Q, dtype=float)
    q, best = Q[s, a], Q[s_next].max()
    target = r if done else r + gamma * best

    def step(t: float) -> np.ndarray:
        return _with_entry(Q, s, a, q + alpha * (t - q))

    found = []
    if done:
        found += [
            Mistake("a missing terminal mask: when done is True the target is just r, "
                    "without gamma * max Q[s_next].", step(r + gamma * best)),
            Mistake("a terminal step that drops the reward too: when done the target is r, not 0.", step(0.0)),
        ]
    found += [
        Mistake("the bug of q_update_fix: Q[s, a] + alpha * target, without subtracting Q[s, a]. "
                "The step is alpha * (target - Q[s, a]).", _with_entry(Q, s, a, q + alpha * target)),
        *_next_state_slips(Q, s_next, a, step, r, gamma, done),
        Mistake("the target bootstrapped from Q[s], the state just left: it looks ahead to the best "
                "Q-value of the next state, Q[s_next].max().", step(r if done else r + gamma * Q[s].max())),
        Mistake("alpha applied to the target only (missing brackets): Q[s, a] + alpha * target - Q[s, a]. "
                "Write Q[s, a] + alpha * (target - Q[s, a]).", _with_entry(Q, s, a, alpha * target)),
        Mistake("alpha applied to the reward only (missing brackets): write alpha * (r + gamma * max - Q[s, a]).",
                _with_entry(Q, s, a, alpha * r + (0.0 if done else gamma * best))),
        Mistake("Q[s, a] replaced by the target: alpha must scale the step.", _with_entry(Q, s, a, target)),
        Mistake("a table that was not updated at all.", Q),
    ]
    return found


def _next_state_slips(Q, s_next, a, step, r, gamma, done) -> list[Mistake]:
    same, low = Q[s_next, a], Q[s_next].min()
    if done:
        return []
    if same == low:  # both slips give the same number here: name both
        return [Mistake("Q[s_next, a] or the min over Q[s_next] in the target: Q-learning bootstraps "
                        "from the best action in s_next, max over a' of Q[s_next, a'].", step(r + gamma * low))]
    return [
        Mistake("Q[s_next, a] in the target (the same action again): Q-learning bootstraps from "
                "the best action in s_next, max over a' of Q[s_next, a'].", step(r + gamma * same)),
        Mistake("min instead of max over the next state's actions.", step(r + gamma * low)),
    ]


def _check(learner, Q, s, a, r, s_next, alpha, gamma, done, tol: float = 1e-6) -> None:
    result, passed, what = described(call_in_place, learner, "q_learning_update", Q, s, a, r, s_next,
                                     alpha, gamma, done)
    Q = plain(Q)
    expected = _reference(Q, s, a, r, s_next, alpha, gamma, done)
    expect_close(result, expected, what=what, rtol=tol, atol=tol, entry="Q",
                 mistakes=_mistakes(Q, s, a, r, s_next, alpha, gamma, done))
    expect_updated_in_place(passed, expected, what=what, atol=tol)


def test_workbook_first_transition(learner):
    """the first transition of the trace, from Q = 0"""
    _check(learner, np.zeros((2, 2)), 0, 1, 5.0, 1, 0.1, 0.99, False)


def test_workbook_trace_step_by_step(learner):
    """the section's five transitions, one by one"""
    Q = np.zeros((2, 2))
    for step, (s, a, r, s_next) in enumerate(TRACE, start=1):
        shown = "Q = 0 everywhere" if step == 1 else f"Q after step {step - 1} of the trace"
        _check(learner, Described(Q, shown), s, a, r, s_next, 0.1, 0.99, False)
        Q = _reference(Q, s, a, r, s_next, 0.1, 0.99, False)


def test_terminal_step_does_not_bootstrap(learner):
    """a terminal step does not bootstrap"""
    Q = np.array([[1.0, 2.0], [3.0, 4.0], [8.0, 6.0]])
    _check(learner, Q, 0, 1, 1.0, 2, 0.5, 0.9, True)


def test_done_at_repeated_steps(learner):
    """two episodes, each ending with done"""
    # Two short episodes on a 3-state chain; steps 2 and 4 end an episode.
    Q = np.array([[0.5, 1.0], [2.0, -1.0], [4.0, 3.0]])
    steps = [(0, 1, 0.0, 1, False), (1, 1, 1.0, 2, True), (0, 0, -0.5, 2, False), (2, 1, 2.0, 1, True)]
    for s, a, r, s_next, done in steps:
        _check(learner, Q, s, a, r, s_next, 0.3, 0.9, done)
        Q = _reference(Q, s, a, r, s_next, 0.3, 0.9, done)


def test_alpha_one_gamma_zero_gives_reward(learner):
    """alpha 1 and gamma 0 give the reward"""
    _check(learner, np.array([[2.0, -3.0], [5.0, 7.0]]), 1, 0, -1.5, 0, 1.0, 0.0, False)


def test_float32_table(learner):
    """a float32 table"""
    Q = np.array([[0.25, 1.5, -2.0], [3.0, 0.0, 1.0]], dtype=np.float32)
    _check(learner, Q, 1, 2, 0.75, 0, 0.2, 0.95, False, tol=1e-5)


@pytest.mark.parametrize("done", [False, True])
@pytest.mark.parametrize("seed", range(5))
def test_random_transitions(learner, seed, done):
    """random transition (done={done}), seed {seed}"""
    rng = np.random.default_rng(seed)
    n_states, n_actions = int(rng.integers(2, 7)), int(rng.integers(2, 5))
    Q = rng.normal(scale=3.0, size=(n_states, n_actions))
    s, s_next = (int(x) for x in rng.integers(n_states, size=2))
    a = int(rng.integers(n_actions))
    _check(learner, Described(Q, f"random {n_states}x{n_actions} Q"), s, a, float(rng.normal(scale=2.0)), s_next,
           float(rng.uniform(0.05, 1.0)), float(rng.uniform(0.0, 0.99)), done)
