# Sizes read off numpy's own dtypes (nbytes); returns a numpy integer.
import numpy as np


def replay_buffer_bytes(n_transitions, image_shape, proprio_dim, action_dim):
    image = np.zeros(tuple(image_shape), dtype=np.uint8).nbytes
    proprio = np.zeros(proprio_dim, dtype=np.float32).nbytes
    action = np.zeros(action_dim, dtype=np.float32).nbytes
    reward = np.float32(0).nbytes
    done = np.bool_(False).nbytes
    return np.int64(n_transitions) * (2 * (image + proprio) + action + reward + done)
