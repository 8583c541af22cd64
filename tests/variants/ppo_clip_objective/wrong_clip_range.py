# expect: clipping r to [eps, 1 + eps]
import numpy as np


def ppo_clip_objective(ratio, advantage, epsilon):
    r, a = np.asarray(ratio, dtype=float), np.asarray(advantage, dtype=float)
    return np.minimum(r * a, np.clip(r, epsilon, 1 + epsilon) * a)
