"""Hidden tests for training_budget: episodes_for_steps and ppo_gradient_updates."""

import numpy as np
import pytest

from checker.curriculum.checks import call, expect_whole_number


def _whole(total: int, unit: int) -> int:
    # Whole units by repeated subtraction, independent of // in a solution.
    count = 0
    while total >= unit:
        total, count = total - unit, count + 1
    return count


def _minibatches(rollout: int, size: int | None) -> int:
    if size is None:
        return 1
    count, left = 0, rollout
    while left > 0:  # a last, smaller minibatch still gets a step
        count, left = count + 1, left - size
    return count


def _check_episodes(learner, total: int, length: int) -> None:
    got, what = call(learner, "episodes_for_steps", total, length)
    expect_whole_number(got, _whole(total, length), what=what, mistakes=[
        ("a final, unfinished episode counted: only complete episodes count.", -(-total // length)),
    ])


def _check_updates(learner, total: int, rollout: int, epochs: int, size: int | None, *, pass_none: bool = True):
    args = (total, rollout, epochs) if size is None and not pass_none else (total, rollout, epochs, size)
    # mutates=(3,): the engine's input-change check cannot compare a None argument with itself.
    got, what = call(learner, "ppo_gradient_updates", *args, mutates=(3,))
    rollouts, per_epoch = _whole(total, rollout), _minibatches(rollout, size)
    mistakes = [
        ("the partial rollout at the end counted: train only on whole rollouts.",
         -(-total // rollout) * epochs * per_epoch),
        ("total_steps / rollout_steps used without dropping the partial rollout.",
         round(total / rollout * epochs * per_epoch)),
        ("the epochs forgotten: every epoch repeats all its updates.", rollouts * per_epoch),
    ]
    if size is not None:
        mistakes += [
            ("the last, smaller minibatch dropped: it still gets its own optimizer step (ceil, not floor).",
             rollouts * epochs * (rollout // size)),
            ("minibatch_size used as the number of minibatches; there are "
             "ceil(rollout_steps / minibatch_size) of them.", rollouts * epochs * size),
        ]
    expect_whole_number(got, rollouts * epochs * per_epoch, what=what, mistakes=mistakes)


def test_episodes_workbook_budget(learner):
    """episodes in 5M steps of 100"""
    _check_episodes(learner, 5_000_000, 100)


def test_episodes_unfinished_episode_does_not_count(learner):
    """an unfinished episode does not count"""
    _check_episodes(learner, 1050, 100)


def test_episodes_fewer_steps_than_one_episode(learner):
    """fewer steps than one episode"""
    _check_episodes(learner, 99, 100)


def test_updates_full_batch_workbook(learner):
    """full-batch updates in 5M steps"""
    _check_updates(learner, 5_000_000, 2048, 4, None)


def test_updates_full_batch_default_argument(learner):
    """full-batch updates, minibatch_size left out"""
    _check_updates(learner, 5_000_000, 2048, 4, None, pass_none=False)


def test_updates_minibatch_64_workbook(learner):
    """updates with minibatches of 64 in 5M steps"""
    _check_updates(learner, 5_000_000, 2048, 4, 64)


def test_updates_partial_minibatch_gets_a_step(learner):
    """a partial minibatch still gets a step"""
    _check_updates(learner, 10_000, 2048, 2, 100)


def test_updates_minibatch_larger_than_rollout(learner):
    """a minibatch larger than the rollout"""
    _check_updates(learner, 10_000, 512, 3, 1024)


def test_updates_budget_smaller_than_one_rollout(learner):
    """a budget smaller than one rollout"""
    _check_updates(learner, 2000, 2048, 10, 64)


@pytest.mark.parametrize("seed", range(5))
def test_random_budgets(learner, seed):
    """random budgets, seed {seed}"""
    rng = np.random.default_rng(seed)
    rollout = int(rng.integers(100, 5000))
    size = int(rng.integers(7, 300))
    _check_episodes(learner, int(rng.integers(0, 10**6)), int(rng.integers(1, 1000)))
    _check_updates(learner, int(rng.integers(0, 10**7)), rollout, int(rng.integers(1, 11)), size)
