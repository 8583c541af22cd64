"""Capstone: the PPO training loop, in order (reference solution)."""

PPO_LOOP = [
    "Collect a rollout of 2048 steps with the current policy, storing states, actions, rewards, dones, log-probs and value estimates",
    "Compute the advantages with GAE from the rewards, dones and value estimates",
    "Compute the value targets (returns) as advantages + value estimates",
    "Run K = 4 epochs over the rollout; in each epoch shuffle it and split it into minibatches of 64",
    "For each minibatch, recompute the log-probs with the current network and form the ratio r = exp(new_logp - old_logp)",
    "Compute the minibatch loss: clipped surrogate loss + value loss",
    "Take an Adam optimizer step on the minibatch loss",
    "Discard the rollout and start the next iteration with the updated policy",
]
