"""Hidden tests for ten_ones_return: G_0 of ten rewards of 1 at gamma = 0.9 and 0.99."""

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips

N = 10


def _g0(gamma: float) -> float:
    # Term by term, independently of the closed form the docstring mentions.
    total = 0.0
    for k in range(N):
        total += gamma**k
    return total


def _answer(gamma: float) -> Answer:
    exact = _g0(gamma)
    infinite = 1.0 / (1.0 - gamma)
    slips = [
        Mistake("every reward discounted one step too many (gamma^1 .. gamma^10): the first reward "
                "counts in full, gamma^0 = 1.", gamma * exact),
        Mistake("gamma^10, the weight of a single reward; G_0 adds up all ten weighted rewards.", gamma**N),
        Mistake("a geometric sum with one term too many (k = 0 .. 10).", exact + gamma**N),
        Mistake("1 - gamma^10, the numerator alone: divide it by 1 - gamma.", 1.0 - gamma**N),
        Mistake("the infinite-horizon sum 1 / (1 - gamma): the stream stops after 10 rewards.", infinite),
        Mistake("the undiscounted sum: each reward is weighted by gamma^k.", float(N)),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


ANSWERS = {"G0_GAMMA_09": _answer(0.9), "G0_GAMMA_099": _answer(0.99)}


def test_ten_ones_at_gamma_09(learner):
    """G0_GAMMA_09, ten rewards of 1 at gamma 0.9"""
    check_answer(learner, "G0_GAMMA_09", ANSWERS["G0_GAMMA_09"])


def test_ten_ones_at_gamma_099(learner):
    """G0_GAMMA_099, ten rewards of 1 at gamma 0.99"""
    check_answer(learner, "G0_GAMMA_099", ANSWERS["G0_GAMMA_099"])
