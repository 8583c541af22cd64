# Vectorised in float32; returns a 0-d numpy float32.
import numpy as np


def ppo_surrogate_loss(new_logp, old_logp, advantages, epsilon):
    r = np.exp(np.asarray(new_logp, dtype=np.float32) - np.asarray(old_logp, dtype=np.float32))
    a = np.asarray(advantages, dtype=np.float32)
    return -np.mean(np.minimum(r * a, np.clip(r, 1 - epsilon, 1 + epsilon) * a))
