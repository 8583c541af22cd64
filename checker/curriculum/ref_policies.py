"""Shared reference code and checks for the exploration, PPO and capstone tests.

The references here are written with explicit Python loops over plain floats, so they stay
independent of the vectorised numpy a solution is likely to use.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np


_isinstance = isinstance
_bool = bool
_int = int
_np_integer = np.integer


# ---------------------------------------------------------------- PPO clipping


def clip_scalar(x: float, low: float, high: float) -> float:
    return low if x < low else high if x > high else x


def clip_objective_ref(ratio: Sequence[float], advantage: Sequence[float], epsilon: float) -> np.ndarray:
    """L^CLIP per sample: min(r * A, clip(r, 1 - eps, 1 + eps) * A), one sample at a time."""
    out = []
    for r, a in zip(np.ravel(ratio).tolist(), np.ravel(advantage).tolist()):
        out.append(min(r * a, clip_scalar(r, 1.0 - epsilon, 1.0 + epsilon) * a))
    return np.array(out, dtype=float).reshape(np.shape(ratio))


def clip_gradient_ref(ratio: Sequence[float], advantage: Sequence[float], epsilon: float) -> np.ndarray:
    """dL^CLIP/dr per sample with the course convention: 0 strictly outside the range on the
    side where the clipped term wins (A > 0 and r > 1 + eps, or A < 0 and r < 1 - eps), else A."""
    out = []
    for r, a in zip(np.ravel(ratio).tolist(), np.ravel(advantage).tolist()):
        held = (a > 0 and r > 1.0 + epsilon) or (a < 0 and r < 1.0 - epsilon)
        out.append(0.0 if held else a)
    return np.array(out, dtype=float).reshape(np.shape(ratio))


# ---------------------------------------------------------------- whole numbers


# ---------------------------------------------------------------- order exercises


