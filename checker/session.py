"""One check's conversation with the learner's code, as the judge holds it.

Loads the learner's source into an executor, answers the ``learner`` proxy's reads and calls,
keeps the exercise's time budget and each call's limit, records what every call printed, and
starts a fresh executor when one had to be stopped, so one endless loop costs one time limit
and the other checks still run.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass, field
from typing import Any, Callable

from checker import wire
from checker.api import MissingName
from checker.executors import ExecutorGone, ExecutorTimedOut, Executor, Limits, Spawner
from checker.learner import (
    CallTimedOut, CodeEnded, LearnerError, LearnerFunction, LearnerNotImplemented, LearnerWarning, realify,
    write_back,
)
from checker.result import CallRecord

MAX_RESTARTS = 3
LOADING = "loading your file"

_SIGNALS = {
    signal.SIGSEGV: "crashed with a segmentation fault",
    signal.SIGABRT: "aborted",
    signal.SIGBUS: "crashed with a bus error",
    signal.SIGFPE: "crashed with a floating-point exception",
    signal.SIGKILL: "was killed (often: it ran out of memory)",
}
for _name, _text in (("SIGXCPU", "used up its CPU time limit"), ("SIGXFSZ", "wrote a file over the size limit")):
    if hasattr(signal, _name):
        _SIGNALS[getattr(signal, _name)] = _text


def ended_how(exit_code: int | None) -> str:
    """How a process ended, in a learner's words."""
    if exit_code is None:
        return "ended"
    if exit_code < 0:
        return _SIGNALS.get(-exit_code, f"was stopped by signal {-exit_code}")
    return f"ended with exit code {exit_code} (does your code call sys.exit() or os._exit()?)"


@dataclass(frozen=True)
class SessionLimits:
    budget: float  # seconds of the learner's code for the whole exercise
    call_timeout: float  # one call, unless the test says otherwise
    load_timeout: float  # running the file's top level
    memory_mb: int
    output_cap: int
    landlock: bool

    @classmethod
    def from_options(cls, options: Any) -> SessionLimits:
        return cls(budget=options.timeout, call_timeout=min(options.call_timeout, options.timeout),
                   load_timeout=options.load_timeout, memory_mb=options.memory_mb,
                   output_cap=options.output_cap, landlock=options.landlock)

    def executor_limits(self) -> Limits:
        return Limits(self.memory_mb, self.budget, self.landlock)


@dataclass
class LoadOutcome:
    status: str  # ok | error | not_started | timeout | crashed
    message: str = ""
    detail: str = ""
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "message": self.message, "detail": self.detail, "line": self.line}


class SpawnFailed(Exception):
    """No executor could be started: a problem of this machine, not of the learner's code."""


