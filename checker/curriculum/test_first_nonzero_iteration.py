"""Hidden tests for first_nonzero_iteration: the first sweep k with V_k(S0) != 0."""

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer
from checker.curriculum.ref_gridworld import GAMMA, evaluate, expected_moves, gridworld_model, uniform_policy

EXERCISE = "first_nonzero_iteration"  # its picture: checker.curriculum.pictures


def _first_nonzero_sweep(state: int = 0, limit: int = 50) -> int:
    P, R = gridworld_model()
    for k in range(1, limit):
        if evaluate(P, R, uniform_policy(), GAMMA, k)[state] != 0.0:
            return k
    raise AssertionError("no signal reached the state")  # cannot happen on this grid


def _answer() -> Answer:
    k = _first_nonzero_sweep()
    walk = ("a random-walk length (the exercise random_vs_optimal): the first signal does not wait for "
            "an average walk, it arrives along the shortest path, one move per sweep.")
    steps = expected_moves()
    slips = [
        Mistake("the number of sweeps after which V(S0) is still zero (V_1 to V_3); the question "
                "asks for the sweep after which it is first non-zero.", k - 1),
        Mistake("the number of states on the shortest path (S0, S1, S2, S5, S8); count the moves instead.", k + 1),
        Mistake(walk, round(steps[0])),  # the expected walk length from S0
        Mistake(walk, round(steps[5])),  # the same from a neighbour of the goal: the rough figure of 16
        Mistake("0.9**4 or a similar discount: the question asks for a count of sweeps.", GAMMA**4, tolerance=0.005),
    ]
    return Answer(k, decimals=None, slips=slips)


ANSWERS = {"FIRST_NONZERO": _answer()}


def test_first_sweep_where_s0_has_value(learner):
    """FIRST_NONZERO, the first sweep that reaches S0"""
    check_answer(learner, "FIRST_NONZERO", ANSWERS["FIRST_NONZERO"], picture=answer_picture(learner, EXERCISE))
