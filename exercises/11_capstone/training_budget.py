"""Capstone: a training budget calculator.

Turn the episode and gradient-update estimates into two functions. Both return an int
(a Python int or a numpy integer) and count only COMPLETE units.

1. `episodes_for_steps(total_steps, steps_per_episode)`

   The number of complete episodes in total_steps environment steps, when every episode
   lasts steps_per_episode steps. A final, unfinished episode does not count.

       episodes_for_steps(1_000_000, 250)  ->  4000
       episodes_for_steps(1050, 100)       ->  10

2. `ppo_gradient_updates(total_steps, rollout_steps, epochs, minibatch_size=None)`

   The number of optimizer steps PPO takes in total_steps environment steps. PPO
   collects rollouts of rollout_steps steps and trains on each for `epochs` epochs.

   * Whole rollouts only: a rollout cut off by the end of the budget is never trained on.
   * minibatch_size=None: each epoch is one full-batch update.
   * otherwise each epoch splits the rollout into minibatches of minibatch_size samples
     and takes one step per minibatch. If minibatch_size does not divide rollout_steps,
     the last, smaller minibatch still gets its own step (as a PyTorch DataLoader does by
     default): ceil(rollout_steps / minibatch_size) steps per epoch.

       ppo_gradient_updates(1_000_000, 4096, 10)       ->  2440
       ppo_gradient_updates(1_000_000, 4096, 10, 256)  ->  39040
       ppo_gradient_updates(10_000, 2048, 2, 100)      ->  4 * 2 * 21 = 168
"""

import math


def episodes_for_steps(total_steps, steps_per_episode):
    raise NotImplementedError


def ppo_gradient_updates(total_steps, rollout_steps, epochs, minibatch_size=None):
    raise NotImplementedError
