"""The parent's side of one check: wall clock, output cap, report pipe, and the final kill.

Whatever the child does, the parent decides: it reads at most ``output_cap`` bytes of
output (and drains the rest so the child never blocks), stops the clock at ``timeout``,
and kills the child's whole process group, so nothing the learner started outlives the check.
"""

from __future__ import annotations

import os
import selectors
import signal
import time
from dataclasses import asdict, dataclass
from typing import Any

MAX_REPORT_BYTES = 8 * 1024 * 1024
DRAIN_SECONDS = 0.5
# The child sends this byte on the report pipe when the learner's code is about to run: the
# time limit counts from there, so interpreter start-up is never charged to the learner.
STARTED = b"\x01"


@dataclass
class ChildRun:
    """What the parent observed of one child process."""

    report: dict[str, Any] | None
    output: bytes
    output_bytes: int
    exit_code: int | None  # negative: killed by that signal
    timed_out: bool
    duration: float
    report_problem: str = ""

    def to_wire(self) -> dict[str, Any]:
        data = asdict(self)
        data["output"] = self.output.decode("latin-1")
        return data

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> ChildRun:
        data = dict(data)
        data["output"] = data["output"].encode("latin-1")
        return cls(**data)


class _Collector:
    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.chunks: list[bytes] = []
        self.kept = 0
        self.seen = 0

    def add(self, data: bytes) -> None:
        self.seen += len(data)
        room = self.cap - self.kept
        if room > 0:
            self.chunks.append(data[:room])
            self.kept += min(room, len(data))

    def value(self) -> bytes:
        return b"".join(self.chunks)


def _open_pidfd(pid: int) -> int | None:
    opener = getattr(os, "pidfd_open", None)
    if opener is None:
        return None
    try:
        return opener(pid)
    except OSError:
        return None


def kill_group(pid: int) -> None:
    for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            kill()
        except (ProcessLookupError, PermissionError):
            pass


def _reap(pid: int, block: bool) -> int | None:
    try:
        done, status = os.waitpid(pid, 0 if block else os.WNOHANG)
    except ChildProcessError:
        return 0
    if done == 0:
        return None
    return os.waitstatus_to_exitcode(status)


def supervise(
    pid: int, out_fd: int, report_fd: int, timeout: float, output_cap: int, startup: float = 0.0
) -> ChildRun:
    """Watch one child until it exits or its time is up; always reap it and its group.

    ``startup`` is extra time allowed before the child signals that the learner's code starts.
    """
    start = time.monotonic()
    deadline = start + timeout + startup
    started = False
    output, report = _Collector(output_cap), _Collector(MAX_REPORT_BYTES)
    sinks = {out_fd: output, report_fd: report}
    selector = selectors.DefaultSelector()
    for fd in sinks:
        selector.register(fd, selectors.EVENT_READ)
    pidfd = _open_pidfd(pid)
    if pidfd is not None:
        selector.register(pidfd, selectors.EVENT_READ)
    exit_code: int | None = None
    exited = timed_out = False
    try:
        while not exited:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            wait = remaining if pidfd is not None else min(remaining, 0.01)
            for key, _ in selector.select(wait):
                if key.fd == pidfd:
                    exited = True
                    continue
                _read_into(selector, key.fd, sinks[key.fd])
                if not started and key.fd == report_fd and report.seen:
                    started = True
                    deadline = time.monotonic() + timeout
            if pidfd is None and not exited:
                exit_code = _reap(pid, block=False)
                exited = exit_code is not None
        kill_group(pid)  # the child's own children die with the check
        if exit_code is None:
            exit_code = _reap(pid, block=True)
        _drain(selector, sinks, pidfd)
    finally:
        selector.close()
        for fd in (out_fd, report_fd, pidfd):
            if fd is not None:
                os.close(fd)
    raw = report.value()
    if raw.startswith(STARTED):
        raw = raw[len(STARTED):]
    parsed, problem = _parse_report(raw, report.seen - len(report.value()) + len(raw))
    return ChildRun(
        report=None if timed_out else parsed,
        output=output.value(),
        output_bytes=output.seen,
        exit_code=exit_code,
        timed_out=timed_out,
        duration=time.monotonic() - start,
        report_problem=problem,
    )


def _read_into(selector: selectors.BaseSelector, fd: int, sink: _Collector) -> None:
    try:
        data = os.read(fd, 65536)
    except BlockingIOError:
        return
    if data:
        sink.add(data)
    else:
        selector.unregister(fd)


def _drain(selector: selectors.BaseSelector, sinks: dict[int, _Collector], pidfd: int | None) -> None:
    """Read what is left in the pipes; give up if a process that escaped the group holds them."""
    if pidfd is not None:
        selector.unregister(pidfd)
    deadline = time.monotonic() + DRAIN_SECONDS
    while selector.get_map() and time.monotonic() < deadline:
        for key, _ in selector.select(max(deadline - time.monotonic(), 0)):
            _read_into(selector, key.fd, sinks[key.fd])


def _parse_report(data: bytes, seen: int) -> tuple[dict[str, Any] | None, str]:
    import json

    if not data:
        return None, ""
    if seen > len(data):
        return None, "the report was too large"
    try:
        report = json.loads(data)
    except ValueError:
        return None, "the report was not readable"
    if not isinstance(report, dict) or not isinstance(report.get("tests"), list):
        return None, "the report was malformed"
    return report, ""
