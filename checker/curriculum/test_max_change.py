"""Hidden tests for max_change: the infinity norm of V_6 - V_5 on the chain.

The section asks for ||V_4 - V_3||, but V_4 holds chain_v4's answer; sweeps 5 and 6 teach the
same thing without giving it away.
"""

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_values import value_sweeps

EXERCISE = "max_change"  # its picture: checker.curriculum.pictures

GAMMA = 0.9
SWEEP = 6


def _answer() -> Answer:
    V = value_sweeps(CHAIN_R, CHAIN_NEXT, GAMMA, epsilon=1e-9)
    changes = [abs(new - old) for new, old in zip(V[SWEEP], V[SWEEP - 1])]
    exact = max(changes)
    slips = [
        Mistake("the sum of the changes (the 1-norm). The infinity norm takes the largest single change.",
                sum(changes)),
        Mistake("the largest value in V_6, not the largest change from V_5 to V_6.", max(V[SWEEP])),
        Mistake("gamma**6. The change in sweep k is gamma**(k-1): sweep 1 changed V(S3) by 1 = gamma**0.",
                GAMMA**SWEEP),
        Mistake("||V_5 - V_4||, the change of the sweep before; the question compares V_6 with V_5.",
                max(abs(new - old) for new, old in zip(V[SWEEP - 1], V[SWEEP - 2]))),
        Mistake("a negative change: a norm measures sizes, so take absolute values, |V_6(s) - V_5(s)|.", -exact),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"MAX_CHANGE": _answer()}


def test_max_change_of_sweep_6(learner):
    """MAX_CHANGE, the largest change of sweep 6"""
    check_answer(learner, "MAX_CHANGE", ANSWERS["MAX_CHANGE"], picture=answer_picture(learner, EXERCISE))
