"""Learner-facing assertions for the RL curriculum.

Every failure raised here reads as feedback to the learner: what was called with which
inputs, what was expected, what came back and, when the wrong value matches a known
mistake, what that mistake looks like.

Everything this module relies on is bound at import time, before any learner file is
loaded, so a learner who patches ``numpy.allclose``, ``numpy.testing`` or ``builtins.abs``
cannot change how their answer is judged. Learner values are copied into plain float64
arrays (never compared with ``==``), so objects with a lying ``__eq__`` or ndarray
subclasses that override comparisons gain nothing.
"""

from __future__ import annotations

import copy
import math
import types
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from checker.api import CheckFailed, LearnerModule, NotStarted

_isclose = math.isclose
_isfinite = math.isfinite
_isnan = math.isnan
_deepcopy = copy.deepcopy
_np_array = np.array
_ndarray = np.ndarray
_float64 = np.float64
_ndarray_tolist = np.ndarray.tolist
_GeneratorType = types.GeneratorType
_bool = bool
_float = float
_int = int
_len = len
_isinstance = isinstance
_type = type

DEFAULT_RTOL = 1e-6
DEFAULT_ATOL = 1e-6


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer: the value it produces and how to describe it to the learner."""

    looks_like: str
    value: Any


# ---------------------------------------------------------------- formatting


def show(value: Any) -> str:
    """Short, readable rendering of an input or output for a message."""
    if _isinstance(value, _ndarray):
        if value.dtype.kind in "fc" or value.dtype.kind in "iub":
            return np.array2string(
                value, precision=4, suppress_small=True, threshold=40, separator=", "
            )
        return repr(value)
    if _isinstance(value, float):
        return f"{value:.6g}"
    if _isinstance(value, (list, tuple)) and _len(value) > 0:
        try:
            arr = _np_array(value)
            if arr.dtype.kind not in "iub":
                arr = _np_array(value, dtype=_float64)
        except (TypeError, ValueError):
            return repr(value)
        return np.array2string(arr, precision=4, suppress_small=True, threshold=40, separator=", ")
    if _isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {show(v)}" for k, v in value.items()) + "}"
    text = repr(value)
    return text if _len(text) <= 300 else text[:300] + "..."


def describe_call(fn_name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> str:
    parts = [show(a) for a in args] + [f"{k}={show(v)}" for k, v in kwargs.items()]
    return f"{fn_name}({', '.join(parts)})"


def _fail(lines: Iterable[str]) -> CheckFailed:
    return CheckFailed("\n".join(line for line in lines if line))


# ---------------------------------------------------------------- reading learner values


def answer(learner: LearnerModule, name: str) -> float:
    """The number the learner assigned to ``name``; ``...`` means not started."""
    value = getattr(learner, name)
    if value is Ellipsis:
        raise NotStarted(f"`{name}` is still `...`")
    if _isinstance(value, _bool) or not _isinstance(value, (_int, _float, np.integer, np.floating)):
        raise _fail(
            [f"`{name}` should be a number, but it is {show(value)} ({_type(value).__name__})."]
        )
    number = _float(value)
    if not _isfinite(number):
        raise _fail([f"`{name}` is {number}; it should be a finite number."])
    return number


def choice(learner: LearnerModule, name: str, options: Sequence[str]) -> str:
    """The option letter the learner chose; ``"?"`` or ``...`` means not started."""
    value = getattr(learner, name)
    if value is Ellipsis or (_isinstance(value, str) and value.strip() in ("", "?")):
        raise NotStarted(f"`{name}` is still unanswered")
    if not _isinstance(value, str):
        raise _fail([f"`{name}` should be one of {', '.join(map(repr, options))}; it is {show(value)}."])
    letter = value.strip().upper()
    if letter not in options:
        raise _fail([f"`{name}` = {value!r} is not an option. Choose one of {', '.join(map(repr, options))}."])
    return letter


def function(learner: LearnerModule, name: str) -> Callable[..., Any]:
    fn = getattr(learner, name)
    if not callable(fn):
        raise _fail([f"`{name}` should be a function, but it is {show(fn)}."])
    return fn


def to_array(value: Any, *, what: str) -> np.ndarray:
    """Copy a learner's result into a plain float64 ndarray, or explain why it cannot be."""
    if value is None:
        raise _fail([f"{what} returned None. Did you forget the `return` statement?"])
    if _isinstance(value, _GeneratorType):
        raise _fail([f"{what} returned a generator; return a list or a numpy array instead."])
    if _isinstance(value, (str, bytes, dict, set)):
        raise _fail([f"{what} returned {_type(value).__name__} {show(value)}; expected numbers."])
    try:
        arr = _np_array(value, dtype=_float64, copy=True, subok=False)
    except (TypeError, ValueError) as exc:
        raise _fail(
            [f"{what} returned {show(value)} ({_type(value).__name__}), which is not an array of numbers ({exc})."]
        ) from None
    return arr


def to_float(value: Any, *, what: str) -> float:
    arr = to_array(value, what=what)
    if arr.size != 1:
        raise _fail([f"{what} should return a single number; it returned {_len(arr.ravel())} values: {show(arr)}."])
    return _float(arr.reshape(()))


# ---------------------------------------------------------------- comparing


def _close_lists(got: list[Any], expected: list[Any], rtol: float, atol: float) -> bool:
    for g, e in zip(got, expected):
        if g == e:  # both plain floats here; handles matching infinities
            continue
        if _isnan(g) or _isnan(e) or not _isclose(g, e, rel_tol=rtol, abs_tol=atol):
            return False
    return True


