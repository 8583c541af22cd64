"""Hidden test for ppo_vs_trpo."""

from checker.curriculum.checks import expect_choice


def test_why_ppo_replaced_trpo(learner):
    """why PPO replaced TRPO"""
    expect_choice(learner, "ANSWER", "B", ["A", "B", "C", "D"], why_not={
        "A": "PPO has no exact KL constraint at all: clipping the ratio is a simple heuristic that keeps "
             "updates small. TRPO is the one that enforces a KL bound (approximately, with a line search).",
        "C": "Both methods weight the policy gradient with advantages, and PPO usually trains a value "
             "function for them (GAE).",
        "D": "PPO is on-policy: it reuses each fresh rollout for a few epochs and then discards it. "
             "Learning from a replay buffer of old experience is what off-policy methods (DQN, SAC) do.",
    })
