# The case analysis instead of min/clip: clipped at 1 + eps for A > 0, at 1 - eps for A < 0.
import numpy as np


def ppo_clip_objective(ratio, advantage, epsilon):
    r, a = np.asarray(ratio, dtype=float), np.asarray(advantage, dtype=float)
    capped = np.where(a > 0, np.minimum(r, 1 + epsilon), np.maximum(r, 1 - epsilon))
    return capped * a
