"""Capstone: the replay buffer size (reference solution)."""

import numpy as np


def replay_buffer_bytes(n_transitions, image_shape, proprio_dim, action_dim):
    state = int(np.prod(image_shape)) * 1 + proprio_dim * 4
    per_transition = 2 * state + action_dim * 4 + 4 + 1
    return n_transitions * per_transition
