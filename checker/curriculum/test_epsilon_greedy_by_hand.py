"""Hidden tests for epsilon_greedy_by_hand: epsilon = 0.1, 4 actions, action 2 greedy."""

from checker.curriculum.checks import Answer, Mistake, answer_picture, check_answer, rounding_slips

EXERCISE = "epsilon_greedy_by_hand"  # its picture: checker.curriculum.pictures

EPSILON = 0.1
N_ACTIONS = 4
GREEDY = 2
PERCENT = "a percentage: a probability is a number between 0 and 1."


def _prob(action: int) -> float:
    # Sum over the two branches: exploit (always the greedy action), explore (uniform).
    exploit = (1.0 - EPSILON) * (1.0 if action == GREEDY else 0.0)
    explore = EPSILON * (1.0 / N_ACTIONS)
    return exploit + explore


def _greedy() -> Answer:
    exact = _prob(GREEDY)
    slips = [
        Mistake("1 - epsilon only: the random branch can pick the greedy action too, "
                "so it also gets epsilon / n.", 1.0 - EPSILON),
        Mistake("the probability of a non-greedy action, epsilon / n.", EPSILON / N_ACTIONS),
        Mistake("1 - epsilon / n: the random branch gives away epsilon / n to EACH of the other "
                "three actions, not to one.", 1.0 - EPSILON / N_ACTIONS),
        Mistake(PERCENT, 100 * exact),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


def _other() -> Answer:
    exact = _prob(0)
    slips = [
        Mistake("epsilon / (n - 1): the random branch picks among all n actions, the greedy one included.",
                EPSILON / (N_ACTIONS - 1)),
        Mistake("epsilon itself: the exploration probability is shared among the n actions.", EPSILON),
        Mistake("the probability of all three non-greedy actions together; each one gets a third of it.",
                1.0 - _prob(GREEDY)),
        Mistake(PERCENT, 100 * exact),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"P_ACTION_2": _greedy(), "P_ACTION_0": _other()}


def test_greedy_action_probability(learner):
    """P_ACTION_2, the probability of the greedy action"""
    check_answer(learner, "P_ACTION_2", ANSWERS["P_ACTION_2"], picture=answer_picture(learner, EXERCISE))


def test_non_greedy_action_probability(learner):
    """P_ACTION_0, the probability of a non-greedy action"""
    check_answer(learner, "P_ACTION_0", ANSWERS["P_ACTION_0"], picture=answer_picture(learner, EXERCISE))
