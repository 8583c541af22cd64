# expect: images counted as float32
import math


def replay_buffer_bytes(n_transitions, image_shape, proprio_dim, action_dim):
    return n_transitions * (2 * (4 * math.prod(image_shape) + 4 * proprio_dim) + 4 * action_dim + 4 + 1)
