"""Reference computations shared by the hidden tests of the policy-gradient, advantage and
discount exercises.

Everything here is written as plain loops over explicit sums (forward sums where the
exercises ask for backward recursions), so it does not share a shape with the reference
solutions. Also holds `call_explained`, a `call` that turns a crash into feedback.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np


# Section "Advantage estimation": the 5-step trajectory, gamma = 0.99, episode ends after t = 4.
ADV_GAMMA = 0.99
ADV_REWARDS = [1.0, 0.0, 2.0, 0.0, 1.0]
ADV_VALUES = [10.0, 9.5, 8.0, 7.0, 6.5]
ADV_NEXT_VALUES = [9.5, 8.0, 7.0, 6.5, 0.0]


def floats(xs: Sequence[float]) -> list[float]:
    return [float(x) for x in xs]


def returns_forward(rewards: Sequence[float], gamma: float) -> np.ndarray:
    """G_t = sum over k >= t of gamma^(k-t) r_k, each summed from scratch."""
    r = floats(rewards)
    return np.array([sum(gamma ** (k - t) * r[k] for k in range(t, len(r))) for t in range(len(r))], dtype=float)


def softmax_ref(logits: Sequence[float]) -> np.ndarray:
    z = floats(logits)
    top = max(z)
    e = [math.exp(x - top) for x in z]
    total = math.fsum(e)
    return np.array([x / total for x in e])


def log_softmax_ref(logits: Sequence[float]) -> np.ndarray:
    z = floats(logits)
    top = max(z)
    lse = top + math.log(math.fsum(math.exp(x - top) for x in z))
    return np.array([x - lse for x in z])


def numerical_grad_log_pi(theta: Sequence[float], action: int, h: float = 1e-5) -> np.ndarray:
    """Central differences of log pi(action) = log_softmax(theta)[action], one logit at a time."""
    theta = floats(theta)
    grad = []
    for j in range(len(theta)):
        up, down = list(theta), list(theta)
        up[j] += h
        down[j] -= h
        grad.append((log_softmax_ref(up)[action] - log_softmax_ref(down)[action]) / (2 * h))
    return np.array(grad)


def td_residuals_ref(rewards, values, next_values, gamma, dones=None) -> np.ndarray:
    n = len(rewards)
    d = [0.0] * n if dones is None else [float(x) for x in dones]
    out = []
    for t in range(n):
        bootstrap = 0.0 if d[t] else gamma * float(next_values[t])
        out.append(float(rewards[t]) + bootstrap - float(values[t]))
    return np.array(out, dtype=float)


def gae_forward(rewards, values, last_value, gamma, lam, dones=None) -> np.ndarray:
    """A_t = sum over l of (gamma*lam)^l delta_{t+l}, stopping after the step where the episode ends."""
    n = len(rewards)
    d = [False] * n if dones is None else [bool(x) for x in dones]
    nxt = [float(v) for v in values[1:]] + [float(last_value)]
    deltas = td_residuals_ref(rewards, values, nxt, gamma, d)
    out = []
    for t in range(n):
        total, weight = 0.0, 1.0
        for k in range(t, n):
            total += weight * deltas[k]
            if d[k]:
                break
            weight *= gamma * lam
        out.append(total)
    return np.array(out, dtype=float)
