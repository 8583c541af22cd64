"""The learner's session: course, workspace and progress, and the rules that connect them.

Every change to progress goes through the store's ``update`` (re-read, change, write, under a
lock), so watch mode and the other commands never lose each other's updates; ``progress`` is
this process's latest copy.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

from checker.catalog import Course, Exercise, Workspace, find_workspace, load_course
from checker.result import Result
from checker.state import EXERCISE_CAP, Progress, StateStore, file_hash, is_passed, read_capped
from checker.stubs import reference_solution

T = TypeVar("T")


@dataclass
class App:
    course: Course
    workspace: Workspace
    store: StateStore
    progress: Progress = field(default_factory=Progress)

    @classmethod
    def open(cls, start: Path | None = None) -> App:
        course = load_course()
        workspace = find_workspace(course, start)
        store = StateStore(workspace.state_path, hint_limits={e.name: len(e.hints) for e in course.exercises})
        return cls(course=course, workspace=workspace, store=store, progress=store.load())

    def file(self, exercise: Exercise) -> Path:
        return self.workspace.file(exercise)

    def refresh(self) -> None:
        """Pick up what other commands wrote since."""
        self.progress = self.store.load()

    def is_done(self, exercise: Exercise) -> bool:
        return is_passed(self.progress, exercise.name, self.file(exercise))

    def done_names(self) -> frozenset[str]:
        return frozenset(e.name for e in self.course.exercises if self.is_done(e))

    def done_count(self) -> int:
        return len(self.done_names())

    def next_pending(self, after: Exercise | None = None) -> Exercise | None:
        """The first unfinished exercise after ``after`` (wrapping around), or None if all are done."""
        exercises = self.course.exercises
        start = self.course.index(after) + 1 if after else 0
        for exercise in exercises[start:] + exercises[:start]:
            if not self.is_done(exercise):
                return exercise
        return None

    def current(self) -> Exercise:
        name = self.progress.current
        if name and name in self.course.by_name:
            return self.course.by_name[name]
        return self.next_pending() or self.course.exercises[-1]

    def _update(self, change: Callable[[Progress], T]) -> T:
        self.progress, value = self.store.update(change, self.progress)
        return value

    def set_current(self, exercise: Exercise) -> None:
        if self.progress.current != exercise.name:
            self._update(lambda p: setattr(p, "current", exercise.name))

    def record(self, result: Result, exercise: Exercise) -> None:
        """Remember a pass with the hash of the bytes that were checked; a failing check forgets it.

        A pass for bytes the file no longer holds is not recorded: the file changed during the check.
        """
        checked = result.source_sha256  # only the judge knows which bytes it checked
        on_disk = file_hash(self.file(exercise))
        digest = checked if result.passed and checked and checked == on_disk else None

        def change(progress: Progress) -> None:
            if digest:
                progress.passed[exercise.name] = digest
            elif not result.passed:
                progress.passed.pop(exercise.name, None)

        self._update(change)

    def record_many(self, pairs: list[tuple[Exercise, Result]]) -> None:
        """Record several verdicts in one write (check-all)."""
        verdicts = [(e, r, r.source_sha256 == file_hash(self.file(e))) for e, r in pairs]

        def change(progress: Progress) -> None:
            for exercise, result, fresh in verdicts:
                if result.passed and fresh and result.source_sha256:
                    progress.passed[exercise.name] = result.source_sha256
                elif not result.passed:
                    progress.passed.pop(exercise.name, None)

        self._update(change)

    def forget(self, *exercises: Exercise) -> None:
        """After a reset: neither passed nor any hint taken."""

        def change(progress: Progress) -> None:
            for exercise in exercises:
                progress.passed.pop(exercise.name, None)
                progress.hints_shown.pop(exercise.name, None)

        self._update(change)

    def next_hint(self, exercise: Exercise) -> int:
        """Index of the hint to show now; each call moves one hint further, stopping at the last."""

        if not exercise.hints:
            return -1  # a course may have exercises without hints: nothing to move on to

        def change(progress: Progress) -> int:
            shown = max(0, progress.hints_shown.get(exercise.name, 0))
            index = min(shown, len(exercise.hints) - 1)
            progress.hints_shown[exercise.name] = index + 1
            return index

        return self._update(change)

    def read_text(self, exercise: Exercise) -> str | None:
        """The learner's file as text (capped), or None if it cannot be read."""
        try:
            return read_capped(self.file(exercise), EXERCISE_CAP).decode("utf-8", errors="replace")
        except OSError:
            return None

    def solution_diff(self, exercise: Exercise) -> list[str] | None:
        """The learner's file against the reference as unified diff lines ([] if identical).

        None when the reference solutions are not installed.
        """
        reference = reference_solution(self.course, exercise)
        if reference is None:
            return None
        try:
            theirs = read_capped(reference, EXERCISE_CAP).decode("utf-8", errors="replace")
        except OSError:
            return None
        mine = self.read_text(exercise) or ""
        return list(difflib.unified_diff(mine.splitlines(), theirs.splitlines(), f"your {exercise.path}",
                                         f"reference {exercise.path}", lineterm=""))

    def reveal_solution(self, exercise: Exercise) -> Path | None:
        """In a workspace made by ``rlcheck init``, put the reference beside the learner's work.

        A clone of the course repository already has solutions/ (the same files), so nothing
        is written there.
        """
        source = reference_solution(self.course, exercise)
        target = self.workspace.solutions_dir / exercise.path
        if source is None or self.course.data_dir is None:
            return None
        if self.workspace.root.resolve() == self.course.data_dir.resolve() or target.exists():
            return None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
        except OSError:
            return None
        return target
