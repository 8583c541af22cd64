# expect: zeroing the gradient whenever r is outside [1 - eps, 1 + eps]
import numpy as np


def ppo_clip_gradient(ratio, advantage, epsilon):
    r, a = np.asarray(ratio, dtype=float), np.asarray(advantage, dtype=float)
    return np.where((r > 1 + epsilon) | (r < 1 - epsilon), 0.0, a)
