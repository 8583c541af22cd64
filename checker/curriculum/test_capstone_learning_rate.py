"""Hidden test for capstone_learning_rate."""

from checker.curriculum.checks import expect_choice


def test_ppo_learning_rate(learner):
    """the learning rate for PPO with Adam"""
    expect_choice(learner, "ANSWER", "B", ["A", "B", "C"], why_not={
        "A": "0.1 is far too large for policy gradient methods: a few steps would move the policy so far "
             "that it collapses, whatever the clipping.",
        "C": "1e-6 is so small that the policy would need millions of gradient steps to learn anything; "
             "PPO only gets about ten thousand full-batch updates from 5M steps.",
    })
