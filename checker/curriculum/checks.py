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
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from checker.api import CheckFailed, NotStarted
from checker.learner import CallTimedOut, Learner, LearnerError, Opaque

_isclose = math.isclose
_isfinite = math.isfinite
_isnan = math.isnan
_deepcopy = copy.deepcopy
_np_array = np.array
_ndarray = np.ndarray
_float64 = np.float64
_ndarray_tolist = np.ndarray.tolist
_bool = bool
_float = float
_int = int
_len = len
_isinstance = isinstance
_type = type
_np_integer = np.integer

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
    if _isinstance(value, np.random.Generator):
        return "rng"  # its repr holds a memory address: the same call must read the same every run
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


def type_name(value: Any) -> str:
    """The type of a learner's value as they would name it (an Opaque value keeps its own)."""
    return value.type_name if _isinstance(value, Opaque) else _type(value).__name__


def answer(learner: Learner, name: str) -> float:
    """The number the learner assigned to ``name``; ``...`` means not started."""
    value = getattr(learner, name)
    if value is Ellipsis:
        raise NotStarted(f"`{name}` is still `...`")
    if _isinstance(value, _bool) or not _isinstance(value, (_int, _float, np.integer, np.floating)):
        raise _fail(
            [f"`{name}` should be a number, but it is {show(value)} ({type_name(value)})."]
        )
    number = _float(value)
    if not _isfinite(number):
        raise _fail([f"`{name}` is {number}; it should be a finite number."])
    return number


def choice(learner: Learner, name: str, options: Sequence[str]) -> str:
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


def function(learner: Learner, name: str) -> Callable[..., Any]:
    fn = getattr(learner, name)
    if not callable(fn):
        raise _fail([f"`{name}` should be a function, but it is {show(fn)}."])
    return fn


