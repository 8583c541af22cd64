# expect: next_state forgotten
import math


def replay_buffer_bytes(n_transitions, image_shape, proprio_dim, action_dim):
    return n_transitions * (math.prod(image_shape) + 4 * proprio_dim + 4 * action_dim + 4 + 1)
