"""Learner-facing assertions for the RL curriculum.

Every failure raised here reads as feedback to the learner: what was called with which
inputs, what was expected, what came back and, when the wrong value matches a known
mistake, what that mistake looks like.

Everything this module relies on is bound at import time, before any learner file is
loaded, so a learner who patches ``numpy.allclose``, ``numpy.testing`` or ``builtins.abs``
cannot change how their answer is judged. Learner values are copied into plain float64
arrays (never compared with ``==``), so objects with a lying ``__eq__`` or ndarray
subclasses that override comparisons gain nothing.

A failing check can carry a picture (``picture=``): a spec from ``checker.curriculum.pictures``,
or a zero-argument function that builds one. The function runs only when the check fails, and
whatever goes wrong in it leaves the check without a picture, never without its verdict. An
answer check's picture is marked as revealing the answer (its message never does), so the
learner sees it only when they ask.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, Optional, Sequence, Union

import numpy as np

from checker.api import CheckFailed, NotStarted
from checker.curriculum.pictures import learner_picture, picture_or_none, picture_probe
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

# How much of an array a message shows: arrays up to SHORT entries are always written out in
# a call line (with fewer digits if they would not fit in LINE characters), longer ones
# always as their shape and first FEW entries; a failing comparison names at most SHOWN
# differing entries. Together they keep one failing check within ~10 lines.
SHORT = 9
FEW = 4
SHOWN = 3
LINE = 60  # the longest rendering of one input in a call line, in characters


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer: the value it produces and how to describe it to the learner.

    ``tolerance`` is how close a learner's value must be to count as this mistake; by default
    the tolerance of the check itself. A slip that produces one exact number (a value cut off
    after two decimals, a figure copied from elsewhere) can ask for a tighter match.
    """

    looks_like: str
    value: Any
    tolerance: float | None = None


@dataclass(frozen=True)
class Answer:
    """One hand-computed answer: its exact value, how precisely it is checked, its likely slips.

    ``decimals`` is the precision stated in the exercise (answers within half a unit of the
    last decimal pass); ``None`` means a whole number that must be exact.
    """

    expected: float
    decimals: int | None = 2
    slips: Sequence[Mistake] = ()

    def __post_init__(self) -> None:
        # A formula slip that happens to give the right value for this question is no slip here,
        # and a slip of one exact number (a value cut off after two decimals) says nothing new
        # when an earlier slip already explains that number.
        tol = self.tolerance if self.decimals is not None else 1e-9
        kept: list[Mistake] = []
        for slip in self.slips:
            value = _float(slip.value)
            if abs(value - self.expected) <= tol:
                continue
            if slip.tolerance is not None and any(
                abs(value - _float(k.value)) <= (k.tolerance if k.tolerance is not None else tol) for k in kept
            ):
                continue
            kept.append(slip)
        object.__setattr__(self, "slips", tuple(kept))

    @property
    def tolerance(self) -> float:
        return 0.0 if self.decimals is None else answer_tolerance(self.decimals)


@dataclass(frozen=True)
class Described:
    """A call input that the call line names by a description instead of its value.

    ``Described(P, "3x3 gridworld P")`` passes ``P`` to the learner's function (through
    ``described``) and shows "3x3 gridworld P" where the 324 entries of P would not help.
    """

    value: Any
    text: str


# ---------------------------------------------------------------- formatting


def _number(x: Any, digits: int = 6) -> str:
    """A number as a person writes it: 10 rather than 10.0, 0.25, 1e-08, inf."""
    if _isinstance(x, (_bool, np.bool_)):
        return "True" if x else "False"
    if _isinstance(x, (_int, _np_integer)):
        return str(_int(x))
    try:
        f = _float(x)
    except (TypeError, ValueError):
        return repr(x)
    if f == 0.0:
        return "0"  # also -0.0: a sign on zero only confuses
    if _isfinite(f) and f == _int(f) and abs(f) < 1e15:
        return str(_int(f))
    return f"{f:.{digits}g}"


def _pair(expected: float, got: float) -> tuple[str, str]:
    """Both numbers with enough digits that different values never print alike."""
    for digits in (6, 9, 12, 17):
        e, g = _number(expected, digits), _number(got, digits)
        if e != g or expected == got:
            return e, g
    return e, g