@dataclass
class ExecutorSession:
    spawner: Spawner
    filename: str
    source: bytes
    limits: SessionLimits
    on_executor: Callable[[int], None] = lambda pid: None
    calls: list[CallRecord] = field(default_factory=list)  # of the current test
    output: bytearray = field(default_factory=bytearray)  # everything kept, in order
    output_seen: int = 0
    load_output: str = ""  # printed by the file's top level
    isolation: str = ""
    spent: float = 0.0
    _executor: Executor | None = None
    _generation: int = 0
    _restarts: int = 0
    _timed_out: set[str] = field(default_factory=set)

    # -------------------------------------------------------------- lifecycle

    def start(self) -> LoadOutcome:
        """Start an executor and run the learner's file in it."""
        executor = self._spawn()
        limit = self._limit(self.limits.load_timeout)
        try:
            reply, _, out, took = executor.request({"op": "load"}, [self.source], limit)
        except ExecutorTimedOut as exc:
            self._account(LOADING, exc.output, exc.took, record=False)
            return LoadOutcome("timeout", f"Your file was still running after {limit:g} s "
                                          "while loading, so it was stopped. Look for a loop at the top level of "
                                          "your file that never ends.")
        except ExecutorGone as exc:
            self._account(LOADING, exc.output, exc.took, record=False)
            return LoadOutcome("crashed", f"The process running your file {ended_how(exc.exit_code)} while loading it.")
        self._account(LOADING, out, took, record=False)
        return _load_outcome(reply)

    def _spawn(self) -> Executor:
        room = self.limits.output_cap - len(self.output)
        try:
            executor = self.spawner.spawn(self.filename, self.limits.executor_limits(), room)
        except (ExecutorGone, OSError) as exc:
            raise SpawnFailed(str(exc)) from None
        self._executor = executor
        self._generation += 1
        self.isolation = executor.isolation
        self.on_executor(executor.pid)
        return executor

    def _revive(self, what: str) -> Executor:
        """A fresh executor with the file loaded again, after the last one had to be stopped."""
        if self._executor is not None and self._executor.alive:
            return self._executor
        if self._restarts >= MAX_RESTARTS:
            raise CodeEnded(f"{what}\n  not run: your code had to be stopped {MAX_RESTARTS} times already.")
        self._restarts += 1
        self.close()
        outcome = self.start()
        if outcome.status != "ok" or self._executor is None:
            raise CodeEnded(f"{what}\n  not run: your file could not be loaded again ({outcome.message}).")
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.close()

    @property
    def remaining(self) -> float:
        return self.limits.budget - self.spent

    def _limit(self, wanted: float) -> float:
        return max(min(wanted, self.remaining), 0.0)

    # -------------------------------------------------------------- per test

    def begin_test(self) -> None:
        self.calls = []

    def take_calls(self) -> list[CallRecord]:
        calls, self.calls = self.calls, []
        return calls

    def _account(self, what: str, out: Any, took: float, record: bool = True) -> None:
        self.spent += took
        text = out.text.decode("utf-8", errors="backslashreplace")
        if what == LOADING:
            self.load_output += text
        self.output += out.text
        self.output_seen += out.seen
        if record:
            self.calls.append(CallRecord(what=what, output=text, output_truncated=out.truncated, duration=took))

    # -------------------------------------------------------------- the proxy's requests

    def get(self, name: str) -> Any:
        executor = self._revive(name)
        reply, blobs = self._ask(executor, {"op": "get", "name": name}, [], name, self.limits.call_timeout,
                                 record=False)
        match reply.get("op"):
            case "value":
                value = self._value(reply["value"], blobs, name)
                if not isinstance(value, LearnerFunction):
                    self.calls.append(CallRecord(what=name))
                return value
            case "missing":
                raise MissingName(name)
            case _:
                return self._unexpected(reply, name)

    def call(self, function: LearnerFunction, args: tuple[Any, ...], kwargs: dict[str, Any], what: str,
             timeout: float | None, repeat: int | None = None) -> Any:
        name = function.__name__
        if name in self._timed_out:
            raise CallTimedOut(f"{what}\n  not run: `{name}` already ran past the time limit in an earlier check.")
        executor = self._revive(what)
        original = function
        if function.generation != self._generation:
            function = self.get(name)  # the executor was replaced: find the function again by name
        encoder = wire.Encoder()
        header = {"op": "call", "handle": function.ref.handle, "args": encoder.encode(list(args)),
                  "kwargs": encoder.encode(kwargs), "repeat": repeat}
        try:
            reply, blobs = self._ask(executor, header, encoder.blobs, what, timeout or self.limits.call_timeout)
        except CallTimedOut:
            self._timed_out.add(name)
            raise
        match reply.get("op"):
            case "returned":
                original.last_warnings = function.last_warnings = _warnings(reply.get("warnings"))
                return self._returned(reply, blobs, args, kwargs, what)
            case _:
                return self._unexpected(reply, what)

    def _ask(self, executor: Executor, header: dict[str, Any], blobs: list[bytes], what: str, wanted: float,
             record: bool = True) -> tuple[dict[str, Any], list[bytes]]:
        limit = self._limit(wanted)
        if limit <= 0:
            raise CallTimedOut(f"{what}\n  not run: the time for this exercise ({self.limits.budget:g} s) ran out.")
        try:
            reply, reply_blobs, out, took = executor.request(header, blobs, limit)
        except ExecutorTimedOut as exc:
            self._account(what, exc.output, exc.took, record)
            within = f"within {limit:g} s" if limit >= wanted else \
                f"before the time for this exercise ({self.limits.budget:g} s) ran out"
            raise CallTimedOut(f"{what}\n  did not return {within}, so it was stopped: "
                               "it looks like the loop never stops.") from None
        except ExecutorGone as exc:
            self._account(what, exc.output, exc.took, record)
            raise CodeEnded(f"{what}\n  the process running your code {ended_how(exc.exit_code)} during this call.") from None
        self._account(what, out, took, record)
        if reply.get("op") == "raised":
            raise _learner_error(reply.get("raised"))
        return reply, reply_blobs

    def _returned(self, reply: dict[str, Any], blobs: list[bytes], args: tuple[Any, ...], kwargs: dict[str, Any],
                  what: str) -> Any:
        changed = reply.get("args") or {}
        for index, data in changed.items():
            if index.isdigit() and int(index) < len(args):
                write_back(args[int(index)], self._value(data, blobs, what))
        for key, data in (reply.get("kwargs") or {}).items():
            if key in kwargs:
                write_back(kwargs[key], self._value(data, blobs, what))
        value = reply.get("value")
        if isinstance(value, dict) and set(value) == {"$arg"}:
            index = value["$arg"]
            if type(index) is int and 0 <= index < len(args):
                return args[index]  # the learner returned the very object passed in
            raise CodeEnded(f"{what}\n  the process running your code sent a malformed answer.")
        return self._value(value, blobs, what)

    def _value(self, data: Any, blobs: list[bytes], what: str) -> Any:
        try:
            value = wire.decode(data, blobs)
        except wire.WireError as exc:
            raise CodeEnded(f"{what}\n  the process running your code sent an answer that cannot be read ({exc}).") from None
        return realify(self._functions(value), what)

    def _functions(self, value: Any) -> Any:
        if isinstance(value, wire.FunctionRef):
            return LearnerFunction(self, value, self._generation)
        if isinstance(value, list):
            return [self._functions(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self._functions(v) for v in value)
        if isinstance(value, dict):
            return {k: self._functions(v) for k, v in value.items()}
        return value

    def _unexpected(self, reply: dict[str, Any], what: str) -> Any:
        if self._executor is not None:
            self._executor.stop()
        raise CodeEnded(f"{what}\n  the process running your code answered something unexpected "
                        f"({str(reply.get('message') or reply.get('op'))[:200]}).")


def _warnings(raw: Any) -> list[LearnerWarning]:
    found = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, list) and len(item) == 3 and isinstance(item[0], list):
            line = item[2] if type(item[2]) is int else None
            found.append(LearnerWarning(tuple(str(k) for k in item[0]), str(item[1]), line))
    return found


def _learner_error(raised: Any) -> LearnerError:
    raised = raised if isinstance(raised, dict) else {}
    return (LearnerNotImplemented if raised.get("not_implemented") is True else LearnerError)(raised)


def _load_outcome(reply: dict[str, Any]) -> LoadOutcome:
    match reply.get("op"):
        case "loaded":
            return LoadOutcome("ok")
        case "load_failed" if reply.get("kind") == "raised":
            error = _learner_error(reply.get("raised"))
            if isinstance(error, LearnerNotImplemented):
                return LoadOutcome("not_started")
            if error.type_name == "SystemExit":
                message = f"Your file called sys.exit({error.exit_code}) while loading."
            elif error.type_name in ("ImportError", "ModuleNotFoundError"):
                message = f"Your file failed to import: {error.text}"
            else:
                message = f"Your file raised {error.type_name} while loading: {error.text}"
            return LoadOutcome("error", message, error.learner_traceback, error.line)
        case "load_failed":
            line = reply.get("line")
            return LoadOutcome("error", str(reply.get("message", "Your file could not be loaded.")),
                               str(reply.get("detail", "")), line if type(line) is int else None)
        case _:
            return LoadOutcome("crashed", "The process running your file answered something unexpected while loading it.")
