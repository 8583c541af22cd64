"""TD residuals for a batch of steps (reference solution)."""

import numpy as np


def td_residuals(rewards, values, next_values, gamma, dones=None):
    r = np.asarray(rewards, dtype=float)
    v = np.asarray(values, dtype=float)
    nv = np.asarray(next_values, dtype=float)
    not_done = np.ones(len(r)) if dones is None else 1.0 - np.asarray(dones, dtype=float)
    return r + gamma * nv * not_done - v
