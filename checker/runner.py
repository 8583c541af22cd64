"""Checks exercises: a trusted judge per check, with the learner's code in a confined executor.

``Runner.check`` is what every command uses. With ``warm=True`` (watch mode, verify) it keeps
a worker that has Python, numpy and pytest imported (an exercise's hidden tests from its first
check on) and forks a judge per check; otherwise, or where ``fork`` does not exist, it starts a
fresh judge per check. Both paths run the same judge and produce the same Results.

Nothing here trusts a process to answer: every read has a deadline, a process that misses it is
killed with its group, and the check is run again cold once before it is called ``crashed``.
How the processes are started is in ``launch`` (and the cold check), the warm worker's client
in ``warm``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator

from checker.catalog import Course, Exercise
from checker.channel import NoAnswer
from checker.files import file_problem
from checker.launch import check_cold
from checker.protocol import CheckOptions, Message, NoVerdict, Verdict
from checker.result import Result, Status
from checker.scratch import make_check_folder, remove_tree, usable
from checker.verdict import classify
from checker.warm import Cancelled, WarmWorker

__all__ = ["Runner", "CheckOptions", "Cancelled", "FORK_AVAILABLE"]

FORK_AVAILABLE = hasattr(os, "fork") and sys.platform != "win32"


class Runner:
    """Checks exercises; warm where that pays and fork exists, cold otherwise."""

    def __init__(self, course: Course, options: CheckOptions | None = None, warm: bool = False,
                 on_notice: Callable[[str], None] | None = None) -> None:
        self.course = course
        self.options = options or CheckOptions()
        self.warm = warm and FORK_AVAILABLE
        self.on_notice = on_notice
        self.notices: list[str] = []
        self._worker: WarmWorker | None = None
        self._lock = threading.Lock()
        self._cwd: str | None = None
        self._leftovers: list[str] = []  # check folders that could not be removed at once

    @property
    def cwd(self) -> str:
        """A neutral working folder: nothing in the learner's workspace can be imported by accident."""
        with self._lock:  # the threads of check_many ask at once: one folder, not one each
            if self._cwd is None or not usable(self._cwd):
                self._cwd = tempfile.mkdtemp(prefix="rlcheck-")
            return self._cwd

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def notice(self, text: str) -> None:
        """Say something once (a fallback, missing isolation), to whoever listens."""
        with self._lock:
            if text in self.notices:
                return
            self.notices.append(text)
        if self.on_notice is not None:
            self.on_notice(text)

    def start(self) -> None:
        """Start the warm worker ahead of the first check, so that check does not wait for it."""
        if self.warm:
            if self._worker is None:
                self._worker = WarmWorker(self.course, self.cwd)
            if not self._worker.ensure_started():
                self._went_cold(self._worker.failure)

    def _went_cold(self, why: str) -> None:
        self.notice(f"The warm checker could not start ({why}); each check starts a fresh process, "
                    "which is slower.")

    def check(self, exercise: Exercise, file: Path) -> Result:
        worker = None
        if self.warm:
            self.start()
            worker = self._worker
        return self._check_with(worker, exercise, file)

    def _check_with(self, worker: WarmWorker | None, exercise: Exercise, file: Path) -> Result:
        problem = file_problem(file)
        if problem is not None:  # said at once, without starting anything
            return Result(exercise=exercise.name, file=str(file), status=Status.ERROR,
                          summary=f"{problem} `rlcheck reset {exercise.name}` restores the original.")
        start = time.monotonic()
        scratch = self._check_folder()
        try:
            outcome = self._first_try(worker, exercise, file, scratch)
            if isinstance(outcome, NoVerdict) or _spawn_failed(outcome):
                # Whatever went wrong (a stuck or stopped process, no executor), one cold retry.
                outcome = check_cold(self.course, exercise, file, self.options, self.cwd, scratch)
        finally:
            # Removed here whatever became of the check's processes; what cannot go yet (a
            # cancelled check's last process still writing) is tried again at close.
            if scratch and not remove_tree(scratch):
                with self._lock:
                    self._leftovers.append(scratch)
        result = classify(outcome, exercise.name, str(file), time.monotonic() - start)
        self._note_isolation(result)
        return result

    def _check_folder(self) -> str:
        """The folder for one check's processes; "" (their own in the system's) if none can be made."""
        try:
            return make_check_folder()
        except OSError as exc:
            self.notice(f"No folder could be made for the checks ({exc}); a check stopped midway may leave "
                        "its files in the system's temporary folder.")
            return ""

    def _first_try(self, worker: WarmWorker | None, exercise: Exercise, file: Path, scratch: str) -> Message:
        if worker is None or not worker.ensure_started():
            if worker is not None:
                self._went_cold(worker.failure)
            return check_cold(self.course, exercise, file, self.options, self.cwd, scratch)
        try:
            return worker.check(exercise, file, self.options, scratch)
        except NoAnswer as exc:
            return NoVerdict(0, f"the warm checker {exc}")

    def _note_isolation(self, result: Result) -> None:
        if result.isolation.startswith("none"):
            self.notice(f"Your code runs without confinement here: {result.isolation[len('none ('):-1]}.")

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def check_many(self, pairs: Iterable[tuple[Exercise, Path]], jobs: int | None = None) -> Iterator[Result]:
        """Check several exercises concurrently; results come back in the given order."""
        pairs = list(pairs)
        jobs = max(1, min(jobs or os.cpu_count() or 1, len(pairs) or 1))
        local = threading.local()
        workers: list[WarmWorker] = []
        free: list[WarmWorker] = []
        lock = threading.Lock()

        def take_slot() -> WarmWorker:
            # The first thread starts one worker with a slot per thread; the others wait for it
            # (they could do nothing sooner) and take the remaining slots.
            with lock:
                if not workers:
                    first = WarmWorker(self.course, self.cwd, slots=jobs)
                    first.ensure_started()  # if it cannot, each slot says why at its check
                    workers.extend([first, *first.clones])
                    free.extend(workers)
                if not free:  # the first could not start: this thread tries a worker of its own
                    workers.append(WarmWorker(self.course, self.cwd))
                    return workers[-1]
                return free.pop()

        def one(pair: tuple[Exercise, Path]) -> Result:
            exercise, file = pair
            worker = getattr(local, "worker", None)
            if worker is None and self.warm:
                worker = local.worker = take_slot()
            return self._check_with(worker, exercise, file)

        try:
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                yield from pool.map(one, pairs)
        finally:
            for worker in workers:
                worker.close()

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None
        for folder in [*self._leftovers, *([self._cwd] if self._cwd else [])]:
            remove_tree(folder)
        self._leftovers, self._cwd = [], None


def _spawn_failed(outcome: Message) -> bool:
    return isinstance(outcome, Verdict) and bool(outcome.report.get("spawn_failed"))

