# expect: the zero on the wrong side
import numpy as np


def ppo_clip_gradient(ratio, advantage, epsilon):
    r, a = np.asarray(ratio, dtype=float), np.asarray(advantage, dtype=float)
    held = ((a > 0) & (r < 1 - epsilon)) | ((a < 0) & (r > 1 + epsilon))
    return np.where(held, 0.0, a)
