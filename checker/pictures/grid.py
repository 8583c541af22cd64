"""Grids of numbers: expected and got side by side per frame, differing cells marked."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from checker.pictures.common import DIFF_MARK, DIFF_STYLE, differs, fmt, role_style, style, title_line, window, wrap
from checker.pictures.spec import Cell, GridFrame, GridPicture

_SINGLE = {"up": "↑", "down": "↓", "left": "←", "right": "→"}
# Blue (positive) and red (negative) background ramps of the 256-colour palette, weakest first.
_HEAT_POS = (17, 18, 19, 20, 21)
_HEAT_NEG = (52, 88, 124, 160, 196)
ROW_LABEL_WIDTH = 9  # "expected " / "yours    "


def arrow_glyph(directions: Sequence[str]) -> str:
    """One glyph per set of directions; two opposite moves share one (↕ ↔), three or more are ✛."""
    moves = set(directions)
    if not moves:
        return ""
    if len(moves) >= 3:
        return "✛"
    if moves == {"up", "down"}:
        return "↕"
    if moves == {"left", "right"}:
        return "↔"
    return "".join(_SINGLE[d] for d in ("up", "down", "left", "right") if d in moves)


@dataclass(frozen=True)
class _Look:
    """How cells are drawn for one picture: widths shared by every block so columns line up."""

    number_width: int
    arrow_width: int
    decimals: int
    heat_scale: float  # the largest |expected| number, for the colour ramp
    color: bool

    @property
    def cell_width(self) -> int:
        return self.arrow_width + self.number_width + 1  # + the mark column


def _decimals(picture: GridPicture) -> int:
    """Three decimals, or more where a got cell differs only further out (so it shows)."""
    decimals = 3
    for frame in picture.frames:
        for r, c, expected, got in _pairs(frame):
            if isinstance(expected, float) and isinstance(got, float) and differs(got, expected, picture.atol,
                                                                                   picture.rtol):
                while decimals < 8 and _number(expected, decimals) == _number(got, decimals):
                    decimals += 1
    return decimals


def _pairs(frame: GridFrame) -> Iterator[tuple[int, int, Cell, Cell]]:
    for r, row in enumerate(frame.expected):
        for c, expected in enumerate(row):
            yield r, c, expected, None if frame.got is None else frame.got[r][c]


def _number(value: float, decimals: int) -> str:
    if math.isfinite(value) and abs(value) >= 10 ** (7 - decimals):
        return fmt(value, 4)  # huge numbers: significant digits, not a wall of decimals
    return fmt(value) if not math.isfinite(value) else f"{value:.{decimals}f}".replace("-0.000", "0.000")


def _cell_text(value: Cell, decimals: int) -> str:
    if value is None:
        return "·"
    return value if isinstance(value, str) else _number(value, decimals)


def _look(picture: GridPicture, color: bool) -> _Look:
    decimals = _decimals(picture)
    texts = [_cell_text(v, decimals) for f in picture.frames for _, _, e, g in _pairs(f) for v in (e, g)]
    arrows = [arrow_glyph(d) for f in picture.frames if f.arrows for row in f.arrows for d in row]
    numbers = [abs(v) for f in picture.frames for row in f.expected for v in row
               if isinstance(v, float) and math.isfinite(v)]
    return _Look(number_width=max(len(t) for t in texts), arrow_width=max((len(a) for a in arrows), default=0),
                 decimals=decimals, heat_scale=max(numbers, default=0.0), color=color)


def _heat(value: Cell, look: _Look) -> str:
    if not look.color or not isinstance(value, float) or not math.isfinite(value) or value == 0 or not look.heat_scale:
        return ""
    ramp = _HEAT_POS if value > 0 else _HEAT_NEG
    step = min(len(ramp) - 1, int(abs(value) / look.heat_scale * len(ramp)))
    return f"white on color({ramp[step]})"


def _cell(frame: GridFrame, r: int, c: int, who: str, look: _Look, picture: GridPicture) -> Text:
    """One cell: [arrows][number][mark], exactly look.cell_width wide."""
    expected = frame.expected[r][c]
    value = expected if who == "expected" else (None if frame.got is None else frame.got[r][c])
    arrow = arrow_glyph(frame.arrows[r][c]) if frame.arrows and who == "expected" else ""
    text = Text()
    text.append(arrow.ljust(look.arrow_width), style=style(look.color, "bold") if arrow else "")
    wrong = who == "got" and _wrong(value, expected, picture)
    body = _cell_text(value, look.decimals).rjust(look.number_width)
    text.append(body, style=style(look.color, DIFF_STYLE if wrong else _heat(value, look) or
                                  ("dim" if value is None else "")))
    text.append(DIFF_MARK if wrong else " ", style=style(look.color, DIFF_STYLE) if wrong else "")
    return text


def _wrong(got: Cell, expected: Cell, picture: GridPicture) -> bool:
    if got is None or expected is None:
        return False
    if isinstance(got, float) and isinstance(expected, float):
        return differs(got, expected, picture.atol, picture.rtol)
    return got != expected


def _block(picture: GridPicture, frame: GridFrame, who: str, look: _Look, boxed: bool) -> list[Text]:
    """The lines of one grid: a frame's expected cells, or its got cells."""
    rows = [[_cell(frame, r, c, who, look, picture) for c in range(picture.cols)] for r in range(picture.rows)]
    return _draw(rows, look.cell_width, boxed, look.color)


