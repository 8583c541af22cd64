"""Checking a picture spec's fields one by one, with errors that name the field.

Plain JSON in, typed values out; anything malformed is a ``PictureError`` such as
``picture.frames[0].expected[0]: expected 2 cells, got 1``.
"""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any, Callable, Mapping, Sequence, TypeVar, Union

Cell = Union[float, str, None]  # a number, a short text (e.g. "S3"), or nothing to show
T = TypeVar("T")
MAX_TEXT = 80
_NONFINITE = {"inf": math.inf, "+inf": math.inf, "-inf": -math.inf, "nan": math.nan}


class PictureError(ValueError):
    """A picture spec is malformed; the message names the field and what is wrong with it."""


# ---------------------------------------------------------------- numbers for the wire


def wire_number(value: float) -> float | str:
    """A float as a spec carries it: finite floats as they are, the others as strings."""
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool):  # bool is an int, but True is never meant as 1.0 here
        raise PictureError(f"{where}: expected a number, got a boolean")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and value.strip().lower() in _NONFINITE:
        return _NONFINITE[value.strip().lower()]
    raise PictureError(f"{where}: expected a number, got {_kind(value)}")


def _optional_number(value: Any, where: str) -> float | None:
    return None if value is None else _number(value, where)


def _text(value: Any, where: str, *, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise PictureError(f"{where}: expected a string, got {_kind(value)}")
    if len(value) > limit:
        raise PictureError(f"{where}: longer than {limit} characters")
    # Control characters would act on the terminal; the judge never means them.
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise PictureError(f"{where}: contains control characters")
    return value


def _cell(value: Any, where: str) -> Cell:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() not in _NONFINITE:
        return _text(value, where, limit=12)
    return _number(value, where)


def _kind(value: Any) -> str:
    return type(value).__name__


def _list(value: Any, where: str, *, limit: int) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise PictureError(f"{where}: expected a list, got {_kind(value)}")
    if len(value) > limit:
        raise PictureError(f"{where}: more than {limit} entries")
    return list(value)


def _choice(value: Any, options: Sequence[str], where: str) -> str:
    if value not in options:
        raise PictureError(f"{where}: expected one of {', '.join(options)}, got {value!r}")
    return str(value)


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise PictureError(f"{where}: expected true or false, got {_kind(value)}")
    return value


def _tolerance(value: Any, where: str) -> float:
    number = _number(value, where)
    if not math.isfinite(number) or number < 0:
        raise PictureError(f"{where}: expected a finite number >= 0")
    return number


def _check_keys(data: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise PictureError(f"{where}: unknown field {unknown[0]!r}")


T = TypeVar("T")


def _items(value: Any, where: str, parse: Callable[[Any, str], T], *, limit: int) -> tuple[T, ...]:
    return tuple(parse(item, f"{where}[{i}]") for i, item in enumerate(_list(value, where, limit=limit)))


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise PictureError(f"{where}: expected an object, got {_kind(value)}")
    return value


def _to_wire(value: Any) -> Any:
    """Dataclass values as plain JSON data: tuples become lists, floats wire numbers."""
    if isinstance(value, float):
        return wire_number(value)
    if isinstance(value, tuple):
        return [_to_wire(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _to_wire(getattr(value, f.name)) for f in fields(value)}
    return value
