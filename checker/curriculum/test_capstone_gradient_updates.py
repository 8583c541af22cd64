"""Hidden tests for capstone_gradient_updates: PPO optimizer steps in 5M environment steps."""

import math

from checker.curriculum.checks import Answer, Mistake, check_answer

TOTAL, ROLLOUT, EPOCHS, MINIBATCH = 5_000_000, 2048, 4, 64
PARTIAL = "the last, partial rollout (0.4 of one) counted, but it is never trained on: count whole rollouts first."


def _rollouts() -> int:
    # Count whole rollouts by repeated subtraction, independent of // in a solution.
    count, left = 0, TOTAL
    while left >= ROLLOUT:
        count, left = count + 1, left - ROLLOUT
    return count


def _full_batch() -> Answer:
    slips = [
        Mistake(PARTIAL + " (5,000,000 / 2048 * 4 rounded.)", round(TOTAL / ROLLOUT * EPOCHS)),
        Mistake(PARTIAL + " (5,000,000 / 2048 * 4 without rounding is not even a whole number.)",
                TOTAL / ROLLOUT * EPOCHS, tolerance=0.1),
        Mistake("the partial rollout counted as a whole one.", math.ceil(TOTAL / ROLLOUT) * EPOCHS),
        Mistake("the number of rollouts: each rollout gets one update per epoch.", _rollouts()),
    ]
    return Answer(_rollouts() * EPOCHS, decimals=None, slips=slips)


def _minibatch() -> Answer:
    per_epoch = ROLLOUT // MINIBATCH
    slips = [
        Mistake("minibatches over all 5M steps as if they were one rollout: count whole rollouts first.",
                TOTAL // MINIBATCH * EPOCHS),
        Mistake("the epochs forgotten: each rollout is split into minibatches once per epoch.",
                _rollouts() * per_epoch),
        Mistake("the partial rollout counted as a whole one.", math.ceil(TOTAL / ROLLOUT) * EPOCHS * per_epoch),
        Mistake(PARTIAL, TOTAL / ROLLOUT * EPOCHS * per_epoch, tolerance=0.5),
        Mistake("64 minibatches per epoch: 64 is the minibatch SIZE, so there are 2048 / 64 of them.",
                _rollouts() * EPOCHS * MINIBATCH),
    ]
    return Answer(_rollouts() * EPOCHS * per_epoch, decimals=None, slips=slips)


ANSWERS = {"UPDATES_FULL_BATCH": _full_batch(), "UPDATES_MINIBATCH_64": _minibatch()}


def test_full_batch_updates(learner):
    """UPDATES_FULL_BATCH, the updates with full batches"""
    check_answer(learner, "UPDATES_FULL_BATCH", ANSWERS["UPDATES_FULL_BATCH"])


def test_minibatch_updates(learner):
    """UPDATES_MINIBATCH_64, the updates with minibatches of 64"""
    check_answer(learner, "UPDATES_MINIBATCH_64", ANSWERS["UPDATES_MINIBATCH_64"])
