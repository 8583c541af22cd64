"""Which line of the learner's file a report should point at, found in the trusted process.

A Result carries a line when the learner's code raised. When it does not (a wrong value, a
wrong answer), the line is found here with ``ast`` on the learner's source text: the
definition of the function the failing check called, the assignment of the name it read,
or, failing those, the first definition (when the check made a call) or assignment (when it read
a value).
Nothing here imports or runs the learner's code.
"""

from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path
from typing import Iterable

from checker.result import Result

MAX_SOURCE_BYTES = 512 * 1024  # larger files are not parsed: the report then points at line 1
_LEADING_NAME = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)")
_QUOTED_NAME = re.compile(r"`([A-Za-z_][A-Za-z0-9_]*)`")


def read_source(path: Path, expected_sha256: str | None = None) -> str | None:
    """The learner's file as text, if it is a regular file of sane size that is still what was checked."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_SOURCE_BYTES:
            return None
        data = path.read_bytes()[:MAX_SOURCE_BYTES]
    except OSError:
        return None
    if expected_sha256 and hashlib.sha256(data).hexdigest() != expected_sha256:
        return None  # edited since the check: its lines may no longer match the verdict
    return data.decode("utf-8", errors="replace")


def names_in_failure(result: Result) -> list[str]:
    """Names the first failing check used: its call or answer line, its call record, its message."""
    test = result.first_failure
    if test is None:
        return []
    texts = [test.test_code, test.failing_call.what if test.failing_call else ""]
    names = [m.group(1) for m in (_LEADING_NAME.match(t) for t in texts if t) if m]
    names += _QUOTED_NAME.findall(test.message[:2000])
    return list(dict.fromkeys(names))


def top_level_lines(source: str) -> tuple[dict[str, int], list[int], list[int]]:
    """(name -> line of its last top-level definition or assignment, def lines, assignment lines)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return {}, [], []
    where: dict[str, int] = {}
    defs: list[int] = []
    assigns: list[int] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            where[node.name] = node.lineno
            defs.append(node.lineno)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for name in _target_names(targets):
                where[name] = node.lineno  # the last assignment is the one the checker read
            assigns.append(node.lineno)
    return where, defs, assigns


def _target_names(targets: Iterable[ast.expr]) -> Iterable[str]:
    for target in targets:
        if isinstance(target, ast.Name):
            yield target.id
        elif isinstance(target, (ast.Tuple, ast.List)):
            yield from _target_names(target.elts)


def pointer_line(result: Result, source: str | None) -> int | None:
    """The line to point at: the Result's own, else one found in the source, else None."""
    if result.line:
        return result.line
    first = result.first_failure
    if first is not None and first.line:
        return first.line
    if not source:
        return None
    where, defs, assigns = top_level_lines(source)
    for name in names_in_failure(result):
        if name in where:
            return where[name]
    made_a_call = first is not None and "(" in (first.test_code or "")
    preferred, other = (defs, assigns) if made_a_call else (assigns, defs)
    return (preferred or other or [None])[0]
