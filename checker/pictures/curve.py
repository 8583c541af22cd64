"""Curves: y against x, drawn by plotext, with reference lines, markers, bands and a legend.

plotext draws the plot area (braille lines, log scale, axes); everything around it (title,
legend, caption) is rich text, so that the legend never covers the data and wraps to the width.
plotext keeps one global figure, so drawing is serialised by a lock.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text

from checker.pictures.common import EXTRA_COLOURS, ROLE_COLOURS, fmt, style, title_line, wrap
from checker.pictures.spec import CurvePicture, RefLine, Series

DRAWABLE = 1e100  # larger magnitudes (and inf, nan) are left out of a plot and counted in its caption
MIN_PLOT_HEIGHT = 7
MIN_PLOT_WIDTH = 30
BAND_GLYPH = "░"
# Markers and line styles per role, so that roles read apart without colour.
POINT_GLYPHS = {"expected": "o", "got": "x", "reference": "·"}
LINE_MARKERS = ("braille", "•", "+")  # successive line series of one role
LINE_SAMPLES = {"braille": "⠤⠤", "•": "••", "+": "++"}
REF_STYLES = {"reference": "dotted", "expected": "double", "got": "heavy"}
REF_GLYPHS = {  # (horizontal, vertical) glyph plotext draws for each line style
    "dotted": ("┈", "┊"), "double": ("═", "║"), "heavy": ("━", "┃"),
}

_plotext_lock = threading.Lock()


@dataclass(frozen=True)
class _Mark:
    """How one series or line is drawn: its plotext marker or line style, and its legend sample."""

    name: str
    sample: str
    colour: int


def _series_look(picture: CurvePicture) -> list[tuple[str, _Mark]]:
    """The plotext marker of each series and its legend entry; successive lines of a role differ."""
    looks = []
    counts: dict[str, int] = {}
    for series in picture.series:
        if series.style == "points":
            glyph = POINT_GLYPHS[series.role]
            looks.append((glyph, _Mark(series.name, glyph, ROLE_COLOURS[series.role])))
            continue
        k = counts.get(series.role, 0)
        counts[series.role] = k + 1
        marker = LINE_MARKERS[k % len(LINE_MARKERS)]
        colour = EXTRA_COLOURS[k % len(EXTRA_COLOURS)] if series.role == "expected" else ROLE_COLOURS[series.role]
        looks.append((marker, _Mark(series.name, LINE_SAMPLES[marker], colour)))
    return looks


def _ref_mark(line: RefLine, vertical: bool) -> _Mark:
    glyph = REF_GLYPHS[REF_STYLES[line.role]][1 if vertical else 0]
    return _Mark(line.name, glyph, ROLE_COLOURS[line.role])


def _points(series: Series, log_y: bool) -> tuple[list[float], list[float]]:
    """The drawable points: finite (and within a range an axis can span), positive on a log scale."""
    pairs = [(x, y) for x, y in zip(series.x, series.y)
             if abs(x) < DRAWABLE and abs(y) < DRAWABLE and (y > 0 or not log_y)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _hidden_count(picture: CurvePicture) -> int:
    return sum(len(s.x) - len(_points(s, picture.log_y)[0]) for s in picture.series)


def _limits(values: Sequence[float]) -> tuple[float, float]:
    """Axis limits with a margin, so that lines at the extremes stay off the frame."""
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    span = high - low or max(abs(high), 1.0)
    return low - 0.06 * span, high + 0.06 * span


def _log10(value: float) -> float:
    return math.log10(value)


def nice_ticks(low: float, high: float, most: int) -> list[float]:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) inside [low, high]."""
    if high <= low or most < 2:
        return []
    raw = (high - low) / (most - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step)
    ticks = [k * step for k in range(first, math.floor(high / step) + 1)]
    return [0.0 if abs(t) < step * 1e-9 else round(t, 12) for t in ticks]


def _decades(low: float, high: float, most: int) -> list[float]:
    """Whole exponents inside [low, high] (log10 units), every k-th one so at most ``most`` remain."""
    exponents = list(range(math.ceil(low), math.floor(high) + 1))
    step = max(1, math.ceil(len(exponents) / most))
    return [float(k) for k in exponents[::-1][::step][::-1]]


