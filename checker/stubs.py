"""Where an exercise's untouched stub and its reference solution come from.

An installed package carries both. In a clone of the course repository the learner edits
the shipped stubs in place, so the untouched version is the one git first recorded.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from checker.catalog import Course, Exercise, Workspace


class StubUnavailable(Exception):
    pass


def _same_dir(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _from_git(file: Path) -> bytes | None:
    folder = file.parent if file.parent.is_dir() else file.parent.parent
    try:
        first = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=%H", "--", file.name],
            cwd=folder, capture_output=True, text=True, check=True, timeout=10,
        ).stdout.split()
        if not first:
            return None
        prefix = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], cwd=folder, capture_output=True, text=True, check=True, timeout=10
        ).stdout.strip()
        return subprocess.run(
            ["git", "show", f"{first[-1]}:{prefix}{file.name}"],
            cwd=folder, capture_output=True, check=True, timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def original_stub(course: Course, workspace: Workspace, exercise: Exercise) -> bytes:
    shipped = course.stubs_dir
    if shipped is not None and not _same_dir(shipped, workspace.exercises_dir):
        candidate = shipped / exercise.path
        if candidate.is_file():
            return candidate.read_bytes()
    recorded = _from_git(workspace.file(exercise))
    if recorded is not None:
        return recorded
    raise StubUnavailable(
        f"The original of {exercise.path} cannot be found: it is neither in the installed package "
        "nor in this folder's git history."
    )


def reference_solution(course: Course, exercise: Exercise) -> Path | None:
    folder = course.solutions_dir
    if folder is None:
        return None
    path = folder / exercise.path
    return path if path.is_file() else None
