"""The PPO clipped objective (reference solution)."""

import numpy as np


def ppo_clip_objective(ratio, advantage, epsilon):
    r = np.asarray(ratio, dtype=float)
    a = np.asarray(advantage, dtype=float)
    return np.minimum(r * a, np.clip(r, 1.0 - epsilon, 1.0 + epsilon) * a)
