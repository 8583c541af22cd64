"""``rlcheck dev check``: prove the course is sound.

Every solution passes, every untouched stub reports not started, and the manifest, the
stubs, the solutions and the hidden tests agree file for file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from checker.catalog import Course
from checker.result import Result, Status
from checker.runner import Runner


@dataclass(frozen=True)
class Problem:
    where: str
    what: str


def layout_problems(course: Course, stubs: Path, solutions: Path) -> Iterator[Problem]:
    listed = {e.path for e in course.exercises}
    for exercise in course.exercises:
        if not (stubs / exercise.path).is_file():
            yield Problem(exercise.name, f"stub missing: {stubs / exercise.path}")
        if not (solutions / exercise.path).is_file():
            yield Problem(exercise.name, f"solution missing: {solutions / exercise.path}")
        if not course.test_file(exercise).is_file():
            yield Problem(exercise.name, f"hidden tests missing: {course.test_file(exercise)}")
    for folder, label in ((stubs, "stub"), (solutions, "solution")):
        for path in sorted(folder.rglob("*.py")):
            relative = path.relative_to(folder).as_posix()
            if relative not in listed and "__pycache__" not in relative:
                yield Problem(relative, f"{label} file not in the manifest")
    known = {f"{e.test_module}.py" for e in course.exercises}
    for path in sorted(course.curriculum_dir.glob("test_*.py")):
        if path.name not in known:
            yield Problem(path.name, "hidden tests for an exercise the manifest does not list")


def run_problems(results: list[Result], expected: Status, label: str) -> Iterator[Problem]:
    for result in results:
        if result.status is not expected:
            yield Problem(result.exercise, f"{label} is {result.status.label}, expected {expected.label}: {result.summary}")


def check_course(course: Course, runner: Runner) -> tuple[list[Problem], int]:
    """All problems found, and how many checks ran."""
    if course.stubs_dir is None or course.solutions_dir is None:
        return [Problem("course", "the stubs and solutions are not installed with this package")], 0
    stubs, solutions = course.stubs_dir, course.solutions_dir
    problems = list(layout_problems(course, stubs, solutions))
    pairs = [(e, solutions / e.path) for e in course.exercises] + [(e, stubs / e.path) for e in course.exercises]
    results = list(runner.check_many(pairs))
    half = len(course.exercises)
    problems += run_problems(results[:half], Status.PASSED, "the solution")
    problems += run_problems(results[half:], Status.NOT_STARTED, "the untouched stub")
    return problems, len(results)
