"""Capstone: how many gradient updates does the policy get?

Your CNN + MLP policy has about 2M parameters. PPO collects a rollout of 2048 environment
steps, then trains on it for 4 epochs, then collects the next rollout. The budget is
5,000,000 environment steps in total.

Count whole rollouts only: a rollout that is cut off by the end of the budget is never
trained on.

One gradient update = one optimizer step. Count them two ways:

    UPDATES_FULL_BATCH    each epoch uses the whole rollout as one batch (1 step per epoch)
    UPDATES_MINIBATCH_64  each epoch splits the rollout into minibatches of 64 samples
                          (1 step per minibatch)

Write whole numbers; they must be exact.
"""

UPDATES_FULL_BATCH = ...
UPDATES_MINIBATCH_64 = ...
