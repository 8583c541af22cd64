# expect: the last, smaller minibatch dropped
def episodes_for_steps(total_steps, steps_per_episode):
    return total_steps // steps_per_episode


def ppo_gradient_updates(total_steps, rollout_steps, epochs, minibatch_size=None):
    per_epoch = 1 if minibatch_size is None else rollout_steps // minibatch_size
    return total_steps // rollout_steps * epochs * per_epoch
