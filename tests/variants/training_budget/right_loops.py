# Counting with a subtraction loop, range() and numpy integers instead of // and ceil.
import numpy as np


def episodes_for_steps(total_steps, steps_per_episode):
    return np.int64(np.floor(total_steps / steps_per_episode))


def ppo_gradient_updates(total_steps, rollout_steps, epochs, minibatch_size=None):
    rollouts, left = 0, total_steps
    while left >= rollout_steps:
        rollouts, left = rollouts + 1, left - rollout_steps
    per_epoch = 1 if minibatch_size is None else len(range(0, rollout_steps, minibatch_size))
    return rollouts * epochs * per_epoch