def _decade_label(exponent: float) -> str:
    k = round(exponent)
    return fmt(10.0 ** k) if -2 <= k <= 3 else f"1e{k}"


def _tick_label(value: float, log: bool) -> str:
    return _decade_label(value) if log else fmt(value, 4)


@dataclass(frozen=True)
class _Frame:
    """The plot's coordinates; on a log scale, y is in log10 units (see y)."""

    x_low: float
    x_high: float
    y_low: float
    y_high: float
    log_y: bool

    def y(self, value: float) -> float:
        # A log axis is drawn as log10(y) on a linear one, with decade ticks: plotext's own log
        # scale does not combine with fixed limits and ticks.
        return math.log10(value) if self.log_y else value


def _frame(picture: CurvePicture) -> _Frame:
    """Limits that hold every drawable point, line and band, with a margin."""
    log = picture.log_y
    ty = _log10 if log else (lambda v: v)
    xs = [x for s in picture.series for x in _points(s, log)[0]]
    ys = [ty(y) for s in picture.series for y in _points(s, log)[1]]
    xs += [v for v in [v.at for v in picture.vlines] + [b.low for b in picture.bands] + [b.high for b in picture.bands]
           if abs(v) < DRAWABLE]
    ys += [ty(h.at) for h in picture.hlines if (h.at > 0 or not log) and abs(h.at) < DRAWABLE]
    (x_low, x_high), (y_low, y_high) = _limits(xs), _limits(ys)
    return _Frame(x_low, x_high, y_low, y_high, log)


def _draw(picture: CurvePicture, width: int, height: int, color: bool) -> str:
    """The plot area as text with ANSI colours, width x height cells."""
    import plotext  # here, not at import time: a missing or broken plotext only costs the curves

    frame = _frame(picture)
    with _plotext_lock:
        fig = plotext.figure
        fig.clear()
        fig.plot_size(width, height)
        fig.theme("colorless")  # colours come from our pixels alone, never from a theme
        _draw_bands_and_lines(fig, plotext, picture, frame, color)
        _draw_series(fig, plotext, picture, frame, color)
        fig.legend(False)  # ours is drawn below the plot, where it covers no data
        _draw_axes(fig, frame, width, height)
        return fig.build().string()


def _marker(plotext: Any, symbol: str, colour: int, color: bool) -> Any:
    return plotext.marker(symbol, pixel=colour) if color else symbol


def _draw_bands_and_lines(fig: Any, plotext: Any, picture: CurvePicture, frame: _Frame, color: bool) -> None:
    for band in picture.bands:  # first, so that everything else is drawn over the shading
        fig.draw(fig.rectangle((band.low, band.high), (frame.y_low, frame.y_high), lines=True, fill=True,
                               marker=_marker(plotext, BAND_GLYPH, ROLE_COLOURS["reference"], color)))
    for line, vertical in [(h, False) for h in picture.hlines] + [(v, True) for v in picture.vlines]:
        if abs(line.at) >= DRAWABLE or (not vertical and picture.log_y and line.at <= 0):
            continue
        kwargs = {"pixel": ROLE_COLOURS[line.role]} if color else {}
        fig.line(line.at if vertical else frame.y(line.at), "v" if vertical else "h",
                 style=REF_STYLES[line.role], **kwargs)


def _draw_series(fig: Any, plotext: Any, picture: CurvePicture, frame: _Frame, color: bool) -> None:
    for series, (symbol, mark) in zip(picture.series, _series_look(picture)):
        x, y = _points(series, picture.log_y)
        if not x:
            continue
        signal = fig.signal(x, [frame.y(v) for v in y], marker=_marker(plotext, symbol, mark.colour, color))
        if series.style == "line" and len(x) > 1:
            signal.lines()
        fig.draw(signal)


