"""Where does PPO's gradient go to zero? (reference solution)"""

import numpy as np


def ppo_clip_gradient(ratio, advantage, epsilon):
    r = np.asarray(ratio, dtype=float)
    a = np.asarray(advantage, dtype=float)
    held = ((a > 0) & (r > 1.0 + epsilon)) | ((a < 0) & (r < 1.0 - epsilon))
    return np.where(held, 0.0, a)
