"""Hidden tests for ucb_by_hand: UCB(action 2) with t = 100, c = 2."""

import math

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips

EXERCISE = "ucb_by_hand"  # its picture: checker.curriculum.pictures

T, C = 100, 2.0
Q2, N2 = 4.0, 10


def _answer() -> Answer:
    exact = Q2 + C * math.sqrt(math.log(T) / N2)
    slips = [
        Mistake("log base 10 instead of the natural log ln.", Q2 + C * math.sqrt(math.log10(T) / N2)),
        Mistake("the square root left out.", Q2 + C * math.log(T) / N2),
        Mistake("N(a) in the numerator: the bonus shrinks as N(a) grows, so N(a) divides.",
                Q2 + C * math.sqrt(math.log(T) * N2)),
        Mistake("c inside the square root: c multiplies sqrt(ln(t) / N(a)).", Q2 + math.sqrt(C * math.log(T) / N2)),
        Mistake("ln(N(a)) where ln(t) belongs: the numerator grows with the total step count t = 100.",
                Q2 + C * math.sqrt(math.log(N2) / N2)),
        Mistake("the bonus alone: add it to Q(2).", C * math.sqrt(math.log(T) / N2)),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


ANSWERS = {"UCB_ACTION_2": _answer()}


def test_ucb_of_action_2(learner):
    """UCB_ACTION_2, the UCB score of action 2"""
    check_answer(learner, "UCB_ACTION_2", ANSWERS["UCB_ACTION_2"], picture=answer_picture(learner, EXERCISE))
