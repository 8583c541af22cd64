# expect: the ratio taken as new_logp - old_logp without exp
import numpy as np


def ppo_surrogate_loss(new_logp, old_logp, advantages, epsilon):
    r = np.asarray(new_logp, dtype=float) - np.asarray(old_logp, dtype=float)
    a = np.asarray(advantages, dtype=float)
    return float(-np.mean(np.minimum(r * a, np.clip(r, 1 - epsilon, 1 + epsilon) * a)))