def _nested(values: Any, digits: int) -> str:
    if _isinstance(values, list):
        return "[" + ", ".join(_nested(v, digits) for v in values) + "]"
    return _number(values, digits)


def _shape_text(shape: tuple[int, ...]) -> str:
    return "x".join(str(n) for n in shape)


def _show_array(arr: np.ndarray) -> str:
    """Short arrays in full; longer ones as their size or shape and their first few entries."""
    if arr.size <= SHORT:
        text = _nested(_ndarray_tolist(arr), 6)
        return text if _len(text) <= LINE else _nested(_ndarray_tolist(arr), 4)
    flat = _ndarray_tolist(arr.ravel())
    head = ", ".join(_number(x, 4) for x in flat[:FEW])
    if arr.ndim == 1:
        return f"[{head}, ... {arr.size} values]"
    return f"{_shape_text(arr.shape)} array [{head}, ...]"


def _as_number_array(value: Any) -> np.ndarray | None:
    """``value`` as a numeric ndarray (bools and ints kept), or None if it holds anything else."""
    try:
        arr = _np_array(value)
    except (TypeError, ValueError):
        return None
    if arr.dtype.kind in "biuf" and arr.ndim > 0:
        return arr
    return None


def _clip(text: str) -> str:
    return text if _len(text) <= LINE else text[: LINE - 3] + "..."


def show(value: Any) -> str:
    """A short rendering of an input or output for a message, on one line.

    Numbers as written by hand, arrays and lists of up to 9 numbers (a 3x3 table) in full,
    longer ones as their shape and first entries, and a ``Described`` input by its description.
    """
    if _isinstance(value, Described):
        return value.text
    if _isinstance(value, np.random.Generator):
        return "rng"  # its repr holds a memory address: the same call must read the same every run
    if value is None or _isinstance(value, (_bool, _int, _float, np.number, np.bool_)):
        return _number(value) if value is not None else "None"
    if _isinstance(value, (str, bytes)):
        return _clip(repr(value))
    if _isinstance(value, dict):
        return _clip("{" + ", ".join(f"{k!r}: {show(v)}" for k, v in value.items()) + "}")
    if _isinstance(value, _ndarray) and value.ndim == 0:
        return show(value.item())
    if _isinstance(value, (_ndarray, list, tuple)):
        if _len(value) == 0:
            return "[]"
        arr = _as_number_array(value)
        if arr is not None:
            return _show_array(arr)
    return _clip(repr(value))


