"""A verdict laid out to fit a box of text: what matters first, repeats collapsed, the rest cut.

Used by watch mode (the failure view) and by ``rlcheck run`` on a terminal. Everything here
is pure: a Result and a size in, a list of one-row ``Text`` lines out. The order, most
important first: the status and summary (a timeout's own sentence before any output), the
selected failing check in full (its message holds the call, expected against got, the
diagnosis), one line per other failing check with identical errors collapsed, then the
output of the failing call only, labelled with that call and cut to what fits.

A check that carries a picture (see ``checker.pictures``) gets it drawn right under its
message, in the room left once the message in full and the least of the rest (one other
check, a few lines of output) are placed: the picture shrinks, or is left out, before any of
the verdict's text is cut. A picture that would reveal the answer the message withholds is
never drawn unasked: one line says how to see it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from rich.console import Console
from rich.text import Text

from checker.fitting import wrap, one_row, Section, allocate, fit  # noqa: F401  (used by the screens too)
from checker.pictures import render_picture, reveals_answer
from checker.result import Result, Status, TestResult
from checker.sanitize import escape_control
from checker.ui import MARK, STYLE

FLOOR_FULL = 12  # the selected check (call, differing entries, diagnosis) is placed before the rest get their floors
FLOOR_OTHERS = 2
FLOOR_OUTPUT = 3
FLOOR_DETAIL = 4
PICTURE_INDENT = 2  # a picture sits under its check's message, indented like it
UNLIMITED_PICTURE_HEIGHT = 30  # a picture's height when the verdict itself has no limit (a pipe, a log)


# ------------------------------------------------------------------ reading failures


def failing_tests(result: Result) -> list[TestResult]:
    """The checks to show as failing: none for a pass, nor for an untouched stub."""
    failing = [t for t in result.tests if t.outcome != "passed"]
    if result.status is Status.NOT_STARTED and not any(t.outcome in ("failed", "error") for t in failing):
        return []
    return failing


def split_call(message: str) -> tuple[str, str]:
    """A message that opens with a call ``name(...)`` split into that call and the rest."""
    head = message.split("(", 1)[0]
    if "(" not in message or not head.replace(".", "").isidentifier():
        return "", message
    depth, quote = 0, ""
    for i, ch in enumerate(message):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return message[: i + 1], message[i + 1:].lstrip("\n")
    return "", message


def exception_line(test: TestResult) -> str:
    """The last line of the test's traceback (``NameError: name 'x' is not defined``), if any."""
    lines = [line for line in test.traceback.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines and not lines[-1].startswith(" ") else ""


def traceback_rows(test: TestResult) -> list[str]:
    """The traceback's lines, without its last line when the message already says it."""
    lines = test.traceback.rstrip().split("\n") if test.traceback.strip() else []
    exc = exception_line(test)
    if exc and exc in test.message and lines and lines[-1].strip() == exc:
        lines = lines[:-1]
    return lines


def error_key(test: TestResult) -> str:
    """Two failing checks with the same key failed in the same way."""
    return exception_line(test) or test.message.strip()


def error_label(test: TestResult) -> str:
    """How the shared error is named: the exception type, else 'failure'."""
    exc = exception_line(test)
    return exc.split(":", 1)[0] if exc else "failure"


def short_reason(test: TestResult) -> str:
    """One line saying why the check failed, without the (often long) call."""
    exc = exception_line(test)
    if exc:
        return exc
    _call, rest = split_call(test.message.strip())
    lines = [line.strip() for line in (rest or test.message).splitlines() if line.strip()]
    return lines[0] if lines else test.outcome.replace("_", " ")


@dataclass
class FailureGroup:
    tests: list[TestResult] = field(default_factory=list)

    @property
    def first(self) -> TestResult:
        return self.tests[0]


def group_failures(tests: Sequence[TestResult]) -> list[FailureGroup]:
    """Failing checks grouped by identical error, in order of first appearance."""
    groups: dict[str, FailureGroup] = {}
    for test in tests:
        groups.setdefault(error_key(test), FailureGroup()).tests.append(test)
    return list(groups.values())


# ------------------------------------------------------------------ the sections


@dataclass(frozen=True)
class ViewOptions:
    width: int
    keys: bool = True  # say which key shows more (watch); off for `rlcheck run`


def summary_text(result: Result) -> Text:
    """The status badge and the one-line summary, e.g. "✗ failed  9 of 9 checks failed."."""
    head = Text()
    head.append(f"{MARK[result.status]} {result.status.label}", style=STYLE[result.status])
    head.append("  " + escape_control(result.summary))
    return head


def summary_rows(result: Result, width: int, console: Console) -> list[Text]:
    return wrap(summary_text(result), width, console)


def _more(options: ViewOptions, what: str = "lines") -> str:
    return f"  … {{n}} more {what}" + (": o shows all" if options.keys else "")


def full_check(test: TestResult, index: int, count: int, options: ViewOptions, console: Console) -> Section:
    heading = Text("✗ ", style="red")
    heading.append(escape_control(test.name), style="bold")
    if count > 1:
        heading.append(f"  ({index + 1} of {count} failing)", style="dim")
    rows = wrap(heading, options.width, console)
    body = Text()
    for line in escape_control(test.message.rstrip()).split("\n"):
        body.append("  " + line + "\n")
    body.rstrip()
    if body.plain.strip():
        rows += wrap(body, options.width, console)
    # Code and its ^^^ marks only read right unwrapped: one row each, cut at the edge.
    rows += [one_row(Text("  " + escape_control(line), style="dim"), options.width) for line in traceback_rows(test)]
    return Section(rows, FLOOR_FULL, "head", _more(options))


def other_checks(selected: TestResult, failing: Sequence[TestResult], options: ViewOptions) -> Section:
    """One row per other failing check; identical errors collapsed into one row."""
    rows: list[Text] = []
    key = error_key(selected)
    same = [t for t in failing if t is not selected and error_key(t) == key]
    if same:
        rows.append(one_row(Text(f"  same {error_label(selected)} in {len(same)} more "
                                 f"check{'s' if len(same) > 1 else ''}", style="red"), options.width))
    for group in group_failures([t for t in failing if error_key(t) != key]):
        row = Text("✗ ", style="red")
        row.append(escape_control(group.first.name), style="bold")
        if len(group.tests) > 1:
            row.append(f" and {len(group.tests) - 1} more")
        row.append(": " + escape_control(short_reason(group.first)), style="dim")
        rows.append(one_row(row, options.width))
    return Section(rows, FLOOR_OTHERS, "head", "  … {n} more failing" + (": j/k pages through them" if options.keys else ""))


def output_of(result: Result, test: TestResult | None) -> tuple[str, str, bool] | None:
    """(label, output, truncated) to show: the failing call's own output, else all output."""
    call = test.failing_call if test is not None else None
    if call is not None and call.output.strip():
        return f"output of {call.what}", call.output, call.output_truncated
    if call is not None or any(t.calls for t in result.tests):
        # Output is per call and the failing call printed nothing: what the file printed at its
        # top level may still be what the learner is looking for.
        if result.load_output.strip():
            return "output while loading your file", result.load_output, False
        return None
    if not result.output.strip():
        return None
    return "your output", result.output, result.output_truncated


def output_section(label: str, output: str, truncated: bool, options: ViewOptions, console: Console) -> Section:
    """``label`` reads "output of f(...)" or "your output"; when cut it says which lines are shown."""
    cap = " (cut at the size limit)" if truncated else ""
    what, _, subject = escape_control(label).partition(" of ")
    subject = f" of {subject}" if subject else ""
    rows = wrap(Text(escape_control(output.rstrip("\n"))), options.width, console)
    return Section(rows, FLOOR_OUTPUT, "tail", label=f"{what}{cap}{subject}",
                   label_cut=f"{what}{cap}, last {{shown}} of {{total}} lines{subject}", width=options.width)


def selected_test(result: Result, selected: int) -> TestResult | None:
    """The failing check shown in full: the ``selected``-th, or the last one."""
    failing = failing_tests(result)
    return failing[min(selected, len(failing) - 1)] if failing else None


def body_sections(result: Result, selected: int, options: ViewOptions, console: Console,
                  budget: int | None = None) -> list[Section]:
    """The cuttable part of a verdict, most important first, for ``budget`` rows (None: no limit).

    The budget decides only the picture: the text sections are cut later, by ``fit``.
    """
    sections: list[Section] = []
    failing = failing_tests(result)
    test = selected_test(result, selected)
    if result.detail.strip():
        rows = wrap(Text(escape_control(result.detail.rstrip()), style="dim"), options.width, console)
        sections.append(Section(rows, FLOOR_DETAIL, "head", _more(options)))
    picture_at = None
    if test is not None:
        sections.append(full_check(test, failing.index(test), len(failing), options, console))
        picture_at = len(sections)
        others = other_checks(test, failing, options)
        if others.rows:
            sections.append(others)
    shown = output_of(result, test)
    if shown is not None:
        sections.append(output_section(*shown, options, console))
    if test is not None and test.picture is not None and picture_at is not None:
        # Room for the picture: what is left once everything before it is whole and everything
        # after it has its floor, so that placing the picture never cuts the verdict's text.
        before = sum(s.want for s in sections[:picture_at])
        after = sum(min(s.want, s.floor) for s in sections[picture_at:])
        room = UNLIMITED_PICTURE_HEIGHT + 1 if budget is None else budget - before - after
        picture = picture_section(result, test, options, console, room)
        if picture is not None:
            sections.insert(picture_at, picture)
    return sections


def render_verdict(result: Result, width: int, height: int | None, console: Console,
                   selected: int = 0, keys: bool = False) -> list[Text]:
    """The whole verdict in at most ``height`` rows (unlimited when None)."""
    options = ViewOptions(width, keys)
    head = summary_rows(result, width, console)
    budget = (height - len(head)) if height is not None else None
    sections = body_sections(result, selected, options, console, budget)
    return head + fit(sections, budget if budget is not None else sum(s.want for s in sections))


# ------------------------------------------------------------------ pictures


def allows_color(console: Console) -> bool:
    """Whether pictures may use colour here; without it they draw with characters alone."""
    return console.color_system is not None and not console.no_color


def picture_lines(spec: dict, width: int, height: int, color: bool, frame: int | None = None) -> list[Text] | None:
    """A picture as rows of at most ``width`` cells and ``height`` rows; None when it does not fit.

    A spec the renderer rejects is treated like one that does not fit: a picture never costs
    the verdict.
    """
    try:
        fitted = render_picture(spec, width, height, color, frame=frame)
    except Exception:  # noqa: BLE001 - a malformed picture is dropped, whatever is wrong with it
        return None
    if fitted is None:
        return None
    rows = []
    for line in fitted.lines:
        row = Text(no_wrap=True)
        for segment in line:
            row.append(segment.text, segment.style or "")
        rows.append(row)
    return rows


def picture_withheld(spec: dict) -> bool:
    """True for a picture that shows the answer the check's message withholds (or is unreadable)."""
    try:
        return reveals_answer(spec)
    except Exception:  # noqa: BLE001 - an unreadable spec is never drawn
        return True


def picture_section(result: Result, test: TestResult, options: ViewOptions, console: Console,
                    room: int) -> Section | None:
    """The check's picture drawn in ``room`` rows (a blank row above it), or the line that says
    how to see one that reveals the answer; None when there is no room for either."""
    assert test.picture is not None
    if picture_withheld(test.picture):
        how = "v shows it" if options.keys else f"rlcheck show {result.exercise} --force draws it"
        row = one_row(Text(f"  ▸ A picture of this check shows the answer: {how}.", style="dim"), options.width)
        return Section([row], 0)
    width, color = options.width - PICTURE_INDENT, allows_color(console)
    rows = picture_lines(test.picture, width, room - 1, color)
    gap = [Text("")]
    if rows is None:  # without the blank row above it, it may still fit
        rows, gap = picture_lines(test.picture, width, room, color), []
    if rows is None:
        return None
    rows = [*gap, *(Text(" " * PICTURE_INDENT) + row for row in rows)]
    return Section(rows, len(rows))


# ------------------------------------------------------------------ the full view of one check


def detail_lines(result: Result, selected: int) -> list[Text]:
    """Everything about one failing check, unwrapped: message, traceback, its whole output."""
    lines: list[Text] = [summary_text(result)]
    if result.detail.strip():
        lines += [Text(line, style="dim") for line in escape_control(result.detail.rstrip()).split("\n")]
    failing = failing_tests(result)
    test = failing[min(selected, len(failing) - 1)] if failing else None
    if test is not None:
        lines += [Text(""), Text.assemble(("✗ ", "red"), (escape_control(test.name), "bold"))]
        lines += [Text("  " + line) for line in escape_control(test.message.rstrip()).split("\n") if test.message.strip()]
        lines += [Text("  " + line, style="dim") for line in escape_control(test.traceback.rstrip()).split("\n")
                  if test.traceback.strip()]
    shown = output_of(result, test)
    if shown is not None:
        label, output, truncated = shown
        lines += [Text(""), Text(f"── {escape_control(label)}" + (" (cut at the size limit)" if truncated else ""), style="dim")]
        lines += [Text(line) for line in escape_control(output.rstrip("\n")).split("\n")]
    return lines
