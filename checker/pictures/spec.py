"""Picture specs: a small typed data model that travels as plain JSON data.

A spec is made in the trusted judge (as a dict, e.g. ``GridPicture(...).to_dict()``), carried
to the UI inside ``TestResult.picture`` and parsed back here with ``parse_picture``, which
rejects anything malformed with a ``PictureError`` naming the field. Nothing here knows what
the numbers mean: a grid is rows x cols of cells, bars are values per index, a curve is y
against x.

Every kind takes ``reveals_answer``: true when the picture shows what the learner is asked to
find (an answer the check's own message withholds). The UI then draws it only when asked.

Numbers are floats. Non-finite ones travel as the strings "inf", "-inf" and "nan", so that a
spec stays strict JSON (results files and other tools refuse bare Infinity/NaN).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Union

from checker.pictures.fields import (  # noqa: F401  (the spec's vocabulary)
    MAX_TEXT, Cell, PictureError, T, _bool, _cell, _check_keys, _choice, _items, _kind, _list, _mapping, _number,
    _optional_number, _text, _to_wire, _tolerance, wire_number,
)


DIRECTIONS = ("up", "down", "left", "right")
ROLES = ("expected", "got", "reference")
GRID_LAYOUTS = ("strip", "sequence")
SERIES_STYLES = ("line", "points")

# Caps keep a picture cheap to carry and to render; a trusted judge stays far below them.
MAX_CELLS = 400
MAX_FRAMES = 200
MAX_BARS = 500
MAX_POINTS = 5000



# ---------------------------------------------------------------- grid


Matrix = tuple[tuple[Cell, ...], ...]
Arrows = tuple[tuple[tuple[str, ...], ...], ...]


@dataclass(frozen=True)
class GridFrame:
    """One state of the grid (e.g. one sweep): the expected cells and, optionally, the learner's.

    ``got`` cells left None are not compared (a learner who gave two of nine numbers).
    ``arrows`` lists per cell the directions to draw (e.g. a policy's best moves).
    """

    label: str
    expected: Matrix
    got: Matrix | None = None
    arrows: Arrows | None = None
    note: str = ""  # shown beside the label, e.g. "your answer"


@dataclass(frozen=True)
class GridPicture:
    title: str
    rows: int
    cols: int
    frames: tuple[GridFrame, ...]
    cell_labels: tuple[tuple[str, ...], ...] | None = None  # e.g. state names, shown as a key when room allows
    layout: str = "strip"  # strip: as many frames side by side as fit; sequence: one frame at a time
    atol: float = 1e-6
    rtol: float = 1e-6
    caption: str = ""
    reveals_answer: bool = False
    kind: str = field(default="grid", init=False)

    def to_dict(self) -> dict[str, Any]:
        return _to_wire(self)


def _matrix(value: Any, where: str, rows: int, cols: int, parse: Callable[[Any, str], T]) -> tuple[tuple[T, ...], ...]:
    lines = _list(value, where, limit=rows)
    if len(lines) != rows:
        raise PictureError(f"{where}: expected {rows} rows, got {len(lines)}")
    out = []
    for r, line in enumerate(lines):
        cells = _list(line, f"{where}[{r}]", limit=cols)
        if len(cells) != cols:
            raise PictureError(f"{where}[{r}]: expected {cols} cells, got {len(cells)}")
        out.append(tuple(parse(c, f"{where}[{r}][{k}]") for k, c in enumerate(cells)))
    return tuple(out)


def _directions(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = _list(value, where, limit=len(DIRECTIONS))
    return tuple(_choice(d, DIRECTIONS, f"{where}[{i}]") for i, d in enumerate(items))


def _grid_frame(value: Any, where: str, rows: int, cols: int) -> GridFrame:
    data = _mapping(value, where)
    _check_keys(data, {"label", "expected", "got", "arrows", "note"}, where)
    if "expected" not in data:
        raise PictureError(f"{where}: missing field 'expected'")
    got = data.get("got")
    arrows = data.get("arrows")
    return GridFrame(
        label=_text(data.get("label", ""), f"{where}.label", limit=30),
        expected=_matrix(data["expected"], f"{where}.expected", rows, cols, _cell),
        got=None if got is None else _matrix(got, f"{where}.got", rows, cols, _cell),
        arrows=None if arrows is None else _matrix(arrows, f"{where}.arrows", rows, cols, _directions),
        note=_text(data.get("note", ""), f"{where}.note", limit=30),
    )


def _size(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise PictureError(f"{where}: expected a whole number >= 1, got {value!r}")
    return value


def _grid(data: Mapping[str, Any]) -> GridPicture:
    _check_keys(data, {"kind", "title", "rows", "cols", "frames", "cell_labels", "layout", "atol", "rtol", "caption",
                       "reveals_answer"}, "picture")
    rows, cols = _size(data.get("rows"), "picture.rows"), _size(data.get("cols"), "picture.cols")
    if rows * cols > MAX_CELLS:
        raise PictureError(f"picture: {rows}x{cols} is more than {MAX_CELLS} cells")
    frames = _items(data.get("frames"), "picture.frames", lambda v, w: _grid_frame(v, w, rows, cols),
                    limit=MAX_FRAMES)
    if not frames:
        raise PictureError("picture.frames: at least one frame is needed")
    labels = data.get("cell_labels")
    return GridPicture(
        title=_text(data.get("title", ""), "picture.title"),
        rows=rows,
        cols=cols,
        frames=frames,
        cell_labels=None if labels is None else _matrix(
            labels, "picture.cell_labels", rows, cols, lambda v, w: _text(v, w, limit=12)),
        layout=_choice(data.get("layout", "strip"), GRID_LAYOUTS, "picture.layout"),
        atol=_tolerance(data.get("atol", 1e-6), "picture.atol"),
        rtol=_tolerance(data.get("rtol", 1e-6), "picture.rtol"),
        caption=_text(data.get("caption", ""), "picture.caption", limit=200),
        reveals_answer=_reveals(data),
    )


def _reveals(data: Mapping[str, Any]) -> bool:
    return _bool(data.get("reveals_answer", False), "picture.reveals_answer")


# ---------------------------------------------------------------- bars


@dataclass(frozen=True)
class BarPart:
    """One stacked segment of the expected bars (e.g. Q, then an exploration bonus)."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class BarGroup:
    """Bars for one setting (e.g. one temperature): one expected and one got value per label."""

    label: str
    labels: tuple[str, ...]
    expected: tuple[float | None, ...]
    got: tuple[float | None, ...] | None = None
    parts: tuple[BarPart, ...] | None = None  # the expected bar split into stacked parts


@dataclass(frozen=True)
class BarsPicture:
    title: str
    groups: tuple[BarGroup, ...]
    value_range: tuple[float, float] | None = None  # a fixed axis, e.g. (0, 1) for probabilities
    atol: float = 1e-6
    rtol: float = 1e-6
    caption: str = ""
    reveals_answer: bool = False
    kind: str = field(default="bars", init=False)

    def to_dict(self) -> dict[str, Any]:
        return _to_wire(self)


def _values(value: Any, where: str, n: int) -> tuple[float | None, ...]:
    items = _list(value, where, limit=MAX_BARS)
    if len(items) != n:
        raise PictureError(f"{where}: expected {n} values (one per label), got {len(items)}")
    return tuple(_optional_number(v, f"{where}[{i}]") for i, v in enumerate(items))


def _bar_part(value: Any, where: str, n: int) -> BarPart:
    data = _mapping(value, where)
    _check_keys(data, {"name", "values"}, where)
    values = _values(data.get("values"), f"{where}.values", n)
    if any(v is None for v in values):
        raise PictureError(f"{where}.values: every part needs a number for every label")
    return BarPart(name=_text(data.get("name", ""), f"{where}.name", limit=20), values=values)  # type: ignore[arg-type]


def _bar_group(value: Any, where: str) -> BarGroup:
    data = _mapping(value, where)
    _check_keys(data, {"label", "labels", "expected", "got", "parts"}, where)
    labels = _items(data.get("labels"), f"{where}.labels", lambda v, w: _text(v, w, limit=16), limit=MAX_BARS)
    n = len(labels)
    got, parts = data.get("got"), data.get("parts")
    return BarGroup(
        label=_text(data.get("label", ""), f"{where}.label", limit=40),
        labels=labels,
        expected=_values(data.get("expected"), f"{where}.expected", n),
        got=None if got is None else _values(got, f"{where}.got", n),
        parts=None if parts is None else _items(parts, f"{where}.parts", lambda v, w: _bar_part(v, w, n), limit=4),
    )


def _bars(data: Mapping[str, Any]) -> BarsPicture:
    _check_keys(data, {"kind", "title", "groups", "value_range", "atol", "rtol", "caption", "reveals_answer"},
                "picture")
    groups = _items(data.get("groups"), "picture.groups", _bar_group, limit=8)
    if not groups:
        raise PictureError("picture.groups: at least one group is needed")
    value_range = data.get("value_range")
    if value_range is not None:
        pair = _list(value_range, "picture.value_range", limit=2)
        if len(pair) != 2:
            raise PictureError("picture.value_range: expected [low, high]")
        low, high = (_number(v, f"picture.value_range[{i}]") for i, v in enumerate(pair))
        if not (math.isfinite(low) and math.isfinite(high) and low < high):
            raise PictureError("picture.value_range: expected finite numbers with low < high")
        value_range = (low, high)
    return BarsPicture(
        title=_text(data.get("title", ""), "picture.title"),
        groups=groups,
        value_range=value_range,
        atol=_tolerance(data.get("atol", 1e-6), "picture.atol"),
        rtol=_tolerance(data.get("rtol", 1e-6), "picture.rtol"),
        caption=_text(data.get("caption", ""), "picture.caption", limit=200),
        reveals_answer=_reveals(data),
    )


# ---------------------------------------------------------------- curve


@dataclass(frozen=True)
class Series:
    name: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    role: str = "expected"  # expected | got | reference: decides colour and marker
    style: str = "line"  # line | points


@dataclass(frozen=True)
class RefLine:
    """A horizontal (``at`` is a y) or vertical (``at`` is an x) line across the whole plot."""

    at: float
    name: str
    role: str = "reference"


@dataclass(frozen=True)
class Band:
    """A shaded vertical band between two x values (e.g. a clipping range)."""

    low: float
    high: float
    name: str


@dataclass(frozen=True)
class CurvePicture:
    title: str
    series: tuple[Series, ...]
    x_label: str = ""
    y_label: str = ""
    log_y: bool = False
    hlines: tuple[RefLine, ...] = ()
    vlines: tuple[RefLine, ...] = ()
    bands: tuple[Band, ...] = ()
    caption: str = ""
    reveals_answer: bool = False
    kind: str = field(default="curve", init=False)

    def to_dict(self) -> dict[str, Any]:
        return _to_wire(self)


def _series(value: Any, where: str) -> Series:
    data = _mapping(value, where)
    _check_keys(data, {"name", "x", "y", "role", "style"}, where)
    x = _items(data.get("x"), f"{where}.x", _number, limit=MAX_POINTS)
    y = _items(data.get("y"), f"{where}.y", _number, limit=MAX_POINTS)
    if len(x) != len(y):
        raise PictureError(f"{where}: x has {len(x)} values but y has {len(y)}")
    return Series(
        name=_text(data.get("name", ""), f"{where}.name", limit=40),
        x=x,
        y=y,
        role=_choice(data.get("role", "expected"), ROLES, f"{where}.role"),
        style=_choice(data.get("style", "line"), SERIES_STYLES, f"{where}.style"),
    )


def _finite(value: Any, where: str) -> float:
    number = _number(value, where)
    if not math.isfinite(number):
        raise PictureError(f"{where}: expected a finite number")
    return number


def _ref_line(value: Any, where: str) -> RefLine:
    data = _mapping(value, where)
    _check_keys(data, {"at", "name", "role"}, where)
    return RefLine(
        at=_finite(data.get("at"), f"{where}.at"),
        name=_text(data.get("name", ""), f"{where}.name", limit=40),
        role=_choice(data.get("role", "reference"), ROLES, f"{where}.role"),
    )


def _band(value: Any, where: str) -> Band:
    data = _mapping(value, where)
    _check_keys(data, {"low", "high", "name"}, where)
    low, high = _finite(data.get("low"), f"{where}.low"), _finite(data.get("high"), f"{where}.high")
    if low >= high:
        raise PictureError(f"{where}: low must be below high")
    return Band(low=low, high=high, name=_text(data.get("name", ""), f"{where}.name", limit=40))


def _curve(data: Mapping[str, Any]) -> CurvePicture:
    _check_keys(data, {"kind", "title", "series", "x_label", "y_label", "log_y", "hlines", "vlines", "bands",
                       "caption", "reveals_answer"}, "picture")
    series = _items(data.get("series"), "picture.series", _series, limit=12)
    if not series:
        raise PictureError("picture.series: at least one series is needed")
    return CurvePicture(
        title=_text(data.get("title", ""), "picture.title"),
        series=series,
        x_label=_text(data.get("x_label", ""), "picture.x_label", limit=40),
        y_label=_text(data.get("y_label", ""), "picture.y_label", limit=40),
        log_y=_bool(data.get("log_y", False), "picture.log_y"),
        hlines=_items(data.get("hlines", []), "picture.hlines", _ref_line, limit=8),
        vlines=_items(data.get("vlines", []), "picture.vlines", _ref_line, limit=8),
        bands=_items(data.get("bands", []), "picture.bands", _band, limit=4),
        caption=_text(data.get("caption", ""), "picture.caption", limit=200),
        reveals_answer=_reveals(data),
    )


# ---------------------------------------------------------------- any picture


Picture = Union[GridPicture, BarsPicture, CurvePicture]
_PARSERS: dict[str, Callable[[Mapping[str, Any]], Picture]] = {"grid": _grid, "bars": _bars, "curve": _curve}
KINDS = tuple(_PARSERS)


def parse_picture(data: Any) -> Picture:
    """A validated picture from its plain-data spec; raises PictureError naming what is wrong."""
    if isinstance(data, (GridPicture, BarsPicture, CurvePicture)):
        return data
    spec = _mapping(data, "picture")
    kind = spec.get("kind")
    if kind not in _PARSERS:
        raise PictureError(f"picture.kind: unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    return _PARSERS[kind](spec)
