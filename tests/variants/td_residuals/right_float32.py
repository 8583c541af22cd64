# Vectorised in float32, with np.where for the mask.
import numpy as np


def td_residuals(rewards, values, next_values, gamma, dones=None):
    r = np.asarray(rewards, dtype=np.float32)
    v = np.asarray(values, dtype=np.float32)
    nv = np.asarray(next_values, dtype=np.float32)
    done = np.zeros(len(r), dtype=bool) if dones is None else np.asarray(dones).astype(bool)
    return r + np.where(done, np.float32(0.0), np.float32(gamma) * nv) - v
