"""Horizontal bars per index: expected against got, optionally the expected split into parts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from checker.pictures.common import (
    DIFF_MARK, DIFF_STYLE, ROLE_COLOURS, differs, fmt_pair, role_style, style, title_line, wrap,
)
from checker.pictures.spec import BarGroup, BarsPicture

# Each part of a stacked expected bar gets its own character, so parts read apart without colour.
PART_GLYPHS = ("█", "░", "▒", "▓")
PART_COLOURS = (12, 11, 14, 10)
GOT_GLYPH = "━"
MIN_BAR = 10


@dataclass(frozen=True)
class _Axis:
    low: float
    high: float
    width: int

    def column(self, value: float) -> int:
        """The cell boundary a value falls on, clamped to the axis (infinities sit at its ends)."""
        if math.isnan(value):
            return self.zero
        if math.isinf(value):
            return self.width if value > 0 else 0
        # Halved first, so that values near the float limits cannot overflow the difference.
        share = (value / 2 - self.low / 2) / (self.high / 2 - self.low / 2)
        if math.isnan(share):
            return self.zero
        return max(0, min(self.width, round(max(-1.0, min(2.0, share)) * self.width)))

    @property
    def zero(self) -> int:
        share = (-self.low / 2) / (self.high / 2 - self.low / 2)
        return max(0, min(self.width, round(share * self.width)))

    def span(self, start: float, end: float) -> range:
        a, b = sorted((self.column(start), self.column(end)))
        return range(a, b)


def _axis(picture: BarsPicture, width: int) -> _Axis:
    if picture.value_range is not None:
        return _Axis(picture.value_range[0], picture.value_range[1], width)
    values = [0.0]
    for group in picture.groups:
        values += [v for v in group.expected if v is not None]
        values += [v for v in group.got or () if v is not None]
        for part in group.parts or ():
            values += list(part.values)
        if group.parts:  # the running sums are where the stacked segments end
            values += [sum(p.values[i] for p in group.parts) for i in range(len(group.labels))]
    finite = [v for v in values if math.isfinite(v)]
    low, high = min(finite), max(finite)
    if high - low < 1e-12:
        high = low + 1.0
    return _Axis(low, high, width)


def _wrong(group: BarGroup, i: int, picture: BarsPicture) -> bool:
    return group.got is not None and differs(group.got[i], group.expected[i], picture.atol, picture.rtol)


def _texts(group: BarGroup, i: int, picture: BarsPicture) -> tuple[str, str]:
    got = None if group.got is None else group.got[i]
    return fmt_pair(group.expected[i], got, _wrong(group, i, picture))


def _parts_text(group: BarGroup, i: int) -> str:
    if not group.parts:
        return ""
    return " = " + " + ".join(fmt_pair(p.values[i], None, False)[0] for p in group.parts)


@dataclass(frozen=True)
class _Shape:
    label_width: int
    value_width: int
    bar_width: int
    merged: bool


def _expected_cells(group: BarGroup, i: int, axis: _Axis) -> dict[int, int]:
    """Which part (0, 1, ...) covers each column of the expected bar."""
    cells: dict[int, int] = {}
    value = group.expected[i]
    # Parts stack from zero only when none is negative; otherwise they would overdraw each
    # other, so the row shows its total (the value text still gives the parts).
    if group.parts and all(p.values[i] >= 0 for p in group.parts):
        start = 0.0
        for j, part in enumerate(group.parts):
            end = start + part.values[i]
            for column in axis.span(start, end):
                cells[column] = j
            start = end
    elif value is not None and not math.isnan(value):
        for column in axis.span(0.0, value):
            cells[column] = 0
    return cells


def _got_cells(group: BarGroup, i: int, axis: _Axis) -> set[int]:
    value = None if group.got is None else group.got[i]
    if value is None or math.isnan(value):
        return set()
    return set(axis.span(0.0, value))


def _bar_line(cells: dict[int, str], axis: _Axis, color: bool, show_zero: bool) -> Text:
    line = Text()
    for column in range(axis.width):
        if column in cells:
            glyph, colour = cells[column]
            line.append(glyph, style=style(color, colour))
        elif show_zero and column == min(axis.zero, axis.width - 1):
            line.append("│", style=style(color, "dim"))
        else:
            line.append(" ")
    return line


def _pair_rows(group: BarGroup, i: int, picture: BarsPicture, axis: _Axis, shape: _Shape, color: bool,
               show_zero: bool) -> list[Text]:
    expected_text, got_text = _texts(group, i, picture)
    parts = {c: (PART_GLYPHS[j], f"color({PART_COLOURS[j] if group.parts else ROLE_COLOURS['expected']})")
             for c, j in _expected_cells(group, i, axis).items()}
    label = Text(group.labels[i].rjust(shape.label_width) + " ")
    rows = [label + _bar_line(parts, axis, color, show_zero) + Text(" " + expected_text + _parts_text(group, i),
                                                                     style=role_style(color, "expected"))]
    if group.got is not None:
        wrong = _wrong(group, i, picture)
        colour = "red" if wrong else f"color({ROLE_COLOURS['got']})"
        got = {c: (GOT_GLYPH, colour) for c in _got_cells(group, i, axis)}
        line = Text(" " * (shape.label_width + 1)) + _bar_line(got, axis, color, show_zero)
        line.append(" " + got_text, style=style(color, DIFF_STYLE) if wrong else role_style(color, "got"))
        if wrong:
            line.append(" " + DIFF_MARK, style=style(color, DIFF_STYLE))
        rows.append(line)
    return rows


def _merged_row(group: BarGroup, i: int, picture: BarsPicture, axis: _Axis, shape: _Shape, color: bool,
                show_zero: bool) -> Text:
    """One line per index: ▀ the expected bar, ▄ the got bar, █ where both reach."""
    expected = set(_expected_cells(group, i, axis))
    got = _got_cells(group, i, axis)
    e_colour, g_colour = ROLE_COLOURS["expected"], ROLE_COLOURS["got"]
    cells: dict[int, tuple[str, str]] = {}
    for column in expected | got:
        if column in expected and column in got:
            # In colour the two halves of ▀ carry the two colours; without, █ says "both".
            cells[column] = ("▀", f"color({e_colour}) on color({g_colour})") if color else ("█", "")
        elif column in expected:
            cells[column] = ("▀", f"color({e_colour})")
        else:
            cells[column] = ("▄", f"color({g_colour})")
    line = Text(group.labels[i].rjust(shape.label_width) + " ") + _bar_line(cells, axis, color, show_zero)
    expected_text, got_text = _texts(group, i, picture)
    line.append(" " + expected_text, style=role_style(color, "expected"))
    if group.got is not None:
        wrong = _wrong(group, i, picture)
        line.append(" / ", style=style(color, "dim"))
        line.append(got_text, style=style(color, DIFF_STYLE) if wrong else role_style(color, "got"))
        if wrong:
            line.append(" " + DIFF_MARK, style=style(color, DIFF_STYLE))
    return line


def _legend(picture: BarsPicture, merged: bool, color: bool) -> Text:
    has_got = any(g.got is not None for g in picture.groups)
    parts = next((g.parts for g in picture.groups if g.parts), None)
    legend = Text()
    if merged:
        items = [("▀", "expected", f"color({ROLE_COLOURS['expected']})")]
        if has_got:
            items.append(("▄", "yours", f"color({ROLE_COLOURS['got']})"))
    elif parts:
        items = [(PART_GLYPHS[j], f"{p.name}", f"color({PART_COLOURS[j]})") for j, p in enumerate(parts)]
        items = [(g, ("expected: " if j == 0 else "+ ") + name, c) for j, (g, name, c) in enumerate(items)]
        if has_got:
            items.append((GOT_GLYPH, "yours", f"color({ROLE_COLOURS['got']})"))
    else:
        items = [(PART_GLYPHS[0], "expected", f"color({ROLE_COLOURS['expected']})")]
        if has_got:
            items.append((GOT_GLYPH, "yours", f"color({ROLE_COLOURS['got']})"))
    for glyph, name, colour in items:
        legend.append(glyph, style=style(color, colour))
        legend.append(f" {name}   ")
    if has_got:
        legend.append(f"{DIFF_MARK} differs", style=style(color, DIFF_STYLE))
    legend.rstrip()
    return legend


def _shape(picture: BarsPicture, width: int, merged: bool) -> _Shape | None:
    label_width = max(len(label) for g in picture.groups for label in g.labels)
    values = []
    for group in picture.groups:
        for i in range(len(group.labels)):
            e, g = _texts(group, i, picture)
            mark = f" {DIFF_MARK}" if _wrong(group, i, picture) else ""
            if merged:
                values.append(e + (f" / {g}{mark}" if group.got is not None else ""))
            else:
                values += [e + _parts_text(group, i), g + mark]
    value_width = max(len(v) for v in values) + 1
    bar_width = width - label_width - 1 - value_width
    if bar_width < MIN_BAR:
        return None
    return _Shape(label_width, value_width, min(bar_width, 50), merged)


def _focus(group: BarGroup, picture: BarsPicture) -> int:
    wrong = [i for i in range(len(group.labels)) if _wrong(group, i, picture)]
    return wrong[0] if wrong else 0


def _body(picture: BarsPicture, shape: _Shape, color: bool, shown: Sequence[range], shape_width: int) -> list[Text]:
    axis = _axis(picture, shape.bar_width)
    show_zero = axis.low < 0 < axis.high
    lines: list[Text] = []
    for group, indices in zip(picture.groups, shown):
        if group.label:
            lines.append(title_line(group.label, shape_width, color))
        if indices.start > 0:
            lines.append(Text(f"… {indices.start} more above", style=style(color, "dim")))
        for i in indices:
            if shape.merged:
                lines.append(_merged_row(group, i, picture, axis, shape, color, show_zero))
            else:
                lines += _pair_rows(group, i, picture, axis, shape, color, show_zero)
        if indices.stop < len(group.labels):
            lines.append(Text(f"… {len(group.labels) - indices.stop} more below", style=style(color, "dim")))
    return lines


def _picture(picture: BarsPicture, shape: _Shape, color: bool, shown: Sequence[range], width: int) -> Group:
    lines = [title_line(picture.title, width, color)] if picture.title else []
    lines.append(_legend(picture, shape.merged, color))
    lines += _body(picture, shape, color, shown, width)
    lines += [Text(line, style=style(color, "dim")) for line in wrap(picture.caption, width)]
    return Group(*lines)


def _windowed(picture: BarsPicture, size: int) -> list[range]:
    shown = []
    for group in picture.groups:
        n = len(group.labels)
        if n <= size:
            shown.append(range(n))
            continue
        focus = _focus(group, picture)
        start = max(0, min(focus - size // 3, n - size))  # a little before the first difference, more after
        shown.append(range(start, start + size))
    return shown


def bars_candidates(picture: BarsPicture, width: int, height: int, color: bool,
                    frame: int | None) -> Iterator[RenderableType]:
    full = [range(len(g.labels)) for g in picture.groups]
    for merged in (False, True):
        shape = _shape(picture, width, merged)
        if shape is not None:
            yield _picture(picture, shape, color, full, width)
    shape = _shape(picture, width, merged=True)
    if shape is None:
        return
    longest = max(len(g.labels) for g in picture.groups)
    for size in range(min(longest - 1, height), 2, -1):
        yield _picture(picture, shape, color, _windowed(picture, size), width)