def _draw_axes(fig: Any, frame: _Frame, width: int, height: int) -> None:
    fig.ruler("x").lim(frame.x_low, frame.x_high)
    fig.ruler("x").ticks(*_ticks(nice_ticks(frame.x_low, frame.x_high, max(2, width // 10)), log=False))
    fig.ruler("y").lim(frame.y_low, frame.y_high)
    if frame.log_y:
        decades = _decades(frame.y_low, frame.y_high, most=max(2, height // 2))
        fig.ruler("y").ticks(decades, [_decade_label(k) for k in decades])
    else:
        fig.ruler("y").ticks(*_ticks(nice_ticks(frame.y_low, frame.y_high, max(2, height // 3)), log=False))


def _ticks(values: list[float], log: bool) -> tuple[list[float], list[str]]:
    return values, [_tick_label(v, log) for v in values]


def _from_ansi(drawn: str, color: bool) -> list[Text]:
    """plotext's output as rich lines: foreground colours kept, backgrounds dropped (they fight
    the terminal's own background), everything dropped without colour."""
    lines = []
    for raw in drawn.splitlines():
        text = Text.from_ansi(raw)
        plain = Text(text.plain.rstrip())
        if color:
            for span in text.spans:
                fg = Style.parse(str(span.style)).color if span.style else None
                if fg is not None and span.start < len(plain):
                    plain.stylize(Style(color=fg), span.start, min(span.end, len(plain)))
        lines.append(plain)
    while lines and not lines[-1].plain.strip():
        lines.pop()
    return lines


def _legend(picture: CurvePicture, color: bool, width: int) -> list[Text]:
    """Legend entries, as many per line as the width allows."""
    marks = [m for _, m in _series_look(picture)]
    marks += [_ref_mark(h, vertical=False) for h in picture.hlines]
    marks += [_ref_mark(v, vertical=True) for v in picture.vlines]
    marks += [_Mark(b.name, BAND_GLYPH, ROLE_COLOURS["reference"]) for b in picture.bands]
    entries = []
    for mark in marks:
        if not mark.name:
            continue
        entry = Text()
        entry.append(mark.sample, style=style(color, f"color({mark.colour})"))
        entry.append(" " + mark.name)
        entries.append(entry)
    lines: list[Text] = []
    for entry in entries:
        if lines and lines[-1].cell_len + 3 + entry.cell_len <= width:
            lines[-1].append("   ")
            lines[-1].append_text(entry)
        else:
            entry.truncate(width, overflow="ellipsis")
            lines.append(entry)
    return lines


def _around(picture: CurvePicture, color: bool, width: int) -> tuple[list[Text], list[Text]]:
    """The lines above the plot (title) and below it (legend, axes, caption)."""
    head = []
    if picture.title:
        head.append(title_line(picture.title, width, color))
    notes = []
    if picture.y_label or picture.x_label:
        axes = f"{picture.y_label or 'y'} against {picture.x_label or 'x'}"
        notes.append(axes + (" (log scale)" if picture.log_y else ""))
    hidden = _hidden_count(picture)
    if hidden:
        notes.append(f"{hidden} value{'s' if hidden > 1 else ''} not drawn"
                     + (" (zero, negative or not finite)" if picture.log_y else " (not finite or too large)"))
    if picture.caption:
        notes.append(picture.caption)
    caption = [Text(line, style=style(color, "dim")) for line in wrap(". ".join(notes), width)]
    return head, _legend(picture, color, width) + caption


def curve_candidates(picture: CurvePicture, width: int, height: int, color: bool,
                     frame: int | None) -> Iterator[RenderableType]:
    head, tail = _around(picture, color, width)
    legend = tail[: len(_legend(picture, color, width))]
    # First with everything around the plot, then without the caption, then the plot alone:
    # but only a plot whose title says all (one curve, no lines): unnamed marks mislead.
    alone = len(picture.series) == 1 and not (picture.hlines or picture.vlines or picture.bands)
    for below in (tail, legend, *([[]] if alone else [])):
        plot_height = min(height - len(head) - len(below), 20)
        if plot_height < MIN_PLOT_HEIGHT or width < MIN_PLOT_WIDTH:
            continue
        try:
            drawn = _draw(picture, width, plot_height, color)
        except Exception:  # noqa: BLE001 - a plotting failure drops the picture, never the verdict
            return
        yield Group(*head, *_from_ansi(drawn, color), *below)
