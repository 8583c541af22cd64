"""The command's side of a warm worker (``checker.worker``): starts it, sends it one check at a
time, and stops it. Nothing here trusts the worker to answer: every read has a deadline, and a
worker that misses one is killed with its group (the runner then retries the check cold)."""

from __future__ import annotations

import os
import secrets
import subprocess
import threading
import time
from pathlib import Path
from typing import IO

from checker import protocol
from checker.catalog import Course, Exercise
from checker.channel import Lines, NoAnswer
from checker.launch import STARTUP_SECONDS, make_request, process_env, python_command
from checker.protocol import CheckOptions, Message, NoVerdict, Verdict
from checker.sandbox import kill_group


class Cancelled(Exception):
    """The check was cancelled because a newer save arrived."""


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

    def check(self, exercise: Exercise, file: Path, options: CheckOptions, scratch: str = "") -> Message:
        """The judge's verdict, or NoVerdict; raises Cancelled, or NoAnswer if the worker failed.
        The executors' folders are made in ``scratch`` (default: the system's temporary folder)."""
        self._next_id += 1
        self._cancelled = False
        request = make_request(self.course, exercise, file, options, self._next_id, scratch)
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
