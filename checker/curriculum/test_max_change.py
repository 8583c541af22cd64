"""Hidden tests for max_change: the infinity norm of V_4 - V_3 on the chain."""

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_values import value_sweeps

GAMMA = 0.9


def _answer() -> Answer:
    V = value_sweeps(CHAIN_R, CHAIN_NEXT, GAMMA, epsilon=1e-9)
    changes = [abs(new - old) for new, old in zip(V[4], V[3])]
    exact = max(changes)
    slips = [
        Mistake("the sum of the changes (the 1-norm). The infinity norm takes the largest single change.",
                sum(changes)),
        Mistake("the largest value in V_4, not the largest change from V_3 to V_4.", max(V[4])),
        Mistake("gamma**4. The change in sweep k is gamma**(k-1): sweep 1 changed V(S3) by 1 = gamma**0.",
                GAMMA**4),
        Mistake("||V_3 - V_2||, the change of the sweep before; the question compares V_4 with V_3.",
                max(abs(new - old) for new, old in zip(V[3], V[2]))),
        Mistake("a negative change: a norm measures sizes, so take absolute values, |V_4(s) - V_3(s)|.", -exact),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"MAX_CHANGE": _answer()}


def test_max_change_of_sweep_4(learner):
    """MAX_CHANGE, the largest change of sweep 4"""
    check_answer(learner, "MAX_CHANGE", ANSWERS["MAX_CHANGE"])
