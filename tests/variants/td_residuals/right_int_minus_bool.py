# dones kept as given (0/1 ints or booleans): 1 - dones works for both (int minus bool is
# fine in numpy; only bool minus bool raises).
import numpy as np


def td_residuals(rewards, values, next_values, gamma, dones=None):
    d = np.zeros(len(rewards)) if dones is None else np.asarray(dones)
    return (np.asarray(rewards, dtype=float) + gamma * np.asarray(next_values, dtype=float) * (1 - d)
            - np.asarray(values, dtype=float))
