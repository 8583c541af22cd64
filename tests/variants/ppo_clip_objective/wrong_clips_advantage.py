# expect: the advantage clipped instead of the ratio
import numpy as np


def ppo_clip_objective(ratio, advantage, epsilon):
    r, a = np.asarray(ratio, dtype=float), np.asarray(advantage, dtype=float)
    return np.minimum(r * a, r * np.clip(a, 1 - epsilon, 1 + epsilon))
