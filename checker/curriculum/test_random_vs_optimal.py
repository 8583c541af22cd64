"""Hidden tests for random_vs_optimal: why the random policy's V(S0) is far below the optimal one.

The figures that circulate for this question (a walk of "~16" moves, a discount of
0.9**4 = 0.656 for the optimal path) are slips: the walk from S0 takes 27 moves on average
(16 is the figure for S5 and S7), and under the course's convention the +1 of the 4th move
is discounted three times. Every value here is computed.
"""

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips
from checker.curriculum.ref_gridworld import (
    GAMMA, TERMINAL, evaluate, expected_moves, gridworld_model, next_state, uniform_policy, ACTIONS,
)

START = 0
SWEEPS = 400  # 0.9**400 ~ 5e-19: policy evaluation has converged far below any tolerance


def _shortest_moves(start: int) -> int:
    # Breadth-first search over the grid's moves.
    frontier, seen, moves = {start}, {start}, 0
    while TERMINAL not in frontier:
        frontier = {next_state(s, a) for s in frontier for a in ACTIONS} - seen
        seen |= frontier
        moves += 1
    return moves


def _steps() -> Answer:
    h = expected_moves()
    exact = h[START]
    slips = [
        Mistake(f"the expected walk length from S5 or S7, next to the goal ({h[5]:g} moves). From the far "
                "corner S0 the walk takes longer: solve for every state at once.", h[5]),
        Mistake("the shortest path: the random walk takes it only by luck; the question asks for the "
                "average over all walks.", _shortest_moves(START)),
        Mistake("one move too many: the walk ends on entering S8, so h(S8) = 0. (A 9x9 system in which S8's "
                "row is all zero gives h(S8) = 1, a move that never happens.)", exact + 1),
        Mistake("one move too few: the move INTO S8 is a move too, h(s) = 1 + average of h(s').", exact - 1),
        Mistake("bumps into a wall not counted as moves: the policy picks each of the four actions with "
                "probability 0.25, and a bump costs a step like any other move.",
                expected_moves(walls_cost_a_move=False)[START]),
        Mistake("a discounted count (gamma = 0.9 in h = 1 + gamma * P h): the number of moves is not "
                "discounted, use h = 1 + P h.", expected_moves(GAMMA)[START]),
        *rounding_slips(exact, 1),
    ]
    return Answer(exact, decimals=1, slips=slips)


def _discount_optimal() -> Answer:
    moves = _shortest_moves(START)
    exact = GAMMA ** (moves - 1)  # the reward of move k is r_{k-1}, weighted by gamma^(k-1)
    slips = [
        Mistake(f"gamma**{moves}: the +1 is the reward of move {moves}, r_{moves - 1}, and the first move's "
                f"reward r_0 is not discounted at all, so it is weighted by gamma**{moves - 1}.", GAMMA**moves),
        Mistake("no discount: every move toward the goal delays the +1 by one step, worth a factor 0.9.", 1.0),
        Mistake("a single factor gamma: each of the moves before the last one costs a factor 0.9.", GAMMA),
        Mistake("the number of moves; the question asks for the weight gamma**k of the +1.", moves),
        Mistake("the discount at the random walk's average length; the question asks about the optimal path.",
                GAMMA ** (expected_moves()[START] - 1)),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


def _v_random() -> Answer:
    P, R = gridworld_model()
    V = evaluate(P, R, uniform_policy(), GAMMA, SWEEPS)
    exact = V[START]
    mean_moves = expected_moves()[START]
    slips = [
        Mistake(f"gamma**(average walk length - 1) = 0.9**{mean_moves - 1:g}. The value is the AVERAGE of "
                "gamma**(T-1) over all walk lengths T, and short walks, which are not rare, count far more "
                "than long ones lose: the average of the discounts is larger than the discount of the "
                "average.", GAMMA ** (mean_moves - 1)),
        Mistake(f"gamma**{mean_moves:g}, the discount at the average walk length (and one step too many). "
                "The value averages gamma**(T-1) over all walk lengths T instead.", GAMMA**mean_moves),
        Mistake("0.9**16, from a rough walk length of 16 moves. Evaluate the policy instead: solve "
                "(I - 0.9 P_pi) V = R_pi, or run policy evaluation until V stops changing.", GAMMA**16),
        Mistake("the optimal value of S0; the question asks for the random policy's.",
                GAMMA ** (_shortest_moves(START) - 1)),
        Mistake("V_4(S0), policy evaluation stopped after 4 sweeps: the value has only begun to arrive. "
                "Sweep until V stops changing.", evaluate(P, R, uniform_policy(), GAMMA, 4)[START]),
        Mistake("the reward discounted one step too many (gamma**T instead of gamma**(T-1)): the move into "
                "S8 pays at the step it is made.", GAMMA * exact),
        Mistake("S8 treated as absorbing with V = 10: S8 is terminal, V(S8) = 0, and the +1 is the "
                "reward of the move into it.", exact * (1 + GAMMA * 10)),
        Mistake("no discount: every walk reaches S8 sooner or later, so undiscounted every state is worth 1.", 1.0),
        *rounding_slips(exact, 3),
    ]
    return Answer(exact, decimals=3, slips=slips)


ANSWERS = {"STEPS_RANDOM": _steps(), "DISCOUNT_OPTIMAL": _discount_optimal(), "V_RANDOM_S0": _v_random()}


def test_expected_walk_length(learner):
    """STEPS_RANDOM, the random walk's average length from S0"""
    check_answer(learner, "STEPS_RANDOM", ANSWERS["STEPS_RANDOM"])


def test_discount_of_the_optimal_path(learner):
    """DISCOUNT_OPTIMAL, the weight of the +1 on the optimal path"""
    check_answer(learner, "DISCOUNT_OPTIMAL", ANSWERS["DISCOUNT_OPTIMAL"])


def test_value_of_s0_under_the_random_policy(learner):
    """V_RANDOM_S0, the random policy's value of S0"""
    check_answer(learner, "V_RANDOM_S0", ANSWERS["V_RANDOM_S0"])
