"""Shared reference code and checks for the exploration, PPO and capstone tests.

The references here are written with explicit Python loops over plain floats, so they stay
independent of the vectorised numpy a solution is likely to use.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from checker.api import CheckFailed, NotStarted
from checker.curriculum.checks import show

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


def expect_whole_number(got: Any, expected: int, *, what: str, mistakes: Sequence[tuple[str, float]] = ()) -> None:
    """Fail unless ``got`` is an int (Python or numpy) equal to ``expected``.

    ``mistakes`` pairs a "This looks like ..." text with the number that mistake gives.
    """
    if got is None:
        raise CheckFailed(f"{what} returned None. Did you forget the `return` statement?")
    is_int = _isinstance(got, (_int, _np_integer)) and not _isinstance(got, _bool)
    if not is_int and not (_isinstance(got, (float, np.floating)) and math.isfinite(float(got))):
        raise CheckFailed(f"{what}\n  returned {show(got)} ({type(got).__name__}); it should return an int.")
    value = _int(got) if is_int else float(got)
    if is_int and value == expected:
        return
    lines = [f"{what}", f"  expected: {expected}", f"  got:      {value if is_int else repr(float(got))}"]
    if not is_int:
        lines.append(f"  The result should be an int, not {type(got).__name__}: count whole items with "
                     "integer division `//` (or int(...) once the count is whole).")
        if value == expected:
            lines.append("  The value is right; only the type is not.")
            mistakes = ()
    for looks_like, wrong in mistakes:
        if value == wrong:
            lines.append(f"  This looks like {looks_like}")
            break
    raise CheckFailed("\n".join(lines))


# ---------------------------------------------------------------- order exercises


def expect_order(got: Any, correct: Sequence[str], *, name: str, needs: dict[str, str] | None = None) -> None:
    """Compare a learner's ordered list of steps with the correct order.

    ``needs`` maps a step to why it cannot come earlier; it is shown for the first misplaced step.
    """
    if got is Ellipsis:
        raise NotStarted(f"`{name}` is still `...`")
    if not _isinstance(got, (list, tuple)) or not all(_isinstance(s, str) for s in got):
        raise CheckFailed(f"`{name}` should be a list of the step strings; it is {show(got)}.")
    unknown = [s for s in got if s not in correct]
    if unknown:
        raise CheckFailed(
            f"`{name}` contains a step that is not one of the given ones: {unknown[0]!r}.\n"
            "  Reorder the lines; do not edit their text."
        )
    missing = [s for s in correct if s not in got]
    if missing or len(got) != len(correct):
        detail = f"{missing[0]!r} is missing" if missing else "a step appears twice"
        raise CheckFailed(f"`{name}` should contain each of the {len(correct)} steps exactly once; {detail}.")
    for position, (mine, right) in enumerate(zip(got, correct), start=1):
        if mine != right:
            if position == 1:
                head = f"`{name}`: step 1 is not right."
            else:
                done = "step 1 is right" if position == 2 else f"steps 1 to {position - 1} are in the right order"
                head = f"`{name}`: {done}; step {position} is not."
            lines = [head, f"  You have at step {position}: {mine!r}."]
            why = (needs or {}).get(mine)
            lines.append(f"  That step {why}." if why else
                         "  Ask what that step needs as input, and whether it exists yet at that point.")
            raise CheckFailed("\n".join(lines))
