"""The learner's session: course, workspace and progress, and the rules that connect them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.catalog import Course, Exercise, Workspace, find_workspace, load_course
from checker.result import Result
from checker.state import Progress, StateStore, file_hash, is_passed
from checker.stubs import reference_solution


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
        store = StateStore(workspace.state_path)
        return cls(course=course, workspace=workspace, store=store, progress=store.load())

    def file(self, exercise: Exercise) -> Path:
        return self.workspace.file(exercise)

    def is_done(self, exercise: Exercise) -> bool:
        return is_passed(self.progress, exercise.name, self.file(exercise))

    def done_count(self) -> int:
        return sum(self.is_done(e) for e in self.course.exercises)

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

    def set_current(self, exercise: Exercise) -> None:
        if self.progress.current != exercise.name:
            self.progress.current = exercise.name
            self.save()

    def record(self, result: Result, exercise: Exercise) -> None:
        """Remember a pass with the file's hash; a later failing edit forgets it."""
        digest = file_hash(self.file(exercise))
        if result.passed and digest:
            self.progress.passed[exercise.name] = digest
        else:
            self.progress.passed.pop(exercise.name, None)
        self.save()

    def next_hint(self, exercise: Exercise) -> int:
        """Index of the hint to show now; each call moves one hint further, stopping at the last."""
        shown = self.progress.hints_shown.get(exercise.name, 0)
        index = min(shown, len(exercise.hints) - 1)
        self.progress.hints_shown[exercise.name] = index + 1
        self.save()
        return index

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

    def save(self) -> bool:
        return self.store.save(self.progress)
