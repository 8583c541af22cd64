"""Learner text made safe for where it is shown: a terminal, XML, a CI log, a Markdown table.

Whatever the learner's code prints or raises reaches the screen and the reports; none of it may
act there (escape sequences, control characters, HTML, links, images) and none of it may be
unboundedly long. The UI and every report take their text through here.
"""

from __future__ import annotations

import unicodedata


def escape_control(text: str) -> str:
    """Show control characters and escape sequences instead of letting them act on the terminal."""
    out = []
    for ch in text:
        if ch in "\n\t" or not unicodedata.category(ch).startswith("C"):
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def no_workflow_commands(text: str) -> str:
    """Learner text for a CI log: a line that starts with ``::`` would be a GitHub Actions workflow
    command (``::error``, ``::add-mask::``, ``::stop-commands::``); it is shown with a space inside."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith("::"):
            lines[i] = line[: len(line) - len(stripped)] + ": :" + stripped[2:]
    return "\n".join(lines)


def for_log(text: str) -> str:
    """Learner text for a CI log: escaped and without workflow commands."""
    return no_workflow_commands(escape_control(text))


def cap(text: str, limit: int, note: str = "… (cut at {limit} characters)") -> str:
    """At most ``limit`` characters, saying where it was cut."""
    if len(text) <= limit:
        return text
    tail = "\n" + note.format(limit=limit)
    return text[: max(0, limit - len(tail))] + tail


def annotation_data(text: str) -> str:
    """A GitHub workflow command's message: escaped, and on one line as the format wants."""
    return escape_control(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation_property(text: str) -> str:
    return annotation_data(text).replace(":", "%3A").replace(",", "%2C")


def markdown_code(text: str, limit: int = 300) -> str:
    """Learner text as an inline code span in a table cell: no HTML, links or images can act."""
    flat = " ".join(escape_control(cap(text, limit, "…")).split())
    if not flat:
        return ""
    fence = "`" * (_longest_backtick_run(flat) + 1)
    # A pipe ends a table cell even inside a code span unless it is escaped (GFM tables).
    return f"{fence} {flat.replace('|', chr(92) + '|')} {fence}"


def _longest_backtick_run(text: str) -> int:
    best = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        best = max(best, run)
    return best
