"""What ``rlcheck verify`` prints: a compact table, then one block per started exercise that does
not pass, wrapped to the width of the terminal or CI log (80 columns, or 60, reads as well as 200).
"""

from __future__ import annotations

from typing import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

from checker.report import Entry, cap, failure_text, summary_line, test_output
from checker.result import Status
from checker.sanitize import for_log as escape_control  # learner text in a CI log
from checker.ui import STYLE, status_badge

OUTPUT_LINES = 8
MESSAGE_LINES = 14
OTHER_NAMES = 6
TEXT_CAP = 2000  # characters of one message or output in a CI log


def _tail(text: str, count: int) -> str:
    if len(text) > TEXT_CAP:
        text = "… " + text[-TEXT_CAP:]
    lines = text.rstrip("\n").split("\n")
    cut = len(lines) - count
    return ("… (%d earlier lines)\n" % cut if cut > 0 else "") + "\n".join(lines[-count:])


class Indented:
    """A renderable shifted right by ``indent`` cells, with no spaces at the line ends (rich pads
    lines to the width and leaves a space where it wraps; CI logs and copied text keep them)."""

    def __init__(self, renderable: RenderableType, indent: int = 2) -> None:
        self.renderable = renderable
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        inner = options.update(width=max(options.max_width - self.indent, 1))
        for line in console.render_lines(self.renderable, inner, pad=False):
            if self.indent:
                yield Segment(" " * self.indent)
            yield from _rstrip(line)
            yield Segment.line()


def _rstrip(line: list[Segment]) -> list[Segment]:
    line = list(line)
    while line and not line[-1].control and not line[-1].text.strip():
        line.pop()
    if line and not line[-1].control:
        last = line[-1]
        line[-1] = Segment(last.text.rstrip(), last.style)
    return line


def _head(text: str, count: int) -> str:
    lines = cap(text, TEXT_CAP).rstrip("\n").split("\n")
    return "\n".join(lines[:count]) + (f"\n… ({len(lines) - count} more lines)" if len(lines) > count else "")


def failure_block(entry: Entry) -> RenderableType:
    result = entry.result
    head = status_badge(result.status)
    head.append(f"  {result.exercise}  ", style="bold")
    head.append(f"{entry.path}:{entry.pointer}", style="dim")
    body: list[RenderableType] = []
    first = result.first_failure
    if first is not None and result.status is Status.FAILED:
        body.append(Text(escape_control(result.summary)))
        body.append(Text(f"First failing check: {escape_control(first.name)}", style="bold"))
    body.append(Text(escape_control(_head(failure_text(result), MESSAGE_LINES)), style=STYLE[result.status].replace("bold ", "")))
    failing = [t for t in result.tests if t.outcome != "passed"]
    if len(failing) > 1:
        names = ", ".join(escape_control(t.name) for t in failing[1:1 + OTHER_NAMES])
        more = f" and {len(failing) - 1 - OTHER_NAMES} more" if len(failing) - 1 > OTHER_NAMES else ""
        body.append(Text(f"Also failing: {names}{more}.", style="dim"))
    output = (test_output(first) if first is not None else "") or result.output
    if output.strip():
        body.append(Text("Your output:", style="bold"))
        body.append(Indented(Text(escape_control(_tail(output, OUTPUT_LINES)))))
    return Group(Indented(head, 0), Indented(Group(*body)), Text(""))


def failure_blocks(entries: Sequence[Entry]) -> RenderableType | None:
    failing = [e for e in sorted(entries, key=lambda e: e.number) if e.failing]
    if not failing:
        return None
    return Group(Text(""), *(failure_block(e) for e in failing))


def isolation_line(entries: Sequence[Entry]) -> Text | None:
    """The confinement the checks ran under, said once; nothing when the runner did not say."""
    kinds = list(dict.fromkeys(e.result.isolation for e in entries if e.result.isolation))
    if not kinds:
        return None
    return Text(f"Isolation: {escape_control('; '.join(kinds))}", style="dim")


def verdict_line(entries: Sequence[Entry], started_only: bool) -> Text:
    passed = sum(e.result.passed for e in entries)
    ok = not any(e.failing for e in entries) if started_only else passed == len(entries)
    text = Text(summary_line(entries), style="bold green" if ok else "bold red")
    if started_only:
        text.append("  (--started-only: exercises not started yet do not count)", style="dim")
    return text