def is_close(got: np.ndarray, expected: Any, *, rtol: float = DEFAULT_RTOL, atol: float = DEFAULT_ATOL) -> bool:
    """Elementwise closeness computed on plain Python floats."""
    exp = _np_array(expected, dtype=_float64)
    if got.shape != exp.shape:
        return False
    return _close_lists(
        _ndarray_tolist(got.ravel()), _ndarray_tolist(exp.ravel()), rtol, atol
    )


def _diagnose(got: np.ndarray, mistakes: Sequence[Mistake], rtol: float, atol: float) -> str | None:
    for mistake in mistakes:
        try:
            if is_close(got, mistake.value, rtol=rtol, atol=atol):
                return mistake.looks_like
        except (TypeError, ValueError):
            continue
    return None


def expect_close(
    got: Any,
    expected: Any,
    *,
    what: str,
    rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
    mistakes: Sequence[Mistake] = (),
    note: str = "",
) -> None:
    """Fail with a learner-readable message unless ``got`` matches ``expected``.

    ``what`` names the thing checked, e.g. the call ``bellman_iteration(V=[0, 0], ...)``.
    """
    exp = _np_array(expected, dtype=_float64)
    arr = to_array(got, what=what)
    if exp.ndim == 0 and arr.size == 1:
        arr = arr.reshape(())
    if arr.shape != exp.shape:
        raise _fail(
            [
                f"{what}",
                f"  expected shape {exp.shape}, got shape {arr.shape}",
                f"  expected: {show(exp)}",
                f"  got:      {show(arr)}",
            ]
        )
    nonfinite = [x for x in _ndarray_tolist(arr.ravel()) if not _isfinite(x)]
    expected_nonfinite = [x for x in _ndarray_tolist(exp.ravel()) if not _isfinite(x)]
    if is_close(arr, exp, rtol=rtol, atol=atol):
        return
    diagnosis = _diagnose(arr, mistakes, rtol, atol)
    lines = [
        f"{what}",
        f"  expected: {show(exp if exp.ndim else _float(exp))}",
        f"  got:      {show(arr if arr.ndim else _float(arr))}",
    ]
    if nonfinite and not expected_nonfinite:
        lines.append("  Your result contains NaN or infinity: look for a division by zero or an overflow.")
    if diagnosis:
        lines.append(f"  This looks like {diagnosis}")
    if note:
        lines.append(f"  {note}")
    raise _fail(lines)


def expect_answer(
    learner: LearnerModule,
    name: str,
    expected: float,
    *,
    decimals: int = 2,
    mistakes: Sequence[Mistake] = (),
) -> None:
    """Check a hand-computed answer to within half a unit of the stated decimal place."""
    got = answer(learner, name)
    tol = 0.5 * 10.0 ** (-decimals) + 1e-9
    if _isclose(got, expected, rel_tol=0.0, abs_tol=tol):
        return
    lines = [
        f"`{name}` = {got:.6g} is not right (answers within ±{tol:.3g} are accepted).",
    ]
    for mistake in mistakes:
        if _isclose(got, _float(mistake.value), rel_tol=0.0, abs_tol=tol):
            lines.append(f"  This looks like {mistake.looks_like}")
            break
    raise _fail(lines)


def expect_choice(
    learner: LearnerModule,
    name: str,
    correct: str,
    options: Sequence[str],
    *,
    why_not: dict[str, str] | None = None,
) -> None:
    """Check a multiple-choice answer; ``why_not`` explains each wrong option."""
    letter = choice(learner, name, options)
    if letter == correct:
        return
    reason = (why_not or {}).get(letter, "Re-read the options and the explanation above them.")
    raise _fail([f"`{name}` = {letter!r} is not the best answer.", f"  {reason}"])


# ---------------------------------------------------------------- calling learner functions


def call(
    learner: LearnerModule,
    fn_name: str,
    *args: Any,
    mutates: Sequence[int] = (),
    **kwargs: Any,
) -> tuple[Any, str]:
    """Call a learner function on private copies of the inputs.

    Returns the result and a description of the call for messages. Inputs the learner
    modifies are reported, unless their position is listed in ``mutates``.
    """
    fn = function(learner, fn_name)
    what = describe_call(fn_name, args, kwargs)
    passed_args = [_deepcopy(a) for a in args]
    passed_kwargs = {k: _deepcopy(v) for k, v in kwargs.items()}
    result = fn(*passed_args, **passed_kwargs)
    for i, (original, seen) in enumerate(zip(args, passed_args)):
        if i not in mutates and not _same(original, seen):
            raise _fail(
                [
                    f"{what}",
                    f"  changed its input #{i + 1} in place: it was {show(original)}, afterwards {show(seen)}.",
                    "  Build a new array for the result instead of writing into the input.",
                ]
            )
    for key, original in kwargs.items():
        if not _same(original, passed_kwargs[key]):
            raise _fail([f"{what}", f"  changed its input `{key}` in place."])
    return result, what


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        x = _np_array(a, dtype=_float64)
        y = _np_array(b, dtype=_float64)
    except (TypeError, ValueError):
        return repr(a) == repr(b)
    if x.shape != y.shape:
        return False
    return all(
        p == q or (_isnan(p) and _isnan(q))
        for p, q in zip(_ndarray_tolist(x.ravel()), _ndarray_tolist(y.ravel()))
    )