def _key_block(picture: GridPicture, look: _Look, boxed: bool) -> list[Text]:
    """The cell labels (e.g. state names) as a grid of their own, in the same geometry."""
    assert picture.cell_labels is not None
    width = max(len(label) for row in picture.cell_labels for label in row)
    rows = [[Text(label.center(width), style=style(look.color, "dim")) for label in row]
            for row in picture.cell_labels]
    return _draw(rows, width, boxed, look.color)


def _draw(rows: list[list[Text]], cell_width: int, boxed: bool, color: bool) -> list[Text]:
    if not boxed:
        return [Text(" ").join(row) for row in rows]
    frame_style = style(color, "dim")
    cols = len(rows[0])
    rule = "─" * (cell_width + 1)

    def edge(left: str, mid: str, right: str) -> Text:
        return Text(left + mid.join([rule] * cols) + right, style=frame_style)

    lines = [edge("┌", "┬", "┐")]
    for i, row in enumerate(rows):
        line = Text()
        line.append("│", style=frame_style)
        for cell in row:
            line.append(" ")
            line.append_text(cell)
            line.append("│", style=frame_style)
        lines.append(line)
        lines.append(edge("├", "┼", "┤") if i < len(rows) - 1 else edge("└", "┴", "┘"))
    return lines


def _block_width(cols: int, cell_width: int, boxed: bool) -> int:
    return cols * (cell_width + 2) + 1 if boxed else cols * (cell_width + 1) - 1


def focus_frame(picture: GridPicture) -> int:
    """The frame most worth showing: the first with a differing cell, else the first with a note, else the last."""
    for i, frame in enumerate(picture.frames):
        if any(_wrong(g, e, picture) for _, _, e, g in _pairs(frame)):
            return i
    noted = [i for i, frame in enumerate(picture.frames) if frame.note]
    return noted[0] if noted else len(picture.frames) - 1


def _header(frame: GridFrame, width: int, color: bool, position: str) -> Text:
    text = Text()
    text.append(frame.label + position, style=style(color, "bold"))
    if frame.note:
        text.append(" ◀ " + frame.note, style=style(color, "bold color(13)"))
    text.truncate(width, overflow="ellipsis")
    text.pad_right(width - text.cell_len)
    return text


@dataclass(frozen=True)
class _Layout:
    frames: range
    boxed: bool
    key: bool


