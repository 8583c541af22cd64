"""Hidden tests for ucb_by_hand: UCB(action 2) with t = 100, c = 2."""

import math

from checker.curriculum.checks import Mistake, expect_answer

T, C = 100, 2.0
Q2, N2 = 4.0, 10


def test_ucb_of_action_2(learner):
    expected = Q2 + C * math.sqrt(math.log(T) / N2)
    expect_answer(learner, "UCB_ACTION_2", expected, mistakes=[
        Mistake("log base 10 instead of the natural log ln.", Q2 + C * math.sqrt(math.log10(T) / N2)),
        Mistake("the square root left out.", Q2 + C * math.log(T) / N2),
        Mistake("N(a) in the numerator: the bonus shrinks as N(a) grows, so N(a) divides.",
                Q2 + C * math.sqrt(math.log(T) * N2)),
        Mistake("c inside the square root: c multiplies sqrt(ln(t) / N(a)).", Q2 + math.sqrt(C * math.log(T) / N2)),
        Mistake("the bonus alone: add it to Q(2).", C * math.sqrt(math.log(T) / N2)),
    ])
