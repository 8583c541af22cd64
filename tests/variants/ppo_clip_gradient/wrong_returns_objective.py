# expect: the objective L_CLIP returned instead of its derivative
import numpy as np


def ppo_clip_gradient(ratio, advantage, epsilon):
    r, a = np.asarray(ratio, dtype=float), np.asarray(advantage, dtype=float)
    return np.minimum(r * a, np.clip(r, 1 - epsilon, 1 + epsilon) * a)
