"""Capstone: the replay buffer size, for any sensor setup.

Generalise the replay-memory estimate to a function. Each transition stores:

    state       an image of shape image_shape (uint8, 1 byte per value)
                + proprio_dim joint angles (float32, 4 bytes each)
    action      action_dim numbers (float32)
    reward      1 number (float32)
    next_state  same layout as state
    done        1 flag (1 byte)

Your task: write `replay_buffer_bytes(n_transitions, image_shape, proprio_dim, action_dim)`.

    n_transitions  number of stored transitions, >= 0
    image_shape    tuple or list of ints, e.g. (128, 128, 3)
    proprio_dim    number of joint angles, >= 0
    action_dim     action size, >= 1

Return the total number of BYTES as an int (a Python int or a numpy integer).

Example (84 x 84 colour images, 7 joint angles, 2 action numbers):
    replay_buffer_bytes(100_000, (84, 84, 3), 7, 2)  ->  4240500000
"""

import numpy as np


def replay_buffer_bytes(n_transitions, image_shape, proprio_dim, action_dim):
    raise NotImplementedError
