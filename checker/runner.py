"""Checks exercises, each in its own process: a fork of the warm worker, or a fresh process.

``Runner.check`` is what every command uses. With ``warm=True`` (watch mode, verify) it keeps
a worker that has Python, numpy, pytest and every hidden test imported and forks a child per
check; otherwise, or where ``fork`` does not exist, it starts a fresh process per check. Both
paths run the same child code and produce the same Results.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from checker.catalog import Course, Exercise
from checker.child import CHILD_ENV
from checker.limits import DEFAULT_MEMORY_MB
from checker.result import Result, Status
from checker.supervise import ChildRun, kill_group, supervise
from checker.verdict import classify

FORK_AVAILABLE = hasattr(os, "fork") and sys.platform != "win32"


@dataclass(frozen=True)
class CheckOptions:
    timeout: float = 10.0
    memory_mb: int = DEFAULT_MEMORY_MB
    output_cap: int = 64 * 1024


class Cancelled(Exception):
    """The check was cancelled because a newer save arrived."""


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(CHILD_ENV)
    env["PYTHONUNBUFFERED"] = "1"
    # The child imports checker from wherever this process did, installed or not.
    package_parent = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH", "")) if p)
    return env


def _request(course: Course, exercise: Exercise, file: Path, options: CheckOptions, ident: int = 0) -> dict[str, Any]:
    return {
        "id": ident,
        "exercise": exercise.name,
        "file": str(file.resolve()),
        "test_file": str(course.test_file(exercise)),
        "rootdir": str(course.curriculum_dir.parent.parent),
        "timeout": options.timeout,
        "output_cap": options.output_cap,
        "limits": {"memory_mb": options.memory_mb, "cpu_seconds": options.timeout},
    }


def check_cold(course: Course, exercise: Exercise, file: Path, options: CheckOptions) -> Result:
    """One check in a fresh Python process (the path used where fork is unavailable)."""
    request = _request(course, exercise, file, options)
    report_r, report_w = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker.child", json.dumps(request), str(report_w)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        pass_fds=(report_w,),
        start_new_session=True,
        env=_child_env(),
        cwd=str(file.parent) if file.parent.is_dir() else None,
    )
    os.close(report_w)
    assert proc.stdout is not None
    out_fd = os.dup(proc.stdout.fileno())
    proc.stdout.close()
    # Start-up (Python, numpy, pytest) is not the learner's time: the clock starts at their code.
    run = supervise(proc.pid, out_fd, report_r, options.timeout, options.output_cap, startup=60.0)
    proc.returncode = run.exit_code  # supervise reaped it
    return classify(run, exercise.name, str(file), options.timeout)


class WarmWorker:
    """One worker process; ``check`` blocks, ``cancel`` may be called from another thread."""

    def __init__(self, course: Course) -> None:
        self.course = course
        self._proc: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self._child_pid: int | None = None
        self._cancelled = False
        self._next_id = 0

    def start(self) -> None:
        rootdir = str(self.course.curriculum_dir.parent.parent)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "checker.worker", rootdir, str(self.course.curriculum_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=_child_env(),
            start_new_session=True,
        )
        try:
            ready = self._read()
        except BrokenPipeError:
            ready = {"error": "it exited during start-up"}
        if ready.get("event") != "ready":
            raise RuntimeError(f"the warm worker did not start: {ready.get('error', ready)}")

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def _alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _read(self) -> dict[str, Any]:
        assert self._proc is not None and self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            raise BrokenPipeError("the warm worker exited")
        return json.loads(line)

    def ensure_started(self) -> bool:
        """Start the worker unless it is running; False when it cannot start."""
        if self._alive():
            return True
        try:
            self.start()
            return True
        except (RuntimeError, OSError, ValueError):
            self.close()  # a worker that cannot start must not stop the check: it goes cold
            return False

    def check(self, exercise: Exercise, file: Path, options: CheckOptions) -> Result:
        if not self.ensure_started():
            return check_cold(self.course, exercise, file, options)
        self._next_id += 1
        self._cancelled = False
        request = _request(self.course, exercise, file, options, self._next_id)
        assert self._proc is not None and self._proc.stdin is not None
        child: int | None = None
        try:
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
            child = self._read()["pid"]
            with self._lock:
                self._child_pid = child
                if self._cancelled:
                    kill_group(child)
            done = self._read()
        except (BrokenPipeError, OSError, ValueError):
            # The worker died mid-check (perhaps killed by the learner's code): its forked child
            # would otherwise outlive it, orphaned, with nobody enforcing the time limit.
            if child is not None:
                kill_group(child)
            self.close()  # restarted on the next check
            if self._cancelled:
                raise Cancelled from None
            return check_cold(self.course, exercise, file, options)
        finally:
            with self._lock:
                self._child_pid = None
        if self._cancelled:
            raise Cancelled
        run = ChildRun.from_wire(done["run"])
        return classify(run, exercise.name, str(file), options.timeout, expected=done["expected"])

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._child_pid is not None:
                kill_group(self._child_pid)

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        kill_group(proc.pid)
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream:
                try:
                    stream.close()
                except OSError:
                    pass


class Runner:
    """Checks exercises; warm where that pays and fork exists, cold otherwise."""

    def __init__(self, course: Course, options: CheckOptions | None = None, warm: bool = False) -> None:
        self.course = course
        self.options = options or CheckOptions()
        self.warm = warm and FORK_AVAILABLE
        self._worker: WarmWorker | None = None

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the warm worker ahead of the first check, so that check does not wait for it."""
        if self.warm:
            if self._worker is None:
                self._worker = WarmWorker(self.course)
            self._worker.ensure_started()

    def check(self, exercise: Exercise, file: Path) -> Result:
        missing = _missing_file(exercise, file)
        if missing:
            return missing
        if self.warm:
            self.start()
            assert self._worker is not None
            return self._worker.check(exercise, file, self.options)
        return check_cold(self.course, exercise, file, self.options)

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def check_many(self, pairs: Iterable[tuple[Exercise, Path]], jobs: int | None = None) -> Iterator[Result]:
        """Check several exercises concurrently; results come back in the given order."""
        pairs = list(pairs)
        jobs = max(1, min(jobs or os.cpu_count() or 1, len(pairs) or 1))
        local = threading.local()
        workers: list[WarmWorker] = []
        lock = threading.Lock()

        def one(pair: tuple[Exercise, Path]) -> Result:
            exercise, file = pair
            missing = _missing_file(exercise, file)
            if missing:
                return missing
            if not self.warm:
                return check_cold(self.course, exercise, file, self.options)
            worker = getattr(local, "worker", None)
            if worker is None:
                worker = local.worker = WarmWorker(self.course)
                with lock:
                    workers.append(worker)
            return worker.check(exercise, file, self.options)

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


def _missing_file(exercise: Exercise, file: Path) -> Result | None:
    if file.is_file():
        return None
    what = "is a folder, not a file" if file.is_dir() else "does not exist"
    return Result(
        exercise=exercise.name,
        file=str(file),
        status=Status.ERROR,
        summary=f"{file.name} {what}. `rlcheck reset {exercise.name}` restores the original.",
    )