def _strip(picture: GridPicture, layout: _Layout, look: _Look, width: int) -> RenderableType:
    has_got = any(picture.frames[i].got is not None for i in layout.frames)
    block_width = max(_block_width(picture.cols, look.cell_width, layout.boxed),
                      *(len(picture.frames[i].label) for i in layout.frames))
    gap = "   " if layout.boxed else "  "
    columns: list[list[Text]] = []
    total = len(picture.frames)
    if layout.key:
        key = _key_block(picture, look, layout.boxed)
        key_width = key[0].cell_len
        head = Text("cells".ljust(key_width), style=style(look.color, "dim"))
        padding = len(key) + (0 if layout.boxed else 1) if has_got else 0
        columns.append([head, *key] + [Text(" " * key_width)] * padding)
    for i in layout.frames:
        frame = picture.frames[i]
        position = f" ({i + 1}/{total})" if len(layout.frames) == 1 and total > 1 else ""
        cells = [_header(frame, block_width, look.color, position)]
        for who in ("expected", "got") if has_got else ("expected",):
            if who == "got" and not layout.boxed:
                cells.append(Text(" " * block_width))  # without boxes, a blank line keeps the two grids apart
            if who == "got" and frame.got is None:
                cells += [Text(" " * block_width)] * _block_height(picture, layout.boxed)
                continue
            cells += [line + Text(" " * (block_width - line.cell_len)) for line in
                      _block(picture, frame, who, look, layout.boxed)]
        columns.append(cells)
    lines = [Text(gap).join(parts) for parts in zip(*columns)]
    if has_got:
        lines = _row_labels(lines, look, layout.boxed, picture.rows)
    return Group(*_titled(picture, lines, layout, look, width))


def _block_height(picture: GridPicture, boxed: bool) -> int:
    return 2 * picture.rows + 1 if boxed else picture.rows


def _row_labels(lines: list[Text], look: _Look, boxed: bool, rows: int) -> list[Text]:
    height = 2 * rows + 1 if boxed else rows
    got_start = 1 + height + (0 if boxed else 1)  # after the header, the expected grid and any gap
    out = []
    for n, line in enumerate(lines):
        label = ""
        if n == 1 + height // 2:
            label = "expected"
        elif n == got_start + height // 2:
            label = "yours"
        who = "got" if n >= got_start else "expected"
        head = Text()
        head.append(label.ljust(ROW_LABEL_WIDTH), style=role_style(look.color, who) if label else "")
        out.append(head + line)
    return out


def _titled(picture: GridPicture, lines: list[Text], layout: _Layout, look: _Look, width: int) -> list[Text]:
    out = []
    if picture.title:
        out.append(title_line(picture.title, width, look.color))
    out += [line.copy() for line in lines]
    notes = []
    if any(picture.frames[i].got is not None for i in layout.frames):
        notes.append(f"{DIFF_MARK} differs from expected")
        if any(g is None for i in layout.frames if picture.frames[i].got is not None
               for _, _, _, g in _pairs(picture.frames[i])):
            notes.append("· not given")
    if len(layout.frames) not in (1, len(picture.frames)) or (len(layout.frames) == 1 and len(picture.frames) > 1
                                                             and picture.layout == "strip"):
        notes.append(f"{len(layout.frames)} of {len(picture.frames)} frames shown")
    caption = "   ".join(notes + ([picture.caption] if picture.caption else []))
    out += [Text(line, style=style(look.color, "dim")) for line in wrap(caption, width)]
    return out


def _layouts(picture: GridPicture, look: _Look, width: int, frame: int | None) -> Iterator[_Layout]:
    n = len(picture.frames)
    if frame is not None or picture.layout == "sequence":
        sizes: Sequence[int] = [1]
        focus = focus_frame(picture) if frame is None else max(0, min(frame, n - 1))
    else:
        sizes, focus = range(n, 0, -1), focus_frame(picture)
    has_got = any(f.got is not None for f in picture.frames)
    for size in sizes:
        for boxed in (True, False):
            block = max(_block_width(picture.cols, look.cell_width, boxed), 8)
            needed = size * (block + 3) + (ROW_LABEL_WIDTH if has_got else 0)
            if needed > width + 3:
                continue  # cheaper than rendering a candidate that cannot fit
            frames = window(n, focus, size)
            if picture.cell_labels is not None:
                yield _Layout(frames, boxed, key=True)
            yield _Layout(frames, boxed, key=False)


def grid_candidates(picture: GridPicture, width: int, height: int, color: bool, frame: int | None) -> Iterator[RenderableType]:
    look = _look(picture, color)
    for layout in _layouts(picture, look, width, frame):
        yield _strip(picture, layout, look, width)