def describe_call(fn_name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> str:
    """The call as a line of code, each input shown briefly (see ``show``)."""
    parts = [show(a) for a in args] + [f"{k}={show(v)}" for k, v in kwargs.items()]
    return f"{fn_name}({', '.join(parts)})"


# A picture of a failing check: a spec (plain data), or a function that builds one on failure.
Picture = Union[Dict[str, Any], Callable[[], Optional[Dict[str, Any]]], None]


def _fail(lines: Iterable[str], picture: Picture = None, *, reveals: bool = False) -> CheckFailed:
    return CheckFailed("\n".join(line for line in lines if line), picture=build_picture(picture, reveals=reveals))


def build_picture(picture: Picture, *, reveals: bool = False) -> dict[str, Any] | None:
    """The spec to attach to a failure: built now if it is a function, validated, as plain data.

    ``reveals``: the picture shows what the learner is asked to find (see the module docstring).
    """
    if picture is None:
        return None
    spec = picture_or_none(picture) if callable(picture) else picture_or_none(lambda: picture)
    if spec is not None and reveals:
        spec["reveals_answer"] = True
    return spec


def answer_picture(learner: Learner, exercise: str) -> Callable[[], dict[str, Any] | None]:
    """The picture of an answer exercise, built on failure from every answer it shows.

    Each name is read from the learner's file only then; one the file lacks (or cannot give)
    is left out of the picture.
    """

    def build() -> dict[str, Any] | None:
        probe = picture_probe(exercise)
        if probe is None:
            return None
        got: dict[str, Any] = {}
        for name in probe.names:
            try:
                got[name] = getattr(learner, name)
            except Exception:  # noqa: BLE001 - MissingName, a read that timed out: no value to draw
                got[name] = None
        return learner_picture(exercise, got)

    return build


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
        if not _close_numbers(g, e, rtol, atol):
            return False
    return True


def _close_numbers(g: float, e: float, rtol: float, atol: float) -> bool:
    if g == e:  # both plain floats here; handles matching infinities
        return True
    return not (_isnan(g) or _isnan(e)) and _isclose(g, e, rel_tol=rtol, abs_tol=atol)


def is_close(got: np.ndarray, expected: Any, *, rtol: float = DEFAULT_RTOL, atol: float = DEFAULT_ATOL) -> bool:
    """Elementwise closeness computed on plain Python floats."""
    exp = _np_array(expected, dtype=_float64)
    if got.shape != exp.shape:
        return False
    return _close_lists(
        _ndarray_tolist(got.ravel()), _ndarray_tolist(exp.ravel()), rtol, atol
    )


def _matches(got: np.ndarray, mistake: Mistake, rtol: float, atol: float) -> bool:
    if mistake.tolerance is not None:
        rtol, atol = 0.0, mistake.tolerance
    try:
        return is_close(got, mistake.value, rtol=rtol, atol=atol)
    except (TypeError, ValueError):
        return False


def _diagnose(got: np.ndarray, mistakes: Sequence[Mistake], rtol: float, atol: float) -> list[str]:
    """What the learner's values look like: every listed mistake that gives exactly those values.

    All of them, not the first: on a small input two slips can give the same numbers (a
    missing reward and a discounted reward both give zeros at gamma = 0), and naming only one
    would tell half the learners about a bug they do not have.
    """
    found: list[str] = []
    for mistake in mistakes:
        if mistake.looks_like not in found and _matches(got, mistake, rtol, atol):
            found.append(mistake.looks_like)
    return found


def _diagnosis_lines(found: Sequence[str]) -> list[str]:
    if not found:
        return []
    # Three readings of the same numbers are already plenty for one message.
    return [f"  This looks like {found[0]}"] + [f"  Or like {text}" for text in found[1:3]]


def _index_text(index: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(i) for i in index) + "]"


def _differing(got: np.ndarray, exp: np.ndarray, rtol: float, atol: float) -> list[tuple[int, ...]]:
    return [
        index for index in np.ndindex(exp.shape)
        if not _close_numbers(_float(got[index]), _float(exp[index]), rtol, atol)
    ]


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def difference_lines(
    got: np.ndarray,
    expected: np.ndarray,
    *,
    rtol: float,
    atol: float,
    entry: Callable[[tuple[int, ...]], str] | str = "",
) -> list[str]:
    """The first differing entries of two arrays of one shape, named by index, then the count
    of entries that match.

    ``entry`` names an entry: a prefix such as "Q" gives "Q[1, 0]", a function gets the index.
    """
    bad = _differing(got, expected, rtol, atol)
    total = expected.size
    name = entry if callable(entry) else (lambda index: f"{entry}{_index_text(index)}")
    verb = "differs" if _len(bad) == 1 else "differ"
    head = f"  {_len(bad)} of {_entries(total)} {verb}"
    lines = [head + (":" if _len(bad) <= SHOWN else f"; the first {SHOWN}:")]
    rows = []
    for index in bad[:SHOWN]:
        e, g = _pair(_float(expected[index]), _float(got[index]))
        rows.append((name(index), e, g))
    label_width = max(_len(r[0]) for r in rows) if rows else 0
    value_width = max(_len(r[1]) for r in rows) if rows else 0
    lines += [f"    {label:<{label_width}}  expected {e:<{value_width}}  got {g}" for label, e, g in rows]
    matching = total - _len(bad)
    if matching == 1:
        lines.append("  the other entry matches")
    elif matching > 1:
        lines.append(f"  all other {matching} entries match")
    return lines


def expect_close(
    got: Any,
    expected: Any,
    *,
    what: str,
    rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
    mistakes: Sequence[Mistake] = (),
    note: str = "",
    entry: Callable[[tuple[int, ...]], str] | str = "",
    picture: Picture = None,
) -> None:
    """Fail with a learner-readable message unless ``got`` matches ``expected``.

    ``what`` names the thing checked, e.g. the call ``bellman_iteration([0, 0, 0], ...)``.
    Arrays that differ are reported entry by entry (see ``difference_lines``), and every
    mistake in ``mistakes`` whose values ``got`` matches is named. ``picture`` goes with the
    failure (see the module docstring).
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
                *_diagnosis_lines(_diagnose(arr, mistakes, rtol, atol)),
                f"  {note}" if note else "",
            ],
            picture,
        )
    if is_close(arr, exp, rtol=rtol, atol=atol):
        return
    nonfinite = not all(_isfinite(x) for x in _ndarray_tolist(arr.ravel()))
    expected_nonfinite = not all(_isfinite(x) for x in _ndarray_tolist(exp.ravel()))
    if exp.ndim == 0:
        e, g = _pair(_float(exp), _float(arr))
        lines = [f"{what}", f"  expected: {e}", f"  got:      {g}"]
    else:
        lines = [f"{what}", *difference_lines(arr, exp, rtol=rtol, atol=atol, entry=entry)]
    if nonfinite and not expected_nonfinite:
        lines.append("  Your result contains NaN or infinity: look for a division by zero or an overflow.")
    lines += _diagnosis_lines(_diagnose(arr, mistakes, rtol, atol))
    if note:
        lines.append(f"  {note}")
    raise _fail(lines, picture)


def answer_tolerance(decimals: int) -> float:
    """Half a unit of the last stated decimal (plus float noise): 2 decimals accept ±0.005."""
    return 0.5 * 10.0 ** (-decimals) + 1e-9


def expect_answer(
    learner: Learner,
    name: str,
    expected: float,
    *,
    decimals: int = 2,
    mistakes: Sequence[Mistake] = (),
    picture: Picture = None,
) -> None:
    """Check a hand-computed answer to within half a unit of the stated decimal place.

    The message never shows the expected value (that would hand out the answer); it names
    every listed mistake the learner's value matches. A ``picture`` is marked as revealing it.
    """
    got = answer(learner, name)
    tol = answer_tolerance(decimals)
    if _isclose(got, expected, rel_tol=0.0, abs_tol=tol):
        return
    lines = [f"`{name}` = {_number(got, 12)} is not right (answers within ±{tol:.3g} are accepted)."]
    lines += _diagnosis_lines(_diagnose(_np_array(got, dtype=_float64), mistakes, 0.0, tol))
    raise _fail(lines, picture, reveals=True)


def expect_count(learner: Learner, name: str, expected: int, *, mistakes: Sequence[Mistake] = (),
                 picture: Picture = None) -> None:
    """Check a hand-computed whole number (a count of sweeps, episodes, updates) exactly.

    45 and 45.0 both pass; 9764.4 does not, whatever it rounds to: a count has no fraction.
    """
    got = answer(learner, name)
    if got == expected:
        return
    if got != _int(got):
        lines = [f"`{name}` = {_number(got, 12)} is not a whole number. It counts whole things: "
                 "only the exact whole number is accepted."]
    else:
        lines = [f"`{name}` = {_int(got)} is not right; the exact number is needed."]
    lines += _diagnosis_lines(_diagnose(_np_array(got, dtype=_float64), mistakes, 0.0, 1e-9))
    raise _fail(lines, picture, reveals=True)


def check_answer(learner: Learner, name: str, spec: Answer, *, picture: Picture = None) -> None:
    """Check the learner's ``name`` against an ``Answer``: its value, precision and slips.

    ``picture`` (e.g. ``answer_picture(learner, EXERCISE)``) goes with a wrong answer, marked
    as revealing the answer.
    """
    if spec.decimals is None:
        expect_count(learner, name, _int(spec.expected), mistakes=spec.slips, picture=picture)
    else:
        expect_answer(learner, name, spec.expected, decimals=spec.decimals, mistakes=spec.slips, picture=picture)


def rounding_slips(expected: float, decimals: int) -> list[Mistake]:
    """The right value spoiled on its way into the file: cut off instead of rounded, or
    rounded to fewer decimals than the answer is checked to.

    Only slips that would fail are listed, and each matches only the one number it produces,
    so a value that is merely close never gets this diagnosis.
    """
    tol = answer_tolerance(decimals)
    found: list[Mistake] = []
    # Rounding 0.6 to a whole number, or anything to 0, is not a slip anyone makes.
    lowest = 0 if abs(expected) >= 1 else 1
    for places in range(decimals, lowest - 1, -1):
        scale = 10.0**places
        # round() first: 0.729 may be stored as 0.72899999..., whose cut would lose a digit
        cut = math.trunc(round(expected * scale, 6)) / scale
        rounded = round(expected, places)
        listed = [m.value for m in found]
        wrong = [v for v in (cut, rounded) if abs(v - expected) > tol and v not in listed and v != 0.0]
        if cut in wrong:
            if places == decimals:
                text = (f"the right value cut off after {places} decimal{'s' if places != 1 else ''} instead "
                        "of rounded (truncated): round to the nearest, the next digit decides.")
            elif cut == rounded:
                text = (f"the right value rounded to {places} decimal{'s' if places != 1 else ''}; "
                        f"this answer is checked to {decimals}.")
            else:
                text = (f"the right value cut off after {places} decimal{'s' if places != 1 else ''}; "
                        f"this answer is checked to {decimals}, rounded.")
            found.append(Mistake(text, cut, tolerance=1e-9))
        if rounded in wrong and rounded != cut:
            text = f"the right value rounded to {places} decimal{'s' if places != 1 else ''}; this answer is checked to {decimals}."
            found.append(Mistake(text, rounded, tolerance=1e-9))
    return found


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
    what = describe_call(fn_name, args, kwargs)  # ``Described`` inputs by their descriptions
    args = [plain(a) for a in args]
    kwargs = {k: plain(v) for k, v in kwargs.items()}
    passed_args = [_deepcopy(a) for a in args]
    passed_kwargs = {k: _deepcopy(v) for k, v in kwargs.items()}
    result = _invoke(fn, passed_args, passed_kwargs, what, timeout)
    for i, (original, seen) in enumerate(zip(args, passed_args)):
        if i not in mutates and not _same(original, seen):
            raise _fail([f"{what}", f"  changed its input #{i + 1} in place:", *_changes(seen, original),
                         "  Build a new array for the result instead of writing into the input."])
    for key, original in kwargs.items():
        if not _same(original, passed_kwargs[key]):
            raise _fail([f"{what}", f"  changed its input `{key}` in place."])
    return result, what


def _changes(seen: Any, original: Any) -> list[str]:
    """Which entries of an input the learner's function changed, by index when it is an array."""
    try:
        after, before = _np_array(seen, dtype=_float64), _np_array(original, dtype=_float64)
    except (TypeError, ValueError):
        return [f"  it was {show(original)}, afterwards {show(seen)}."]
    if after.shape != before.shape:
        return [f"  it was {show(original)}, afterwards {show(seen)}."]
    return [line.replace("expected", "was").replace("got", "now") for line in
            difference_lines(after, before, rtol=0.0, atol=0.0)]


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

    ``mistakes`` pairs a "This looks like ..." text with the number that mistake gives; every
    pair whose number equals the learner's is named.
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
    lines += _diagnosis_lines([looks_like for looks_like, wrong in mistakes if value == wrong])
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
    passed = [_deepcopy(plain(a)) for a in args]
    result = _invoke(fn, passed, {}, what)
    return result, passed[index], what


def expect_updated_in_place(passed: Any, expected: Any, *, what: str, name: str = "Q", atol: float = 1e-6) -> None:
    """The argument the learner received must now hold the expected values."""
    arr = to_array(passed, what=what)
    if is_close(arr, expected, rtol=1e-6, atol=atol):
        return
    exp = _np_array(expected, dtype=_float64)
    if arr.shape == exp.shape:
        detail = difference_lines(arr, exp, rtol=1e-6, atol=atol, entry=name)
    else:
        detail = [f"  afterwards it holds {show(arr)}."]
    raise CheckFailed(
        "\n".join(
            [
                f"{what}",
                f"  returned the right values, but the {name} passed in was not updated in place:",
                *detail,
                f"  The update must write into {name} itself (not into a copy) and return that same {name}.",
            ]
        )
    )


def merge_coinciding(mistakes: Sequence[Mistake]) -> list[Mistake]:
    """Merge mistakes that give the same value on this input, so the diagnosis names all of them.

    (Kept for tests written before every comparison named all matching mistakes by itself.)
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


# ---------------------------------------------------------------- describing the inputs of a call

# Keyword arguments that belong to the call helpers themselves, not to the learner's function.


def plain(value: Any) -> Any:
    """The value of a ``Described`` input (anything else unchanged)."""
    return value.value if _isinstance(value, Described) else value


def described(helper: Callable[..., tuple[Any, ...]], learner: Any, fn_name: str, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
    """Run a call helper with ``Described`` inputs: the helpers pass their plain values to the
    learner's function and name the call by the descriptions. (Kept for the tests that wrap.)"""
    return helper(learner, fn_name, *args, **kwargs)
