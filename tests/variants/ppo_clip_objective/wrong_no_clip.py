# expect: the plain surrogate r * A with no clipping
import numpy as np


def ppo_clip_objective(ratio, advantage, epsilon):
    return np.asarray(ratio, dtype=float) * np.asarray(advantage, dtype=float)
