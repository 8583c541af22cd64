"""Hidden tests for iterations_needed: exact sweep counts of value iteration on the chain."""

import math

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_values import sweeps_needed

EXERCISE = "iterations_needed"  # its picture: checker.curriculum.pictures

EPSILON = 0.01
# Rough sweep counts that circulate for this chain ("about 40", "about 690"): not exact counts.
ROUGH = {0.9: 40, 0.99: 690}


def _answer(gamma: float) -> Answer:
    k = sweeps_needed(CHAIN_R, CHAIN_NEXT, gamma, EPSILON)
    estimate = math.ceil(math.log(1 / EPSILON) / (1 - gamma))
    ratio = math.log(EPSILON) / math.log(gamma)
    slips = [
        Mistake("the last sweep whose change was still at least epsilon, or the count without the first sweep. "
                "Sweep 1 changes V(S3) by 1 = gamma**0; count the sweep whose change first drops below 0.01.", k - 1),
        Mistake("one sweep too many: value iteration stops right after the first sweep whose change is "
                "below 0.01; count that sweep and no more.", k + 1),
        Mistake(f"the estimate log(1/epsilon) / (1 - gamma) = {math.log(1 / EPSILON) / (1 - gamma):.2f}, "
                f"rounded up. It only approximates log(1/gamma) by 1 - gamma; count the sweeps exactly.", estimate),
        Mistake("log(0.01) / log(gamma) itself. That is the bound on k - 1, and the count is a whole number: "
                "k - 1 is the smallest whole number above it.", ratio, tolerance=0.01),
        Mistake("a rough figure: only the exact number of sweeps is accepted. Count them, or run your "
                "value_iteration with a counter.", ROUGH[gamma]),
    ]
    tighter = sweeps_needed(CHAIN_R, CHAIN_NEXT, gamma, EPSILON / 10)
    slips += [Mistake("the count for epsilon = 0.001, not 0.01.", tighter + d) for d in (-1, 0, 1)]
    return Answer(k, decimals=None, slips=slips)


ANSWERS = {"SWEEPS_GAMMA_0_9": _answer(0.9), "SWEEPS_GAMMA_0_99": _answer(0.99)}


def test_sweeps_for_gamma_0_9(learner):
    """SWEEPS_GAMMA_0_9, the sweeps needed at gamma 0.9"""
    check_answer(learner, "SWEEPS_GAMMA_0_9", ANSWERS["SWEEPS_GAMMA_0_9"], picture=answer_picture(learner, EXERCISE))


def test_sweeps_for_gamma_0_99(learner):
    """SWEEPS_GAMMA_0_99, the sweeps needed at gamma 0.99"""
    check_answer(learner, "SWEEPS_GAMMA_0_99", ANSWERS["SWEEPS_GAMMA_0_99"], picture=answer_picture(learner, EXERCISE))
