# Per sample: A flows when the min selects the unclipped term (ties included); a plain loop.
import numpy as np


def ppo_clip_gradient(ratio, advantage, epsilon):
    out = []
    for r, a in zip(ratio, advantage):
        clipped = min(max(r, 1 - epsilon), 1 + epsilon)
        out.append(a if (r * a <= clipped * a or clipped == r) else 0.0)
    return np.array(out)
