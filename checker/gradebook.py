"""``rlcheck gradebook``: many learners' results.json files merged into one table.

One row per learner, one column per exercise (in course order), plus totals. A learner is
named by the file (``alice.json``) or, for the usual generic names (``results.json``,
``rlcheck-results.json``), by the folder that holds it, which is how a CI matrix's
downloaded artifacts are laid out (``results/alice/rlcheck-results.json``).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from checker.result import Status

MAX_FILE_BYTES = 50 * 1024 * 1024
GENERIC_NAMES = {"results", "rlcheck-results", "results-json"}
STATUSES = {s.value for s in Status}
CELL = {"passed": "pass", "failed": "fail", "not_started": "-", "error": "error", "timeout": "timeout", "crashed": "crashed"}
MARK = {"passed": "✅", "failed": "❌", "not_started": "·", "error": "⚠️", "timeout": "⏱️", "crashed": "💥"}


class GradebookError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Learner:
    name: str
    source: Path
    statuses: dict[str, str] = field(default_factory=dict)  # exercise -> rlcheck status

    @property
    def passed(self) -> int:
        return sum(s == "passed" for s in self.statuses.values())

    @property
    def started(self) -> int:
        return sum(s != "not_started" for s in self.statuses.values())


@dataclass
class Gradebook:
    exercises: list[str]
    learners: list[Learner]


def learner_name(path: Path) -> str:
    stem = path.stem
    return path.parent.name if stem.lower() in GENERIC_NAMES and path.parent.name else stem


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders searched for *.json, in a stable order."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.json")) if path.is_dir() else [path])
    return found


def _read(path: Path) -> tuple[object, str | None]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
        return json.loads(path.read_bytes()), None
    except FileNotFoundError:
        return None, "no such file"
    except IsADirectoryError:
        return None, "a folder, not a file"
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    except UnicodeDecodeError:
        return None, "not UTF-8 text"
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"


def parse(path: Path) -> Learner:
    """One results.json as a Learner; GradebookError names the file and what is wrong with it."""
    data, problem = _read(path)
    if problem:
        raise GradebookError([f"{path}: {problem}."])
    if not isinstance(data, dict):
        raise GradebookError([f"{path}: not a results.json (the top level is not an object)."])
    if data.get("version") != 3:
        raise GradebookError([f"{path}: not an exercism v3 results.json ('version' is {data.get('version')!r})."])
    exercises = data.get("exercises")
    if not isinstance(exercises, list):
        raise GradebookError([f"{path}: has no 'exercises' list; write it with `rlcheck verify --json FILE`."])
    learner = Learner(learner_name(path), path)
    for i, item in enumerate(exercises):
        name = item.get("name") if isinstance(item, dict) else None
        status = item.get("status") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name or status not in STATUSES:
            raise GradebookError([f"{path}: exercises[{i}] needs a 'name' and a 'status' "
                                  f"(one of {', '.join(sorted(STATUSES))})."])
        learner.statuses[name] = status
    return learner


def build(paths: Sequence[Path], course_order: Sequence[str]) -> Gradebook:
    """Parse every file; all problems are collected and raised together, so one run shows them all."""
    learners: list[Learner] = []
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for path in expand(paths):
        try:
            learner = parse(path)
        except GradebookError as exc:
            problems.extend(exc.problems)
            continue
        if learner.name in seen:
            problems.append(f"{path}: learner '{learner.name}' also comes from {seen[learner.name]}.")
            continue
        seen[learner.name] = path
        learners.append(learner)
    if not problems and not learners:
        problems.append("No results files were given (pass files, or folders that hold them).")
    if problems:
        raise GradebookError(problems)
    known = set(course_order)
    extra = dict.fromkeys(n for learner in learners for n in learner.statuses if n not in known)
    present = {n for learner in learners for n in learner.statuses}
    columns = [n for n in course_order if n in present] + list(extra)
    return Gradebook(columns, sorted(learners, key=lambda l: l.name.lower()))


def _safe_cell(text: str) -> str:
    # A spreadsheet runs a cell that starts with = + - @ as a formula; learner names come from branches.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(book: Gradebook) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["learner", *book.exercises, "passed", "started", "total"])
    for learner in book.learners:
        cells = [CELL.get(learner.statuses.get(n, ""), "") for n in book.exercises]
        writer.writerow([_safe_cell(learner.name), *cells, learner.passed, learner.started, len(book.exercises)])
    passing = [sum(l.statuses.get(n) == "passed" for l in book.learners) for n in book.exercises]
    writer.writerow(["learners passing", *passing, "", "", len(book.learners)])
    return buffer.getvalue()


def _md(text: str) -> str:
    """A learner name in a Markdown cell: as an inline code span, so no markup or HTML acts."""
    flat = " ".join(text.split()).replace("`", "'").replace("|", "\\|")
    return f"`{flat}`"


def to_markdown(book: Gradebook) -> str:
    header = ["learner", *(f"{i}" for i in range(1, len(book.exercises) + 1)), "passed", "started"]
    lines = [
        f"# Gradebook: {len(book.learners)} learners, {len(book.exercises)} exercises",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for learner in book.learners:
        marks = [MARK.get(learner.statuses.get(n, ""), "") for n in book.exercises]
        lines.append(f"| {_md(learner.name)} | " + " | ".join(marks)
                     + f" | {learner.passed}/{len(book.exercises)} | {learner.started} |")
    passing = [str(sum(l.statuses.get(n) == "passed" for l in book.learners)) for n in book.exercises]
    lines.append("| **learners passing** | " + " | ".join(passing) + f" | | {len(book.learners)} learners |")
    lines += ["", "Exercises: " + ", ".join(f"{i} `{n}`" for i, n in enumerate(book.exercises, start=1)) + ".",
              "", "✅ pass · ❌ fail · ⚠️ error · ⏱️ timeout · 💥 crashed · · not started", ""]
    return "\n".join(lines)
