"""Turns what the parent observed of a child into a Result, in the learner's terms.

Pass is a positive report: only a readable report in which every hidden test ran and
passed counts. An exit code, a missing report or a partial one never does.
"""

from __future__ import annotations

import signal
from typing import Any

from checker.child import NOT_DONE_MARKER
from checker.result import Result, Status, TestResult
from checker.supervise import ChildRun

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


def decode_output(data: bytes) -> str:
    return data.decode("utf-8", errors="backslashreplace")


def classify(run: ChildRun, exercise: str, file: str, timeout: float, expected: int | None = None) -> Result:
    result = Result(
        exercise=exercise,
        file=file,
        status=Status.CRASHED,
        summary="",
        output=decode_output(run.output),
        output_truncated=run.output_bytes > len(run.output),
        duration=run.duration,
    )
    if run.timed_out or (hasattr(signal, "SIGXCPU") and run.exit_code == -signal.SIGXCPU):
        result.status = Status.TIMEOUT
        result.summary = (
            f"Your code was still running after {timeout:g} s, so the check was stopped. "
            "Look for a loop that never ends (a while loop whose condition never changes)."
        )
        return result
    if run.report is None:
        return _no_report(result, run)
    return _from_report(result, run.report, expected)


def _no_report(result: Result, run: ChildRun) -> Result:
    code = run.exit_code
    if code is not None and code < 0:
        what = _SIGNALS.get(-code, f"was stopped by signal {-code}")
        result.summary = f"The checking process {what} while running your code."
    elif run.report_problem:
        result.summary = f"The checking process ended without a valid report ({run.report_problem})."
    else:
        result.summary = (
            f"The checking process ended (exit code {code}) before the checks finished. "
            "Does your code call sys.exit() or os._exit()? An exercise only passes when every check runs."
        )
    return result


def _from_report(result: Result, report: dict[str, Any], expected: int | None) -> Result:
    digest = report.get("source_sha256")
    result.source_sha256 = digest if isinstance(digest, str) else None
    if report.get("internal_error"):
        result.status = Status.ERROR
        result.summary = "The hidden tests for this exercise could not run: this is a problem in the course, not in your code."
        result.detail = str(report["internal_error"])
        return result
    load = report.get("load") or {}
    if load.get("status") == "error":
        result.status = Status.ERROR
        result.summary = str(load.get("message", "Your file could not be loaded."))
        result.detail = str(load.get("detail", ""))
        result.line = load.get("line")
        return result
    if load.get("status") == "not_started":
        result.status = Status.NOT_STARTED
        result.summary = "Not started yet: your file still raises NotImplementedError."
        return result
    result.tests = [_test(t) for t in report["tests"]]
    if report.get("aborted"):
        result.status = Status.FAILED
        result.summary = str(report["aborted"])
        return result
    return _from_tests(result, expected if expected is not None else int(report.get("collected", 0)), bool(load.get("marker")))


def _test(raw: Any) -> TestResult:
    if not isinstance(raw, dict):
        return TestResult(name="?", outcome="failed", message="unreadable test report")
    line = raw.get("line")
    return TestResult(
        name=str(raw.get("name", "?")),
        outcome=str(raw.get("outcome", "failed")),
        message=str(raw.get("message", "")),
        traceback=str(raw.get("traceback", "")),
        line=line if isinstance(line, int) else None,
    )


def _from_tests(result: Result, expected: int, marker: bool) -> Result:
    tests = result.tests
    passed = sum(t.outcome == "passed" for t in tests)
    not_started = sum(t.outcome == "not_started" for t in tests)
    failed = len(tests) - passed - not_started
    first = result.first_failure
    if first is not None and first.line is not None:
        result.line = first.line
    if marker:
        result.status = Status.NOT_STARTED
        state = "All checks pass." if failed == 0 and not_started == 0 and tests else f"{failed + not_started} of {len(tests)} checks do not pass yet."
        result.summary = f"{state} Delete the line `{NOT_DONE_MARKER}` when you are done."
        return result
    if failed == 0 and not_started and passed == 0:
        result.status = Status.NOT_STARTED
        result.summary = first.message if first else "Not started yet."
        return result
    if failed or not_started:
        result.status = Status.FAILED
        result.summary = f"{failed + not_started} of {len(tests)} checks failed." if len(tests) > 1 else "The check failed."
        return result
    if expected <= 0 or len(tests) != expected or passed != expected:
        result.summary = f"Only {len(tests)} of {expected} checks reported; an exercise passes only when all of them run."
        return result
    result.status = Status.PASSED
    result.summary = f"All {expected} checks pass." if expected > 1 else "The check passes."
    return result
