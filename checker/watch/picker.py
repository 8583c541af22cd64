"""The exercise list (``l``) and check-all's grid (``c``) as rows that fit a width and height.

Names are never cut while the terminal is 80 columns or wider: the topic column is
abbreviated, then dropped, first.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from rich.text import Text

from checker.catalog import Exercise
from checker.result import Result, Status
from checker.ui import MARK, STYLE, ListEntry, exercise_rows, pending_badge
from checker.verdict_view import one_row


def window(selected: int, count: int, size: int) -> tuple[int, int]:
    """The rows [start, end) to show so that ``selected`` is on screen, centred where possible."""
    size = max(1, min(size, count))
    start = max(0, min(selected - size // 2, count - size))
    return start, start + size


def status_of(name: str, done: frozenset[str], verdicts: Mapping[str, Result]) -> Text:
    if name in done:
        return Text("✓ passed", style=STYLE[Status.PASSED])
    last = verdicts.get(name)
    if last is not None and last.status is not Status.NOT_STARTED:
        return Text(f"{MARK[last.status]} {last.status.label}", style=STYLE[last.status])
    return pending_badge()


def picker_rows(exercises: Sequence[Exercise], current: str, selected: int, done: frozenset[str],
                verdicts: Mapping[str, Result], width: int, height: int) -> list[Text]:
    """A column heading, then the rows around ``selected``; at most ``height`` rows."""
    start, end = window(selected, len(exercises), height - 1)
    entries = [ListEntry(i + 1, e, status_of(e.name, done, verdicts), e.name == current)
               for i, e in enumerate(exercises[start:end], start=start)]
    return exercise_rows(entries, width, selected=selected + 1, columns_for=exercises)


def grid_rows(results: Sequence[Result], width: int, height: int) -> list[Text]:
    """Check-all's verdicts in columns of whole names, at most ``height`` rows.

    When they do not all fit, the exercises that pass give way to those that do not.
    """
    passed = sum(r.passed for r in results)
    out = [Text(f"Check all: {passed}/{len(results)} pass", style="bold")]
    rows = _grid(results, width)
    if len(rows) <= height - 1:
        return [one_row(row, width) for row in out + rows]
    # Those the learner has worked on (failed, error, ...) before those not started.
    failing = sorted((r for r in results if not r.passed), key=lambda r: r.status is Status.NOT_STARTED)
    columns = _columns_for(failing, width)
    room = max(height - 1 - (passed > 0), 1)  # the title, and the line about the ones that pass
    if len(failing) > room * columns:
        room -= 1
        more = len(failing) - room * columns
        failing, tail = failing[: room * columns], [Text(f"… {more} more not passing: rlcheck list --pending", style="dim")]
    else:
        tail = []
    out += _grid(failing, width) + tail
    if passed:
        out.append(Text(f"✓ the other {passed} pass", style=STYLE[Status.PASSED]))
    return [one_row(row, width) for row in out[:height]]


def _columns_for(results: Sequence[Result], width: int) -> int:
    cell = max((len(r.exercise) for r in results), default=1) + 2  # mark, space, name
    return max(1, (width + 2) // (cell + 2))


def _grid(results: Sequence[Result], width: int) -> list[Text]:
    if not results:
        return []
    cell = max(len(r.exercise) for r in results) + 2
    columns = _columns_for(results, width)
    lines = (len(results) + columns - 1) // columns
    rows = []
    for line in range(lines):
        row = Text()
        for column in range(columns):
            i = column * lines + line  # down the columns, as the course is ordered
            if i >= len(results):
                break
            result = results[i]
            if column:
                row.append("  ")
            row.append(f"{MARK[result.status]} ", style=STYLE[result.status])
            row.append(f"{result.exercise:<{cell - 2}}", style="dim" if result.passed else "")
        row.rstrip()
        rows.append(row)
    return rows
