"""Hidden tests for ten_ones_return: G_0 of ten rewards of 1 at gamma = 0.9 and 0.99."""

from checker.curriculum.checks import Mistake, expect_answer

N = 10


def _g0(gamma: float) -> float:
    # Term by term, independently of the closed form the docstring mentions.
    total = 0.0
    for k in range(N):
        total += gamma**k
    return total


def _mistakes(gamma: float) -> list[Mistake]:
    infinite = 1.0 / (1.0 - gamma)
    found = [
        Mistake("every reward discounted one step too many (gamma^1 .. gamma^10): the first reward "
                "counts in full, gamma^0 = 1.", gamma * _g0(gamma)),
        Mistake("gamma^10, the weight of a single reward; G_0 adds up all ten weighted rewards.", gamma**N),
        Mistake("a geometric sum with one term too many (k = 0 .. 10).", _g0(gamma) + gamma**N),
    ]
    if abs(infinite - N) < 1e-9:  # at gamma = 0.9 both slips give 10
        found.append(Mistake("the undiscounted sum, or the infinite-horizon 1 / (1 - gamma) (both are 10 here): "
                             "ten rewards, each weighted by gamma^k.", float(N)))
    else:
        found.append(Mistake("the infinite-horizon sum 1 / (1 - gamma): the stream stops after 10 rewards.", infinite))
        found.append(Mistake("the undiscounted sum: each reward is weighted by gamma^k.", float(N)))
    return found


def test_ten_ones_at_gamma_09(learner):
    expect_answer(learner, "G0_GAMMA_09", _g0(0.9), mistakes=_mistakes(0.9))


def test_ten_ones_at_gamma_099(learner):
    expect_answer(learner, "G0_GAMMA_099", _g0(0.99), mistakes=_mistakes(0.99))
