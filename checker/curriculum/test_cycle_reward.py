"""Hidden tests for cycle_reward: the per-step average reward of the optimal cycle."""

import numpy as np

from checker.curriculum.checks import Mistake, expect_answer
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


def test_average_reward_of_optimal_cycle(learner):
    rewards = _cycle_rewards()
    V = optimal_q(TWO_STATE_R, TWO_STATE_NEXT, GAMMA).max(axis=1)
    expect_answer(
        learner,
        "AVG_REWARD_PER_STEP",
        sum(rewards) / len(rewards),
        mistakes=[
            Mistake("the total reward of one trip around the cycle; divide by the number of steps it takes.",
                    sum(rewards)),
            Mistake("the best single reward. Every second step of the cycle pays only +2.", max(rewards)),
            Mistake("(1 - gamma) V*(S0), the discount-weighted average from S0. The question asks for the plain "
                    "per-step average of the cycle.", (1 - GAMMA) * V[0]),
            Mistake("(1 - gamma) V*(S1), the discount-weighted average from S1. The question asks for the plain "
                    "per-step average of the cycle.", (1 - GAMMA) * V[1]),
        ],
    )
