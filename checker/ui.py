"""Rich rendering of results, progress and lists. All terminal output goes through here."""

from __future__ import annotations

import os
from pathlib import Path
from dataclasses import dataclass
from typing import Iterable, Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from checker.sanitize import escape_control  # noqa: F401  (the screens show learner text through it)

from checker.catalog import Exercise
from checker.result import Result, Status

STYLE = {
    Status.PASSED: "bold green",
    Status.FAILED: "bold red",
    Status.NOT_STARTED: "bold yellow",
    Status.ERROR: "bold magenta",
    Status.TIMEOUT: "bold red",
    Status.CRASHED: "bold red",
}
MARK = {
    Status.PASSED: "✓",
    Status.FAILED: "✗",
    Status.NOT_STARTED: "·",
    Status.ERROR: "!",
    Status.TIMEOUT: "⏱",
    Status.CRASHED: "✗",
}
TEST_MARK = {"passed": ("✓", "green"), "not_started": ("·", "yellow")}
MAX_OUTPUT_LINES = 40


def make_console(stderr: bool = False, **kwargs: object) -> Console:
    # rich honours NO_COLOR by itself; highlighting would colour learners' numbers at random.
    return Console(stderr=stderr, highlight=False, **kwargs)  # type: ignore[arg-type]


def file_link(path: Path, label: str | None = None) -> Text:
    text = Text(label or str(path), style="bold underline")
    try:
        text.stylize(f"link {path.absolute().as_uri()}")
    except ValueError:
        pass
    return text


def status_badge(status: Status) -> Text:
    return Text(f"{MARK[status]} {status.label}", style=STYLE[status])


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def render_tests(result: Result, limit: int = 6) -> RenderableType | None:
    failing = [t for t in result.tests if t.outcome != "passed"]
    if not result.tests:
        return None
    rows = Table.grid(padding=(0, 1))
    rows.add_column(no_wrap=True)
    rows.add_column()
    shown = failing[:limit] if failing else []
    passed = len(result.tests) - len(failing)
    if passed:
        rows.add_row(Text("✓", style="green"), Text(f"{passed} of {len(result.tests)} checks pass", style="green"))
    for test in shown:
        mark, style = TEST_MARK.get(test.outcome, ("✗", "red"))
        body = Text(test.name, style="bold")
        if test.message:
            body.append("\n" + escape_control(test.message))
        if test.traceback:
            body.append("\n" + escape_control(test.traceback.rstrip()), style="dim")
        rows.add_row(Text(mark, style=style), body)
    if len(failing) > limit:
        rows.add_row(Text("…"), Text(f"{len(failing) - limit} more not passing"))
    return rows


def render_output(result: Result) -> RenderableType | None:
    if not result.output.strip():
        return None
    lines = escape_control(result.output.rstrip("\n")).split("\n")
    cut = len(lines) > MAX_OUTPUT_LINES
    text = Text("\n".join(lines[-MAX_OUTPUT_LINES:] if cut else lines))
    notes = []
    if cut:
        notes.append(f"last {MAX_OUTPUT_LINES} of {len(lines)} lines")
    if result.output_truncated:
        notes.append("output was cut at the size limit")
    subtitle = ", ".join(notes) or None
    return Panel(text, title="your output", title_align="left", subtitle=subtitle, border_style="dim")


def render_result(result: Result) -> RenderableType:
    parts: list[RenderableType] = []
    head = status_badge(result.status)
    head.append("  ")
    head.append(escape_control(result.summary), style="default")
    parts.append(head)
    if result.detail:
        parts.append(Text(escape_control(result.detail.rstrip()), style="dim"))
    tests = render_tests(result) if result.status in (Status.FAILED, Status.NOT_STARTED) else None
    if tests is not None and result.status is Status.FAILED:
        parts.append(tests)
    output = render_output(result)
    if output is not None:
        parts.append(output)
    return Group(*parts)


def progress_row(done: int, total: int, width: int) -> Text:
    """"k/N done" and a bar that reads without colour: ━ for done, ─ for the rest."""
    row = Text(f"{done}/{total} done ", style="bold")
    cells = max(width - len(row.plain), 0)
    filled = round(cells * done / total) if total else 0
    row.append("━" * filled, style="green")
    row.append("─" * (cells - filled), style="dim")
    return row


