# expect: The result should be an int, not float
import numpy as np


def replay_buffer_bytes(n_transitions, image_shape, proprio_dim, action_dim):
    return float(n_transitions * (2 * (int(np.prod(image_shape)) + 4 * proprio_dim) + 4 * action_dim + 4 + 1))
