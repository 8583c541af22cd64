"""Fitting rows of text into a box: wrap to the width, then share the height between sections
by priority, each keeping a floor of rows and saying what it had to leave out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from rich.console import Console
from rich.text import Text


def wrap(text: Text | str, width: int, console: Console) -> list[Text]:
    """``text`` as rows of at most ``width`` cells.

    A wrapped line keeps its indentation on the rows it continues on; long words are folded,
    never cut.
    """
    if isinstance(text, str):
        text = Text(text)
    rows: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        indent = min(len(line.plain) - len(line.plain.lstrip(" ")), width // 2)
        if indent == 0 or len(line.plain) <= width:
            pieces = list(line.wrap(console, max(width, 1), overflow="fold")) or [Text("")]
        else:
            body = line[indent:]
            pieces = list(body.wrap(console, max(width - indent, 1), overflow="fold")) or [Text("")]
            pieces = [Text(" " * indent) + piece for piece in pieces]
        for piece in pieces:
            piece.rstrip()
            rows.append(piece)
    return rows or [Text("")]


def one_row(text: Text, width: int) -> Text:
    """``text`` cut to one row with an ellipsis."""
    row = text.copy()
    row.plain = row.plain.split("\n", 1)[0]
    row.truncate(max(width, 1), overflow="ellipsis")
    return row


@dataclass
class Section:
    """A block of rows that can be cut to fit.

    ``more`` (with ``{n}``) is the row that says how many rows are hidden. A section with a
    ``label`` (a title rule, drawn ``width`` wide) keeps it when cut, and says what was hidden
    in the label (``label_cut``, with ``{shown}`` and ``{total}``) instead of a row of its own.
    """

    rows: list[Text]
    floor: int
    keep: Literal["head", "tail"] = "head"
    more: str = "… {n} more lines"
    label: str | None = None
    label_cut: str = ""
    width: int = 80

    @property
    def want(self) -> int:
        return len(self.rows) + (self.label is not None)

    def cut(self, size: int) -> list[Text]:
        if size <= 0:
            return []
        if self.label is None:
            return self._cut_rows(size)
        shown = max(min(size - 1, len(self.rows)), 0)
        cut = shown < len(self.rows) and self.label_cut
        title = self.label_cut.format(shown=shown, total=len(self.rows)) if cut else self.label
        rule = one_row(Text(f"── {title} " + "─" * max(0, self.width - len(title) - 4), style="dim"), self.width)
        if shown <= 0:
            return [rule]
        return [rule, *(self.rows[-shown:] if self.keep == "tail" else self.rows[:shown])]

    def _cut_rows(self, size: int) -> list[Text]:
        if size >= len(self.rows):
            return list(self.rows)
        hidden = len(self.rows) - (size - 1)
        marker = Text(self.more.format(n=hidden), style="dim")
        if self.keep == "tail":
            return [marker, *self.rows[len(self.rows) - (size - 1):]] if size > 1 else [marker]
        return [*self.rows[: size - 1], marker]


def allocate(wants: Sequence[int], floors: Sequence[int], budget: int) -> list[int]:
    """Rows for each section: floors first, in order, then the rest in order of priority."""
    give = [0] * len(wants)
    for i, (want, floor) in enumerate(zip(wants, floors)):
        give[i] = max(0, min(want, floor, budget))
        budget -= give[i]
    for i, want in enumerate(wants):
        extra = max(0, min(want - give[i], budget))
        give[i] += extra
        budget -= extra
    return give


def fit(sections: Sequence[Section], budget: int, priority: Sequence[int] | None = None) -> list[Text]:
    """The sections, in order, cut to ``budget`` rows; space goes first to the lowest ``priority``."""
    order = sorted(range(len(sections)), key=lambda i: priority[i]) if priority else list(range(len(sections)))
    sizes = allocate([sections[i].want for i in order], [sections[i].floor for i in order], budget)
    size_of = dict(zip(order, sizes))
    rows: list[Text] = []
    for i, section in enumerate(sections):
        rows += section.cut(size_of[i])
    return rows
