"""Checks exercises: a trusted judge per check, with the learner's code in a confined executor.

``Runner.check`` is what every command uses. With ``warm=True`` (watch mode, verify) it keeps
a worker that has Python, numpy and pytest imported (an exercise's hidden tests from its first
check on) and forks a judge per check; otherwise, or where ``fork`` does not exist, it starts a
fresh judge per check. Both paths run the same judge and produce the same Results.

Nothing here trusts a process to answer: every read has a deadline, a process that misses it is
killed with its group, and the check is run again cold once before it is called ``crashed``.
Every process starts with a neutral working folder and without the current folder on its
import path, so a ``checker/`` folder or a ``random.py`` in the workspace changes nothing.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from checker import protocol
from checker.catalog import Course, Exercise
from checker.channel import Lines, NoAnswer, await_verdict
from checker.files import file_problem
from checker.protocol import JUDGE_ENV, CheckOptions, Message, NoVerdict, Verdict
from checker.result import Result, Status
from checker.sandbox import kill_group
from checker.verdict import classify

__all__ = ["Runner", "CheckOptions", "Cancelled", "FORK_AVAILABLE"]

FORK_AVAILABLE = hasattr(os, "fork") and sys.platform != "win32"
STARTUP_SECONDS = 60.0  # importing numpy and pytest on a slow, loaded machine


class Cancelled(Exception):
    """The check was cancelled because a newer save arrived."""


def python_command(module: str, *args: str) -> list[str]:
    # -P (3.11+): the current folder is not put on the import path. On 3.10 the neutral working
    # folder every process gets does the same job.
    safe = ["-P"] if sys.version_info >= (3, 11) else []
    return [sys.executable, *safe, "-m", module, *args]


def process_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(JUDGE_ENV)
    # The judge imports checker from wherever this process did, installed or not.
    package_parent = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH", "")) if p)
    return env


def _request(course: Course, exercise: Exercise, file: Path, options: CheckOptions, ident: int) -> protocol.CheckRequest:
    return protocol.CheckRequest(
        id=ident, exercise=exercise.name, file=str(file.absolute()), test_file=str(course.test_file(exercise)),
        rootdir=str(course.curriculum_dir), options=options,
    )


def check_cold(course: Course, exercise: Exercise, file: Path, options: CheckOptions, cwd: str) -> Message:
    """One check by a fresh judge process (the path used where fork is unavailable, and the retry)."""
    token = secrets.token_hex(16)
    report_r, report_w = os.pipe()
    proc = subprocess.Popen(
        python_command("checker.judge", str(report_w)),
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        pass_fds=(report_w,), start_new_session=True, env=process_env(), cwd=cwd,
    )
    os.close(report_w)
    executors: list[int] = []
    try:
        assert proc.stdin is not None
        request = _request(course, exercise, file, options, 1)
        proc.stdin.write((token + "\n" + protocol.encode(request, token)).encode())
        proc.stdin.close()
        deadline = time.monotonic() + options.timeout + options.grace + STARTUP_SECONDS
        outcome, executors = await_verdict(Lines(report_r, token), deadline, 1, options.timeout + options.grace)
        return outcome
    except OSError as exc:
        return NoVerdict(1, f"the checking process could not be started ({exc})")
    finally:
        for pid in (proc.pid, *executors):
            kill_group(pid)
        proc.wait()
        os.close(report_r)


class WarmWorker:
    """One worker process, or one slot of it; ``check`` blocks, ``cancel`` may be called from
    another thread. With ``slots`` > 1, ``start`` also makes ``clones``: the other slots, each a
    copy of the worker forked after its start, ready for checks at once."""

    def __init__(self, course: Course, cwd: str, slots: int = 1) -> None:
        self.course = course
        self.cwd = cwd
        self.slots = slots
        self.clones: list[WarmWorker] = []
        self._proc: subprocess.Popen[bytes] | None = None  # only for the process we started
        self._requests: IO[bytes] | None = None
        self._lines: Lines | None = None
        self._pid: int | None = None
        self._token = ""
        self._lock = threading.Lock()
        self._judge_pid: int | None = None
        self._cancelled = False
        self._next_id = 0
        self.failure = ""  # why it could not start, when it could not

    def start(self) -> None:
        self._token = secrets.token_hex(16)
        pipes = [(os.pipe(), os.pipe()) for _ in range(self.slots - 1)]  # (requests, replies) each
        theirs = [(requests[0], replies[1]) for requests, replies in pipes]
        try:
            self._proc = subprocess.Popen(
                python_command("checker.worker", str(self.course.curriculum_dir), str(self.course.curriculum_dir),
                               *(f"{r},{w}" for r, w in theirs)),
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                env=process_env(), cwd=self.cwd, start_new_session=True, pass_fds=[fd for t in theirs for fd in t],
            )
        finally:
            for fd in (fd for pair in theirs for fd in pair):
                os.close(fd)
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._requests, self._pid = self._proc.stdin, self._proc.pid
        self._requests.write((self._token + "\n").encode())
        self._requests.flush()
        self._lines = Lines(self._proc.stdout.fileno(), self._token)
        try:
            self._await_ready()
        except RuntimeError:
            for fd in (fd for requests, replies in pipes for fd in (requests[1], replies[0])):
                os.close(fd)  # the slots' ends: nobody will read or write them now
            raise
        assert self._proc.stderr is not None
        self._proc.stderr.close()
        self.clones = [self._clone(requests[1], replies[0]) for requests, replies in pipes]

    def _clone(self, requests_fd: int, replies_fd: int) -> WarmWorker:
        clone = WarmWorker(self.course, self.cwd)
        clone._token = self._token
        clone._requests = os.fdopen(requests_fd, "wb")
        clone._lines = Lines(replies_fd, self._token)
        try:
            clone._await_ready()
        except RuntimeError as exc:
            clone.failure = str(exc)
            clone.close()  # it starts a worker of its own at its first check
        return clone

    def _await_ready(self) -> None:
        assert self._lines is not None
        try:
            ready = self._lines.next(time.monotonic() + STARTUP_SECONDS)
        except NoAnswer as exc:
            raise RuntimeError(f"it {exc}{self._stderr_tail()}") from None
        match ready:
            case protocol.Ready(pid=pid):
                self._pid = pid
            case protocol.WorkerFailed(error=error):
                raise RuntimeError(error)
            case other:
                raise RuntimeError(f"it sent {type(other).__name__}")

    def _stderr_tail(self) -> str:
        if self._proc is None or self._proc.stderr is None:
            return ""
        kill_group(self._proc.pid)
        text = self._proc.stderr.read().decode("utf-8", "replace").strip().splitlines()
        return f": {text[-1]}" if text else ""

    @property
    def pid(self) -> int | None:
        return self._pid if self._lines is not None else None

    def _alive(self) -> bool:
        if self._proc is not None:
            return self._proc.poll() is None
        return self._lines is not None  # a slot: a stopped one is found at its next check, and closed

    def ensure_started(self) -> bool:
        """Start the worker unless it is running; False (with ``failure`` set) when it cannot."""
        if self._alive():
            return True
        try:
            self.start()
            return True
        except (RuntimeError, OSError, ValueError) as exc:
            self.failure = str(exc)
            self.close()
            return False

    def check(self, exercise: Exercise, file: Path, options: CheckOptions) -> Message:
        """The judge's verdict, or NoVerdict; raises Cancelled, or NoAnswer if the worker failed."""
        self._next_id += 1
        self._cancelled = False
        request = _request(self.course, exercise, file, options, self._next_id)
        assert self._requests is not None and self._lines is not None
        try:
            self._requests.write(protocol.encode(request, self._token).encode())
            self._requests.flush()
            started = self._lines.next(time.monotonic() + options.grace)
            match started:
                case protocol.Collecting(id=ident) if ident == request.id:
                    # It imports this exercise's hidden tests first, which may take as long as a start.
                    started = self._lines.next(time.monotonic() + STARTUP_SECONDS)
            if not isinstance(started, protocol.Started) or started.id != request.id:
                raise NoAnswer(f"answered {type(started).__name__} out of turn")
            with self._lock:
                self._judge_pid = started.judge_pid
                if self._cancelled:
                    kill_group(started.judge_pid)
            # The worker gives its judge timeout + grace; we give the worker as much again.
            answer = self._lines.next(time.monotonic() + options.timeout + 2 * options.grace)
        except (NoAnswer, OSError) as exc:
            if self._judge_pid is not None:
                kill_group(self._judge_pid)  # a judge stopped by a signal dies with its worker
            self.close()  # restarted on the next check
            if self._cancelled:
                raise Cancelled from None
            raise NoAnswer(str(exc)) from None
        finally:
            with self._lock:
                self._judge_pid = None
        if self._cancelled:
            raise Cancelled
        match answer:
            case Verdict(id=ident) | NoVerdict(id=ident) if ident == request.id:
                return answer
            case _:
                self.close()
                raise NoAnswer(f"answered {type(answer).__name__} out of turn")

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._judge_pid is not None:
                kill_group(self._judge_pid)

    def close(self) -> None:
        proc, pid, requests, lines = self._proc, self._pid, self._requests, self._lines
        self._proc = self._pid = self._requests = self._lines = None
        if pid is not None:
            kill_group(pid)
        if proc is not None:
            proc.wait()
        streams = [requests, *((proc.stdout, proc.stderr) if proc else ())]
        for stream in streams:
            if stream:
                try:
                    stream.close()
                except OSError:
                    pass
        if proc is None and lines is not None:
            os.close(lines.fd)


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

    @property
    def cwd(self) -> str:
        """A neutral working folder: nothing in the learner's workspace can be imported by accident."""
        if self._cwd is None or not os.path.isdir(self._cwd):
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
        outcome = self._first_try(worker, exercise, file)
        if isinstance(outcome, NoVerdict) or _spawn_failed(outcome):
            # Whatever went wrong (a stuck or stopped process, no executor), one cold retry.
            outcome = check_cold(self.course, exercise, file, self.options, self.cwd)
        result = classify(outcome, exercise.name, str(file), time.monotonic() - start)
        self._note_isolation(result)
        return result

    def _first_try(self, worker: WarmWorker | None, exercise: Exercise, file: Path) -> Message:
        if worker is None or not worker.ensure_started():
            if worker is not None:
                self._went_cold(worker.failure)
            return check_cold(self.course, exercise, file, self.options, self.cwd)
        try:
            return worker.check(exercise, file, self.options)
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
        if self._cwd is not None:
            shutil.rmtree(self._cwd, ignore_errors=True)
            self._cwd = None


def _spawn_failed(outcome: Message) -> bool:
    return isinstance(outcome, Verdict) and bool(outcome.report.get("spawn_failed"))

