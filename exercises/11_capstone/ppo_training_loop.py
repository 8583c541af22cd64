"""Capstone: the PPO training loop, in order.

PPO alternates between two phases: it collects fresh experience with the current policy,
then it improves the policy on that experience for a few epochs (the clipped loss keeps
the new policy close to the one that collected the data), and starts over.

The steps of one iteration are listed below in a shuffled order. Each step can only use
what earlier steps produced; "the current network" means the one being trained.

Your task: reorder the lines of PPO_LOOP so that the steps run in the right order, top
to bottom. Move whole lines; do not change their text. When you are done, delete the
line `# I AM NOT DONE` below so the checker grades your file.
"""

# I AM NOT DONE

PPO_LOOP = [
    "Run K = 4 epochs over the rollout; in each epoch shuffle it and split it into minibatches of 64",
    "Compute the value targets (returns) as advantages + value estimates",
    "Take an Adam optimizer step on the minibatch loss",
    "Collect a rollout of 2048 steps with the current policy, storing states, actions, rewards, dones, log-probs and value estimates",
    "For each minibatch, recompute the log-probs with the current network and form the ratio r = exp(new_logp - old_logp)",
    "Compute the minibatch loss: clipped surrogate loss + value loss",
    "Compute the advantages with GAE from the rewards, dones and value estimates",
    "Discard the rollout and start the next iteration with the updated policy",
]
