"""Shared by the renderers: number formatting, comparing, styles, and fitting into a box."""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass
from typing import Iterable

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

# Marks that carry the meaning without colour (NO_COLOR, TERM=dumb): a differing value gets
# DIFF_MARK beside it in every picture kind.
DIFF_MARK = "✗"

# Role colours as 256-colour palette numbers, so that plotext (which takes palette numbers) and
# rich draw the same role in the same colour.
ROLE_COLOURS = {"expected": 12, "got": 13, "reference": 8}
EXTRA_COLOURS = (12, 14, 10, 11)  # further expected series, in turn
DIFF_STYLE = "bold red"


def style(color: bool, spec: str) -> str:
    """A rich style when colour is allowed, else no style at all."""
    return spec if color else ""


def role_style(color: bool, role: str) -> str:
    return style(color, f"color({ROLE_COLOURS[role]})")


def differs(got: float | None, expected: float | None, atol: float, rtol: float) -> bool:
    """True when a given learner value is not within tolerance of the expected one."""
    if got is None or expected is None:
        return False
    if math.isnan(got) or math.isnan(expected):
        return not (math.isnan(got) and math.isnan(expected))
    if math.isinf(got) or math.isinf(expected):
        return got != expected
    return not math.isclose(got, expected, rel_tol=rtol, abs_tol=atol)


def fmt(value: float | None, digits: int = 4) -> str:
    """A short text for a number: ``digits`` significant digits, infinities as ∞."""
    if value is None:
        return "·"
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:.{digits}g}"
    return "0" if text == "-0" else text


def fmt_pair(expected: float | None, got: float | None, different: bool) -> tuple[str, str]:
    """Both numbers with just enough digits that a real difference also shows in the text."""
    for digits in range(4, 13):
        e, g = fmt(expected, digits), fmt(got, digits)
        if e != g or not different:
            return e, g
    return fmt(expected, 12), fmt(got, 12)


# ---------------------------------------------------------------- fitting


@dataclass
class Fitted:
    """A picture already laid out in lines: exactly what was measured is what is shown."""

    lines: list[list[Segment]]
    width: int

    @property
    def height(self) -> int:
        return len(self.lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield from line
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.width, self.width)


def measuring_console(width: int, color: bool) -> Console:
    # A private console: the caller's terminal size, colour system and markup never leak in.
    return Console(
        file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor" if color else None,
        no_color=not color, legacy_windows=False, emoji=False, highlight=False, markup=False,
    )


def fit(renderable: RenderableType, width: int, height: int, color: bool) -> Fitted | None:
    """The renderable laid out at ``width``, or None if it needs more lines or columns."""
    # Laid out with room to spare, so that an over-wide line shows as such instead of being
    # wrapped or cropped by rich; the builders never rely on rich's wrapping.
    roomy = width + 1000
    console = measuring_console(roomy, color)
    lines = console.render_lines(renderable, console.options.update(width=roomy, height=None),
                                 pad=False, new_lines=False)
    while lines and not "".join(s.text for s in lines[-1]).strip():
        lines.pop()  # trailing blank lines are no part of the picture
    widest = max((Segment.get_line_length(line) for line in lines), default=0)
    if len(lines) > height or widest > width or not lines:
        return None
    if not color:
        lines = [list(Segment.remove_color(Segment.strip_styles(line))) for line in lines]
    return Fitted(lines=[list(Segment.simplify(line)) for line in lines], width=widest)


def first_fit(candidates: Iterable[RenderableType], width: int, height: int, color: bool) -> Fitted | None:
    """The first candidate (richest first) that fits; None when none does."""
    for candidate in candidates:
        fitted = fit(candidate, width, height, color)
        if fitted is not None:
            return fitted
    return None


def window(n: int, focus: int, size: int) -> range:
    """``size`` consecutive indices out of ``n`` around ``focus``: the lead-up to it, and one after.

    (The steps before a difference show how it came about; one after shows where it goes.)
    """
    size = max(1, min(size, n))
    after = min(1, n - 1 - focus) if size >= 3 else 0
    start = min(max(0, focus + after - size + 1), n - size)
    return range(start, start + size)


def title_line(text: str, width: int, color: bool) -> Text:
    """A picture's title, cut to the width with an ellipsis rather than wrapped."""
    title = Text()
    title.append(text, style=style(color, "bold"))
    title.truncate(width, overflow="ellipsis")
    return title


def wrap(text: str, width: int) -> list[str]:
    """Caption lines cut at spaces to ``width`` columns (pictures never rely on rich's wrapping)."""
    return textwrap.wrap(text, width=max(10, width), break_long_words=True) if text else []


__all__ = [
    "DIFF_MARK", "DIFF_STYLE", "EXTRA_COLOURS", "Fitted", "ROLE_COLOURS", "differs", "first_fit", "fit",
    "fmt", "fmt_pair", "role_style", "style", "title_line", "window", "wrap",
]
