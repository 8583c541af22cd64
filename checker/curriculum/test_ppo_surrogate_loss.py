"""Hidden tests for ppo_surrogate_loss(new_logp, old_logp, advantages, epsilon)."""

import numpy as np
import pytest

from checker.curriculum.checks import Described, Mistake, call, described, expect_close, plain, to_float
from checker.curriculum.ref_policies import clip_objective_ref


def _objectives(ratio, a, eps: float) -> list[float]:
    return clip_objective_ref(np.asarray(ratio, dtype=float), np.asarray(a, dtype=float), eps).tolist()


def _reference(new, old, a, eps: float) -> float:
    # Ratio from the log-probabilities one sample at a time, then a plain average.
    ratio = [float(np.exp(n - o)) for n, o in zip(new, old)]
    objectives = _objectives(ratio, a, eps)
    return -sum(objectives) / len(objectives)


def _mistakes(new, old, a, eps: float) -> list[Mistake]:
    new, old, a = (np.asarray(x, dtype=float) for x in (new, old, a))
    loss = _reference(new, old, a, eps)
    with np.errstate(all="ignore"):
        divided = -np.mean(_objectives(new / old, a, eps))
    return [
        Mistake("the objective, not the loss: the optimizer minimises, so return MINUS the mean of L_CLIP.",
                -loss),
        Mistake("the ratio taken as new_logp / old_logp: with log-probabilities, r = exp(new_logp - old_logp).",
                divided),
        Mistake("the ratio taken as new_logp - old_logp without exp: r = exp(new_logp - old_logp).",
                -np.mean(_objectives(new - old, a, eps))),
        Mistake("the ratio upside down: r = pi_new / pi_old = exp(new_logp - old_logp).",
                -np.mean(_objectives(np.exp(old - new), a, eps))),
        Mistake("a sum over the batch: take the mean.", loss * len(a)),
    ]


def _check(learner, new, old, a, eps: float) -> None:
    got, what = described(call, learner, "ppo_surrogate_loss", new, old, a, eps)
    new, old, a = plain(new), plain(old), plain(a)
    expect_close(to_float(got, what=what), _reference(new, old, a, eps), what=what,
                 mistakes=_mistakes(new, old, a, eps))


def test_unchanged_policy(learner):
    """an unchanged policy"""
    _check(learner, [-1.0, -2.0], [-1.0, -2.0], [1.0, 3.0], 0.2)


def test_ratios_from_the_workbook_table(learner):
    """the ratios of ppo_clip_table"""
    old = np.log([0.4, 0.4, 0.5, 0.5])
    new = np.log([0.52, 0.52, 0.35, 0.35])  # ratios 1.3, 1.3, 0.7, 0.7
    _check(learner, Described(new, "log [0.52, 0.52, 0.35, 0.35]"), Described(old, "log [0.4, 0.4, 0.5, 0.5]"),
           np.array([0.5, -0.5, 0.5, -0.5]), 0.2)


def test_single_sample(learner):
    """a single sample"""
    _check(learner, Described([np.log(0.9)], "[log 0.9]"), Described([np.log(0.5)], "[log 0.5]"), [2.0], 0.2)


@pytest.mark.parametrize("seed", range(5))
def test_random_batch(learner, seed):
    """random batch, seed {seed}"""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 64))
    old = np.log(rng.uniform(0.05, 0.95, size=n))
    new = old + rng.normal(scale=0.3, size=n)
    _check(learner, Described(new.tolist(), f"{n} random new log-probs"), Described(old.tolist(), "old log-probs"),
           Described(rng.normal(size=n).tolist(), "advantages"), float(rng.uniform(0.1, 0.3)))
