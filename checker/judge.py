"""The judge: a trusted process that holds the hidden tests and decides the verdict.

It reads the learner's file itself (so the hash it reports is of the bytes it checked), has an
executor run it, and runs the exercise's hidden tests with the ``learner`` fixture pointing at
that executor. Expected values, references, comparisons and diagnoses never leave this process.

The same code runs forked from the warm worker and, on the cold path, as
``python -P -m checker.judge`` reading one request on stdin.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from pathlib import Path
from typing import Any, Callable

from checker import protocol
from checker.protocol import JUDGE_ENV, NOT_DONE_MARKER
from checker.api import CheckFailed, NotStarted
from checker.learner import CallTimedOut, CodeEnded, Learner, LearnerError, LearnerNotImplemented
from checker.session import ExecutorSession, SessionLimits, SpawnFailed
from checker.executors import ColdSpawner, Spawner
from checker.files import EXERCISE_CAP, read_capped, why_unreadable
from checker.sandbox import become_subreaper, sweep_children

MAX_SOURCE_BYTES = EXERCISE_CAP

def prepare_environment() -> None:
    os.environ.update(JUDGE_ENV)


UNUSED_PLUGINS = (
    "cacheprovider", "terminal", "unraisableexception", "threadexception", "faulthandler", "logging", "junitxml",
    "pastebin", "stepwise", "warnings", "doctest",
)


def pytest_args(test_files: list[str], rootdir: str) -> list[str]:
    return [
        *test_files,
        "--rootdir", rootdir,
        "-c", os.devnull,  # ignore any pytest config found around the learner's workspace
        # Collection walks down to the test file from the highest folder inside the confcutdir;
        # by default (with -c) every folder above, listing each: all of /tmp for a course there.
        "--confcutdir", rootdir,
        "--noconftest",
        "--capture=no",
        # The hidden tests fail with CheckFailed messages written for learners, so pytest's assert
        # rewriting (an AST pass over every test module at every start) buys nothing.
        "--assert=plain",
        # Plugins that only serve a terminal or a command line: each one blocked is a module fewer
        # to import at every start. Those that give fixtures stay, for any course, and so does
        # `debugging`: unittest.TestCase hidden tests need it.
        *(arg for plugin in UNUSED_PLUGINS for arg in ("-p", f"no:{plugin}")),
        "-W", "default",
    ]


# ------------------------------------------------------------------ reading the learner's file


class SourceProblem(Exception):
    pass


def read_source(path: Path, cap: int = MAX_SOURCE_BYTES, exercise: str = "") -> bytes:
    """The file's bytes, if it is a regular file under the cap; never blocks on a FIFO or device."""
    try:
        return read_capped(path, cap)
    except OSError as exc:
        reset = f" `rlcheck reset {exercise}` restores the original." if exercise else ""
        raise SourceProblem(why_unreadable(path, exc) + reset) from None


def has_marker(source: bytes) -> bool:
    return any(line.strip() == NOT_DONE_MARKER for line in source.decode("utf-8", "replace").splitlines())


# ------------------------------------------------------------------ naming and describing tests


def test_name(item: Any) -> str:
    """The check's name as its author wrote it: the first line of the test's docstring, with
    ``{param}`` filled from its parameters; without a docstring, the function's name made
    readable, followed by the parameter id as written."""
    function = getattr(item, "function", None)
    doc = (getattr(function, "__doc__", None) or "").strip().splitlines()
    callspec = getattr(item, "callspec", None)
    params = dict(callspec.params) if callspec is not None else {}
    if doc:
        try:
            return doc[0].strip().rstrip(".").format(**params)
        except (KeyError, IndexError, ValueError):
            pass
    base = str(getattr(item, "originalname", item.name)).removeprefix("test_").replace("_", " ")
    return f"{base} ({callspec.id})" if callspec is not None else base


def exercise_of(item: Any) -> str:
    """The exercise a collected hidden test belongs to: test_<name>.py checks <name>."""
    return item.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")


def select_items(items: list[Any], exercise: str) -> list[Any]:
    return [i for i in items if exercise_of(i) == exercise]


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:
        return "<exception that cannot be printed>"


def describe_exception(exc: BaseException) -> dict[str, Any]:
    """Outcome, message, the learner's traceback and line for an exception from a test."""
    match exc:
        case NotStarted():
            return {"outcome": "not_started", "message": f"Not started: {_safe_str(exc)}."}
        case LearnerNotImplemented():
            where = f"`{exc.function}`" if exc.function else "Your code"
            return {"outcome": "not_started", "message": f"{where} is not written yet: it still raises NotImplementedError.",
                    "line": exc.line}
        case CallTimedOut():
            return {"outcome": "timeout", "message": _safe_str(exc)}
        case CodeEnded():
            return {"outcome": "crashed", "message": _safe_str(exc)}
        case CheckFailed():
            return {"outcome": "failed", "message": _safe_str(exc)}
        case LearnerError() if exc.type_name == "SystemExit":
            return {"outcome": "failed", "line": exc.line, "traceback": exc.learner_traceback,
                    "message": f"Your code called sys.exit({exc.exit_code}) during the check; a check cannot pass that way."}
        case LearnerError():
            return {"outcome": "failed", "line": exc.line, "traceback": exc.learner_traceback,
                    "message": f"Your code raised {exc.type_name}: {exc.text}"}
        case AssertionError():
            return {"outcome": "failed", "message": _safe_str(exc) or "A check failed."}
        case _:
            return {"outcome": "failed", "message": f"The check could not use what your code returned: "
                                                   f"{type(exc).__name__}: {_safe_str(exc)}"}


