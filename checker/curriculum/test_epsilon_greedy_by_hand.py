"""Hidden tests for epsilon_greedy_by_hand: epsilon = 0.1, 4 actions, action 2 greedy."""

from checker.curriculum.checks import Mistake, expect_answer

EPSILON = 0.1
N_ACTIONS = 4
GREEDY = 2


def _prob(action: int) -> float:
    # Sum over the two branches: exploit (always the greedy action), explore (uniform).
    exploit = (1.0 - EPSILON) * (1.0 if action == GREEDY else 0.0)
    explore = EPSILON * (1.0 / N_ACTIONS)
    return exploit + explore


def test_greedy_action_probability(learner):
    expect_answer(learner, "P_ACTION_2", _prob(GREEDY), decimals=3, mistakes=[
        Mistake("1 - epsilon only: the random branch can pick the greedy action too, "
                "so it also gets epsilon / n.", 1.0 - EPSILON),
        Mistake("the probability of a non-greedy action, epsilon / n.", EPSILON / N_ACTIONS),
    ])


def test_non_greedy_action_probability(learner):
    expect_answer(learner, "P_ACTION_0", _prob(0), decimals=3, mistakes=[
        Mistake("epsilon / (n - 1): the random branch picks among all n actions, the greedy one included.",
                EPSILON / (N_ACTIONS - 1)),
        Mistake("epsilon itself: the exploration probability is shared among the n actions.", EPSILON),
    ])
