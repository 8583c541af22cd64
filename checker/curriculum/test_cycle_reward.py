"""Hidden tests for cycle_reward: the per-step average reward of the optimal cycle."""

import numpy as np

from checker.curriculum.checks import Answer, Mistake, check_answer, rounding_slips
from checker.curriculum.mdps import TWO_STATE_NEXT, TWO_STATE_R
from checker.curriculum.ref_values import optimal_q

GAMMA = 0.9


def _cycle_rewards() -> list[float]:
    # Follow the greedy policy of Q* from S0 until a state repeats; collect the cycle's rewards.
    policy = np.argmax(optimal_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA), axis=1)
    visited, rewards, s = [], [], 0
    while s not in visited:
        visited.append(s)
        rewards.append(float(TWO_STATE_R[s, policy[s]]))
        s = int(TWO_STATE_NEXT[s, policy[s]])
    return rewards[visited.index(s):]


def _answer() -> Answer:
    rewards = _cycle_rewards()
    exact = sum(rewards) / len(rewards)
    V = optimal_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA).max(axis=1)
    slips = [
        Mistake("the total reward of one trip around the cycle; divide by the number of steps it takes.",
                sum(rewards)),
        Mistake("the best single reward. Every second step of the cycle pays only +2.", max(rewards)),
        Mistake("the average of all four rewards in the table; only the two actions the cycle takes count.",
                float(np.mean(TWO_STATE_R))),
        Mistake("(1 - gamma) V*(S0), the discount-weighted average from S0. The question asks for the plain "
                "per-step average of the cycle.", (1 - GAMMA) * V[0]),
        Mistake("(1 - gamma) V*(S1), the discount-weighted average from S1. The question asks for the plain "
                "per-step average of the cycle.", (1 - GAMMA) * V[1]),
        *rounding_slips(exact, 2),
    ]
    return Answer(exact, decimals=2, slips=slips)


ANSWERS = {"AVG_REWARD_PER_STEP": _answer()}


def test_average_reward_of_optimal_cycle(learner):
    """AVG_REWARD_PER_STEP, the average reward of the optimal cycle"""
    check_answer(learner, "AVG_REWARD_PER_STEP", ANSWERS["AVG_REWARD_PER_STEP"])
