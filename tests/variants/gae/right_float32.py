# The backward recursion in float32, with boolean masks.
import numpy as np


def gae(rewards, values, last_value, gamma, lam, dones=None):
    r = np.asarray(rewards, dtype=np.float32)
    v = np.asarray(values, dtype=np.float32)
    T = len(r)
    done = np.zeros(T, dtype=bool) if dones is None else np.asarray(dones).astype(bool)
    next_v = np.concatenate([v[1:], np.array([last_value], dtype=np.float32)])
    g, k = np.float32(gamma), np.float32(gamma * lam)
    adv = np.zeros(T, dtype=np.float32)
    carry = np.float32(0.0)
    for t in range(T - 1, -1, -1):
        if done[t]:
            carry = r[t] - v[t]
        else:
            carry = r[t] + g * next_v[t] - v[t] + k * carry
        adv[t] = carry
    return adv
