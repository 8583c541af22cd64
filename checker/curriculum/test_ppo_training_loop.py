"""Hidden test for ppo_training_loop: the steps of one PPO iteration in order."""

from checker.curriculum.checks import expect_order



COLLECT = ("Collect a rollout of 2048 steps with the current policy, storing states, actions, rewards, "
           "dones, log-probs and value estimates")
GAE = "Compute the advantages with GAE from the rewards, dones and value estimates"
TARGETS = "Compute the value targets (returns) as advantages + value estimates"
EPOCHS = "Run K = 4 epochs over the rollout; in each epoch shuffle it and split it into minibatches of 64"
RATIO = ("For each minibatch, recompute the log-probs with the current network and form the ratio "
         "r = exp(new_logp - old_logp)")
LOSS = "Compute the minibatch loss: clipped surrogate loss + value loss"
STEP = "Take an Adam optimizer step on the minibatch loss"
REPEAT = "Discard the rollout and start the next iteration with the updated policy"

CORRECT = [COLLECT, GAE, TARGETS, EPOCHS, RATIO, LOSS, STEP, REPEAT]

# Why each step cannot come earlier: shown for the first misplaced step.
NEEDS = {
    COLLECT: "comes first: every other step works on the collected rollout",
    GAE: "needs a collected rollout with its rewards, dones and value estimates",
    TARGETS: "needs the advantages: returns = advantages + value estimates",
    EPOCHS: "trains on the advantages and value targets, so both must be computed before it",
    RATIO: "works on one minibatch, so it happens inside the epoch loop, after the split",
    LOSS: "needs the ratio r of the minibatch (and its advantages and value targets)",
    STEP: "needs the minibatch loss to backpropagate",
    REPEAT: "comes last, once all K epochs of updates are done",
}


def test_ppo_loop_order(learner):
    """the steps of one PPO iteration in order"""
    expect_order(learner.PPO_LOOP, CORRECT, name="PPO_LOOP", needs=NEEDS)
