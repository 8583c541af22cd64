"""Generalized Advantage Estimation over a rollout (reference solution)."""

import numpy as np


def gae(rewards, values, last_value, gamma, lam, dones=None):
    r = np.asarray(rewards, dtype=float)
    v = np.asarray(values, dtype=float)
    T = len(r)
    not_done = np.ones(T) if dones is None else 1.0 - np.asarray(dones, dtype=float)
    next_v = np.append(v[1:], float(last_value))
    advantages = np.zeros(T)
    carry = 0.0
    for t in reversed(range(T)):
        delta = r[t] + gamma * next_v[t] * not_done[t] - v[t]
        carry = delta + gamma * lam * not_done[t] * carry
        advantages[t] = carry
    return advantages
