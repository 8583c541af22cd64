"""Hidden test for capstone_discount: gamma for 100-step episodes."""

from checker.curriculum.checks import expect_choice

EPISODE = 100


def _weight(gamma: float) -> float:
    # Share of a reward 100 steps ahead that reaches the first step.
    return gamma ** EPISODE


def test_discount_for_100_step_episodes(learner):
    """gamma for 100-step episodes"""
    expect_choice(learner, "ANSWER", "C", ["A", "B", "C", "D"], why_not={
        "A": f"gamma = 0.9 has a horizon of about 10 steps: 0.9^100 = {_weight(0.9):.1e}, so the grasp "
             "reward at the end of an episode is invisible from its start.",
        "B": f"gamma = 0.95 has a horizon of about 20 steps: 0.95^100 = {_weight(0.95):.3f}, practically "
             "zero credit for the early steps of a 100-step episode.",
        "D": "gamma = 0.9999 would work, but its horizon (10,000 steps) is far longer than the 100-step "
             "episodes, which only adds variance to the returns and makes the value function harder to learn.",
    })