def exercise_header(exercise: Exercise, path: Path, index: int, total: int, done: int, width: int,
                    passed: bool = False) -> list[Text]:
    """The exercise, its topic and kind, k/N (and "passed ✓"); its file as a link; the progress."""
    title = Text(exercise.name, style="bold cyan")
    title.append(f"  ({exercise.topic}, {exercise.kind})  ", style="dim")
    title.append(f"{index + 1}/{total}", style="dim")
    if passed:
        title.append("  passed ✓", style="bold green")
    where = Text("open ")
    where.append_text(file_link(path, display_path(path)))
    return [title, where, progress_row(done, total, width)]


def hint_panel(exercise: Exercise, index: int) -> RenderableType:
    if not exercise.hints or not 0 <= index < len(exercise.hints):
        return Panel(Text("This exercise has no hints."), title="hint", title_align="left", border_style="cyan")
    hint = exercise.hints[index]
    last = index == len(exercise.hints) - 1
    title = f"hint {index + 1} of {len(exercise.hints)}" + (" (the method)" if last else "")
    return Panel(Text(hint), title=title, title_align="left", border_style="cyan")


@dataclass(frozen=True)
class ListEntry:
    number: int
    exercise: Exercise
    status: Text
    current: bool = False


KIND_WIDTH = 9  # "implement"
STATUS_WIDTH = 9  # "· pending"


def pending_badge() -> Text:
    return Text("· pending", style="dim")


def _list_columns(exercises: Sequence[Exercise], width: int) -> tuple[int, int, int, bool]:
    """(number width, name width, topic width or 0 to drop it, whether the kind column fits)."""
    number = len(str(len(exercises)))
    name = max(len(e.name) for e in exercises)
    fixed = 2 + number + 3 + name  # cursor, number, current marker, name
    topic_wanted = max(len(e.topic) for e in exercises)
    rest = width - fixed - 2 - KIND_WIDTH - 2 - STATUS_WIDTH
    if rest >= topic_wanted + 2:
        return number, name, topic_wanted, True
    if rest >= 6:
        return number, name, rest - 2, True
    return number, name, 0, width - fixed - 2 - STATUS_WIDTH >= KIND_WIDTH + 2


def abbreviate(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def exercise_rows(entries: Sequence[ListEntry], width: int, selected: int | None = None,
                  columns_for: Sequence[Exercise] | None = None) -> list[Text]:
    """A heading and one row per exercise, each at most ``width`` cells.

    Names are never cut while they fit: the topic column is abbreviated, then dropped, first.
    ``selected`` is the number of the row under the cursor, if any; the columns are as wide as
    ``columns_for`` needs (default: the entries), so that they stay put while a list scrolls.
    """
    if not entries:
        return []
    number_w, name_w, topic_w, kind = _list_columns(columns_for or [e.exercise for e in entries], width)
    heading = Text(f"  {'#':>{number_w}}   {'exercise':<{name_w}}", style="bold")
    if topic_w:
        heading.append(f"  {abbreviate('topic', topic_w):<{topic_w}}")
    if kind:
        heading.append(f"  {'kind':<{KIND_WIDTH}}")
    heading.append("  status")
    rows = [heading]
    for entry in entries:
        row = Text("› " if entry.number == selected else "  ", style="bold")
        row.append(f"{entry.number:>{number_w}} ")
        row.append("▶ " if entry.current else "  ", style="bold cyan")
        row.append(f"{entry.exercise.name:<{name_w}}", style="bold" if entry.current else "")
        if topic_w:
            row.append(f"  {abbreviate(entry.exercise.topic, topic_w):<{topic_w}}", style="dim")
        if kind:
            row.append(f"  {entry.exercise.kind:<{KIND_WIDTH}}", style="dim")
        row.append("  ")
        row.append_text(entry.status)
        if entry.number == selected:
            row.stylize("reverse")
        rows.append(row)
    for row in rows:
        row.truncate(width, overflow="ellipsis")
        row.rstrip()
    return rows


def results_table(results: Iterable[Result], topics: dict[str, str], numbers: dict[str, int] | None = None) -> Table:
    """A compact table, one row per exercise; what went wrong is listed below it, never in a column
    that a CI log's 80 columns would squeeze to a few characters."""
    numbers = numbers or {}
    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    if numbers:
        table.add_column("#", justify="right", no_wrap=True)
    table.add_column("exercise", no_wrap=True, overflow="fold")
    table.add_column("topic", no_wrap=True, overflow="ellipsis")
    table.add_column("status", no_wrap=True)
    for result in results:
        row = [result.exercise, topics.get(result.exercise, ""), status_badge(result.status)]
        table.add_row(*([str(numbers.get(result.exercise, ""))] if numbers else []), *row)
    return table
