# expect: delta_t bootstrapping from V(s_{t+1}) at an episode end
import numpy as np


def gae(rewards, values, last_value, gamma, lam, dones=None):
    r, v = np.asarray(rewards, dtype=float), np.asarray(values, dtype=float)
    T = len(r)
    live = np.ones(T) if dones is None else 1.0 - np.asarray(dones, dtype=float)
    next_v = np.append(v[1:], float(last_value))
    adv, carry = np.zeros(T), 0.0
    for t in reversed(range(T)):
        delta = r[t] + gamma * next_v[t] - v[t]
        carry = delta + gamma * lam * live[t] * carry
        adv[t] = carry
    return adv