# ------------------------------------------------------------------ the pytest side


def plugin_class() -> type:
    import pytest
    from _pytest.reports import TestReport

    class JudgePlugin:
        """Provides the ``learner`` fixture and records each hidden test's outcome."""

        def __init__(self) -> None:
            self.session: ExecutorSession | None = None
            self.records: list[dict[str, Any]] = []
            self.collect_errors: list[str] = []

        @pytest.fixture
        def learner(self) -> Learner:
            assert self.session is not None
            return Learner(self.session)

        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_makereport(self, item, call):  # type: ignore[no-untyped-def]
            # Our own minimal report: pytest's default renders a long failure repr that nobody
            # reads here and that costs more than running the test.
            if call.when == "setup" and call.excinfo is None and self.session is not None:
                self.session.begin_test()
            if call.when == "call" or (call.when == "setup" and call.excinfo is not None):
                self.records.append(self._record(item, call.excinfo.value if call.excinfo else None))
            outcome = "passed" if call.excinfo is None else "failed"
            return TestReport(item.nodeid, item.location, {}, outcome,
                              None if outcome == "passed" else "see rlcheck report", call.when)

        def pytest_collectreport(self, report) -> None:  # type: ignore[no-untyped-def]
            if report.failed:
                self.collect_errors.append(str(report.longrepr))

        def _record(self, item: Any, exc: BaseException | None) -> dict[str, Any]:
            calls = self.session.take_calls() if self.session is not None else []
            record: dict[str, Any] = {"name": test_name(item), "outcome": "passed", "message": "", "traceback": "",
                                      "line": None}
            if exc is not None:
                record.update(describe_exception(exc))
                picture = getattr(exc, "picture", None)
                record["picture"] = picture if isinstance(picture, dict) else None
            record["calls"] = [vars(c) for c in calls]
            record["test_code"] = calls[0].what if calls else ""
            return record

    return JudgePlugin


def judge(plugin: Any, items: list[Any], request: protocol.CheckRequest, spawner: Spawner,
          on_executor: Callable[[int], None]) -> dict[str, Any]:
    """Run the exercise's hidden tests against the learner's file; the report for the verdict."""
    report: dict[str, Any] = {"tests": [], "collected": len(items), "load": None, "internal_error": None}
    if plugin.collect_errors:
        report["internal_error"] = "The hidden tests failed to load:\n" + "\n".join(plugin.collect_errors)
        return report
    try:
        source = read_source(Path(request.file), exercise=request.exercise)
    except SourceProblem as exc:
        report["load"] = {"status": "error", "message": str(exc), "detail": "", "line": None}
        return report
    report["source_sha256"] = hashlib.sha256(source).hexdigest()
    report["marker"] = has_marker(source)
    limits = SessionLimits.from_options(request.options)
    session = ExecutorSession(spawner, request.file, source, limits, on_executor=on_executor)
    try:
        load = session.start()
        report["isolation"] = session.isolation
        report["load"] = load.to_json()
        if load.status == "ok":
            plugin.session = session
            for item in items:
                item.ihook.pytest_runtest_protocol(item=item, nextitem=None)
            report["tests"] = plugin.records
    except SpawnFailed as exc:
        report["internal_error"] = f"The process for your code could not be started: {exc}"
        report["spawn_failed"] = True
    except BaseException as exc:  # a bug in the judge or a hidden test: said, never a pass
        report["internal_error"] = "".join(traceback.format_exception(exc))[-4000:]
    finally:
        session.close()
    report["output"] = bytes(session.output).decode("utf-8", errors="backslashreplace")
    report["output_bytes"] = session.output_seen
    report["output_kept"] = len(session.output)
    report["load_output"] = session.load_output
    return report


# ------------------------------------------------------------------ the cold path


def main() -> None:
    """``python -P -m checker.judge REPORT_FD``: one check, the request and token on stdin."""
    report_fd = int(sys.argv[1])
    token = sys.stdin.readline().strip()
    message = protocol.decode(sys.stdin.readline(), token)
    if not isinstance(message, protocol.CheckRequest):
        raise SystemExit("expected a check request")
    prepare_environment()
    become_subreaper()  # what the learner's code leaves behind becomes ours, and is stopped
    # The executor starts now: numpy imports there while pytest imports here.
    limits = SessionLimits.from_options(message.options)
    spawner = ColdSpawner(prestart=(message.file, limits.executor_limits(), limits.output_cap),
                          folder=message.scratch)
    channel = os.fdopen(report_fd, "w")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    import pytest

    base = plugin_class()

    def emit(event: protocol.Message) -> None:
        channel.write(protocol.encode(event, token))
        channel.flush()

    class OneShot(base):  # type: ignore[misc, valid-type]
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtestloop(self, session) -> bool:  # type: ignore[no-untyped-def]
            items = select_items(session.items, message.exercise)
            report = judge(self, items, message, spawner, lambda pid: emit(protocol.ExecutorStarted(pid)))
            sweep_children()
            emit(protocol.Verdict(message.id, len(items), report))
            os._exit(0)

    pytest.main(pytest_args([message.test_file], message.rootdir), plugins=[OneShot()])
    os._exit(70)  # only reached if pytest never got to the test loop: no report was written


if __name__ == "__main__":
    main()
