"""Hidden test for capstone_episode_count: episodes in 5M steps of 100-step episodes."""

from checker.curriculum.checks import Mistake, expect_answer

TOTAL, LENGTH, FAILURE = 5_000_000, 100, 0.8


def test_episodes_in_budget(learner):
    expect_answer(learner, "EPISODES", TOTAL // LENGTH, decimals=0, mistakes=[
        Mistake("the failure rate applied to the count: failed episodes still last 100 steps, "
                "so they count like any other.", TOTAL * FAILURE // LENGTH),
        Mistake("only the successful episodes counted; every episode, failed or not, uses 100 steps.",
                TOTAL * (1 - FAILURE) // LENGTH),
        Mistake("steps times episode length: divide the steps by the episode length.", TOTAL * LENGTH),
    ])
