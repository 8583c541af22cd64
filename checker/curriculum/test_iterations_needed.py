"""Hidden tests for iterations_needed: exact sweep counts of value iteration on the chain."""

from checker.api import CheckFailed
from checker.curriculum.checks import Mistake, answer
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_values import sweeps_needed

EPSILON = 0.01


def _expect_count(learner, name: str, gamma: float) -> None:
    value = answer(learner, name)
    k = sweeps_needed(CHAIN_R, CHAIN_NEXT, gamma, EPSILON)
    # The same stopping rule with epsilon = 0.001: where the rough figure of ~690 for gamma = 0.99 comes from.
    k_tighter = sweeps_needed(CHAIN_R, CHAIN_NEXT, gamma, EPSILON / 10)
    mistakes = [
        Mistake("the last sweep whose change was still at least epsilon, or the count without the first sweep. "
                "Sweep 1 changes V(S3) by 1 = gamma**0; count the sweep whose change first drops below 0.01.", k - 1),
        Mistake("one sweep too many, or the estimate log(1/epsilon) / (1 - gamma) rounded up. Value iteration "
                "stops right after the first sweep with change < 0.01; count exactly.", k + 1),
    ]
    mistakes += [Mistake("the count for epsilon = 0.001, not 0.01.", k_tighter + d) for d in (-1, 0, 1)]
    if value == k:
        return
    lines = [f"`{name}` = {value:g} is not right; the exact number of sweeps is needed."]
    lines += [f"  This looks like {m.looks_like}" for m in mistakes if value == m.value][:1]
    raise CheckFailed("\n".join(lines))


def test_sweeps_for_gamma_0_9(learner):
    _expect_count(learner, "SWEEPS_GAMMA_0_9", 0.9)


def test_sweeps_for_gamma_0_99(learner):
    _expect_count(learner, "SWEEPS_GAMMA_0_99", 0.99)
