# expect: the done flag used the wrong way round
import numpy as np


def td_residuals(rewards, values, next_values, gamma, dones=None):
    d = np.zeros(len(rewards)) if dones is None else np.asarray(dones, dtype=float)
    return (np.asarray(rewards, dtype=float) + gamma * np.asarray(next_values, dtype=float) * d
            - np.asarray(values, dtype=float))
