# expect: the terminal mask forgotten
import numpy as np


def td_residuals(rewards, values, next_values, gamma, dones=None):
    return (np.asarray(rewards, dtype=float) + gamma * np.asarray(next_values, dtype=float)
            - np.asarray(values, dtype=float))
