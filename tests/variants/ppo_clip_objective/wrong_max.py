# expect: max instead of min
import numpy as np


def ppo_clip_objective(ratio, advantage, epsilon):
    r, a = np.asarray(ratio, dtype=float), np.asarray(advantage, dtype=float)
    return np.maximum(r * a, np.clip(r, 1 - epsilon, 1 + epsilon) * a)
