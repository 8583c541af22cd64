"""From Results to report Entries: relative paths, the line to point at, absolute paths scrubbed."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Sequence

from checker.catalog import PACKAGE_DIR, Course, Exercise, Workspace
from checker.locate import pointer_line, read_source
from checker.report import Entry
from checker.result import Result, TestResult

RAW_CAP = 64 * 1024  # what one string may keep before a report caps it further


def display_dir(exercises_dir: Path, cwd: Path | None = None) -> str:
    """The exercises folder as reports name it: relative to where verify runs, never absolute."""
    here = (cwd or Path.cwd()).resolve()
    folder = exercises_dir.resolve()
    try:
        return folder.relative_to(here).as_posix() or "."
    except ValueError:
        return folder.name  # outside the working folder: its name is all a reader needs


class Scrubber:
    """Replaces absolute paths (the workspace, the package, the home folder) in learner-facing text."""

    def __init__(self, workspace: Workspace, cwd: Path | None = None) -> None:
        shown = display_dir(workspace.exercises_dir, cwd)
        pairs = {
            str(workspace.exercises_dir.resolve()): shown,
            str(workspace.exercises_dir.absolute()): shown,
            str(PACKAGE_DIR): "<rlcheck>",
            str((cwd or Path.cwd()).resolve()): ".",
            os.path.expanduser("~"): "~",
        }
        # Longest first, so a folder inside another is replaced before its parent.
        self.pairs = sorted(((k, v) for k, v in pairs.items() if len(k) > 1), key=lambda kv: -len(kv[0]))

    def text(self, value: str) -> str:
        value = value[:RAW_CAP]
        for old, new in self.pairs:
            if old in value:
                value = value.replace(old, new)
        return value

    def test(self, test: TestResult) -> TestResult:
        calls = [dataclasses.replace(c, what=self.text(c.what), output=self.text(c.output)) for c in test.calls]
        return dataclasses.replace(test, name=self.text(test.name), message=self.text(test.message),
                                   traceback=self.text(test.traceback), test_code=self.text(test.test_code),
                                   calls=calls)

    def result(self, result: Result) -> Result:
        return dataclasses.replace(
            result, summary=self.text(result.summary), detail=self.text(result.detail),
            output=self.text(result.output), tests=[self.test(t) for t in result.tests],
        )


def build_entries(course: Course, workspace: Workspace, exercises: Sequence[Exercise],
                  results: Sequence[Result], cwd: Path | None = None) -> list[Entry]:
    scrub = Scrubber(workspace, cwd)
    shown = display_dir(workspace.exercises_dir, cwd)
    entries = []
    for exercise, result in zip(exercises, results):
        line = None
        if not result.passed:
            source = read_source(workspace.file(exercise), result.source_sha256)
            line = pointer_line(result, source)
        path = exercise.path if shown == "." else f"{shown}/{exercise.path}"
        entries.append(Entry(scrub.result(result), exercise.topic, path, number=course.index(exercise) + 1,
                             kind=exercise.kind, line=line))
    return entries

