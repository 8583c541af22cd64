"""Hidden tests for capstone_gradient_updates: PPO optimizer steps in 5M environment steps."""

import math

from checker.curriculum.checks import Mistake, expect_answer

TOTAL, ROLLOUT, EPOCHS, MINIBATCH = 5_000_000, 2048, 4, 64


def _rollouts() -> int:
    # Count whole rollouts by repeated subtraction, independent of // in a solution.
    count, left = 0, TOTAL
    while left >= ROLLOUT:
        count, left = count + 1, left - ROLLOUT
    return count


def test_full_batch_updates(learner):
    expect_answer(learner, "UPDATES_FULL_BATCH", _rollouts() * EPOCHS, decimals=0, mistakes=[
        Mistake("5,000,000 / 2048 * 4 rounded: the last, partial rollout (0.4 of one) is never trained on. "
                "Count whole rollouts first.", round(TOTAL / ROLLOUT * EPOCHS)),
        Mistake("the partial rollout counted as a whole one.", math.ceil(TOTAL / ROLLOUT) * EPOCHS),
        Mistake("the number of rollouts: each rollout gets one update per epoch.", _rollouts()),
    ])


def test_minibatch_updates(learner):
    per_epoch = ROLLOUT // MINIBATCH
    expect_answer(learner, "UPDATES_MINIBATCH_64", _rollouts() * EPOCHS * per_epoch, decimals=0, mistakes=[
        Mistake("minibatches over all 5M steps as if they were one rollout: count whole rollouts first.",
                TOTAL // MINIBATCH * EPOCHS),
        Mistake("the epochs forgotten: each rollout is split into minibatches once per epoch.",
                _rollouts() * per_epoch),
        Mistake("the partial rollout counted as a whole one.", math.ceil(TOTAL / ROLLOUT) * EPOCHS * per_epoch),
        Mistake("64 minibatches per epoch: 64 is the minibatch SIZE, so there are 2048 / 64 of them.",
                _rollouts() * EPOCHS * MINIBATCH),
    ])
