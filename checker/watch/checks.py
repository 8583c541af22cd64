"""The check thread: one job at a time, and a newer job cancels the one running."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from checker.catalog import Exercise
from checker.runner import Cancelled, Runner
from checker.state import file_hash
from checker.watch.events import CheckAllProgress, Checked, CheckedAll, CheckFailed, Post


@dataclass(frozen=True)
class CheckOne:
    exercise: Exercise
    file: Path


@dataclass(frozen=True)
class CheckAll:
    pairs: tuple[tuple[Exercise, Path], ...]


Job = Union[CheckOne, CheckAll]


class CheckThread:
    def __init__(self, runner: Runner, post: Post) -> None:
        self.runner = runner
        self.post = post
        self._cond = threading.Condition()
        self._pending: Job | None = None
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="rlcheck-checks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, job: Job) -> None:
        with self._cond:
            self._pending = job
            if self._busy:
                self.runner.cancel()
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                job, self._pending = self._pending, None
                self._busy = True
            try:
                self._do(job)
            except Cancelled:
                pass
            except Exception as exc:  # the watcher survives anything, its own bugs included
                self.post(CheckFailed(f"rlcheck could not run the check: {exc!r}"))
            finally:
                with self._cond:
                    self._busy = False

    def _do(self, job: Job) -> None:
        match job:
            case CheckOne(exercise, file):
                result = self.runner.check(exercise, file)
                self.post(Checked(exercise.name, result, file_hash(file)))
            case CheckAll(pairs):
                results = []
                for exercise, file in pairs:
                    results.append(self.runner.check(exercise, file))
                    if self._pending is not None:
                        raise Cancelled
                    self.post(CheckAllProgress(len(results), len(pairs)))
                fresh = tuple(r.source_sha256 is not None and r.source_sha256 == file_hash(f)
                              for r, (_, f) in zip(results, pairs))
                self.post(CheckedAll(tuple(results), fresh))
            case _:
                raise TypeError(f"unknown check job {job!r}")

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self.runner.cancel()
            self._cond.notify()
        self._thread.join(timeout=2)