def to_array(value: Any, *, what: str) -> np.ndarray:
    """Copy a learner's result into a plain float64 ndarray, or explain why it cannot be."""
    if value is None:
        raise _fail([f"{what} returned None. Did you forget the `return` statement?"])
    if _isinstance(value, Opaque) and value.type_name == "generator":
        raise _fail([f"{what} returned a generator; return a list or a numpy array instead."])
    if _isinstance(value, (str, dict, Opaque)):
        raise _fail([f"{what} returned {type_name(value)} {show(value)}; expected numbers."])
    try:
        arr = _np_array(value, dtype=_float64, copy=True, subok=False)
    except (TypeError, ValueError) as exc:
        raise _fail(
            [f"{what} returned {show(value)} ({type_name(value)}), which is not an array of numbers ({exc})."]
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
    learner: Learner,
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
    learner: Learner,
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


def _invoke(fn: Any, args: Sequence[Any], kwargs: dict[str, Any], what: str, timeout: float | None = None,
            repeat: int | None = None) -> Any:
    """Run the learner's function (in the confined executor) on these objects; whatever it
    changed in them in place is written back into them."""
    return fn.invoke(list(args), kwargs, what=what, timeout=timeout, repeat=repeat)


def call(
    learner: Learner,
    fn_name: str,
    *args: Any,
    mutates: Sequence[int] = (),
    timeout: float | None = None,
    **kwargs: Any,
) -> tuple[Any, str]:
    """Call a learner function on private copies of the inputs.

    Returns the result and a description of the call for messages. Inputs the learner
    modifies are reported, unless their position is listed in ``mutates``. ``timeout``
    overrides the engine's per-call time limit.
    """
    return _call(function(learner, fn_name), fn_name, args, kwargs, mutates, timeout)


def _call(fn: Any, fn_name: str, args: Sequence[Any], kwargs: dict[str, Any], mutates: Sequence[int] = (),
          timeout: float | None = None) -> tuple[Any, str]:
    what = describe_call(fn_name, args, kwargs)
    passed_args = [_deepcopy(a) for a in args]
    passed_kwargs = {k: _deepcopy(v) for k, v in kwargs.items()}
    result = _invoke(fn, passed_args, passed_kwargs, what, timeout)
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


# ---------------------------------------------------------------- more ways to call and compare


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


def call_with_warnings(learner: Learner, fn_name: str, *args: Any, **kwargs: Any) -> tuple[Any, str, list[Any]]:
    """Like ``call``, and the warnings the learner's code raised during the call (each has
    ``categories``, e.g. ("RuntimeWarning", "Warning"), ``message`` and ``line``)."""
    fn = function(learner, fn_name)
    result, what = _call(fn, fn_name, args, kwargs)
    return result, what, list(fn.last_warnings)


def call_with_time_limit(
    learner: Learner, fn_name: str, *args: Any, seconds: float, why: str, **kwargs: Any
) -> tuple[Any, str]:
    """Like ``call``, but a call running longer than ``seconds`` fails with ``why``.

    The engine stops the call (it runs in another process) and remembers the function: later
    calls to it fail at once, so a loop that never ends costs one time limit, not one per check.
    """
    try:
        return call(learner, fn_name, *args, timeout=seconds, **kwargs)
    except CallTimedOut as exc:
        raise CallTimedOut(f"{exc}\n  {why}") from None


def repeat_call(learner: Learner, fn_name: str, *args: Any, times: int, what: str) -> list[Any]:
    """The same call ``times`` times in a row (each may draw from a random generator passed in,
    which then holds the learner's draws): the results, as a list."""
    fn = function(learner, fn_name)
    passed = [_deepcopy(a) for a in args]
    return _invoke(fn, passed, {}, what, repeat=times)


def call_explained(learner: Any, fn_name: str, *args: Any, expectation: str, **kwargs: Any) -> tuple[Any, str]:
    """`call`, but a crash in the learner's function becomes a learner-readable failure.

    ``expectation`` says what the call should have done instead, e.g. "An empty reward list
    has no returns: return an empty array." NotImplementedError still means "not started".
    """
    try:
        return call(learner, fn_name, *args, **kwargs)
    except (NotImplementedError, NotStarted, CheckFailed):
        raise
    except LearnerError as exc:  # the learner's own bug: report it in their terms
        what = describe_call(fn_name, args, kwargs)
        raise CheckFailed(f"{what}\n  raised {exc.type_name}: {exc.text}\n  {expectation}") from None


def call_in_place(learner: Any, fn_name: str, *args: Any, index: int = 0) -> tuple[Any, Any, str]:
    """Call a learner function that must update ``args[index]`` in place.

    Returns the result, the object that was passed as ``args[index]`` (so the test can check
    it was modified) and a description of the call. Only private copies are passed.
    """
    fn = function(learner, fn_name)
    what = describe_call(fn_name, args, {})
    passed = [_deepcopy(a) for a in args]
    result = _invoke(fn, passed, {}, what)
    return result, passed[index], what


def expect_updated_in_place(passed: Any, expected: Any, *, what: str, name: str = "Q", atol: float = 1e-6) -> None:
    """The argument the learner received must now hold the expected values."""
    arr = to_array(passed, what=what)
    if is_close(arr, expected, rtol=1e-6, atol=atol):
        return
    raise CheckFailed(
        "\n".join(
            [
                f"{what}",
                f"  returned the right values, but the {name} passed in was not updated in place:",
                f"  afterwards it holds {show(arr)}.",
                f"  The update must write into {name} itself (not into a copy) and return that same {name}.",
            ]
        )
    )


def merge_coinciding(mistakes: Sequence[Mistake]) -> list[Mistake]:
    """Merge mistakes that give the same value on this input, so the diagnosis names all of them.

    (Two slips can coincide on a small case, e.g. max and an unweighted sum over actions
    after one sweep of the gridworld; naming only the first would mislead half the learners.)
    """
    merged: list[Mistake] = []
    for mistake in mistakes:
        value = np.asarray(mistake.value, dtype=float)
        for i, kept in enumerate(merged):
            if is_close(value, kept.value, rtol=1e-9, atol=1e-12):
                merged[i] = Mistake(f"{kept.looks_like} Or: {mistake.looks_like}", kept.value)
                break
        else:
            merged.append(mistake)
    return merged
