"""Turns the judge's report (or its absence) into a Result, in the learner's terms.

Pass is a positive verdict: a report in which the file loaded, every hidden test ran and every
one passed. A missing report, a partial one, or anything the learner's code printed never is.
"""

from __future__ import annotations

from typing import Any

from checker.protocol import NOT_DONE_MARKER, NoVerdict, Verdict
from checker.result import CallRecord, Result, Status, TestResult

_LOAD_STATUS = {"error": Status.ERROR, "not_started": Status.NOT_STARTED, "timeout": Status.TIMEOUT,
                "crashed": Status.CRASHED}
_FIRST_FAILURE_STATUS = {"timeout": Status.TIMEOUT, "crashed": Status.CRASHED}


def classify(outcome: Verdict | NoVerdict, exercise: str, file: str, duration: float = 0.0) -> Result:
    result = Result(exercise=exercise, file=file, status=Status.CRASHED, summary="", duration=duration)
    match outcome:
        case NoVerdict(reason=reason):
            result.summary = f"The check could not finish: {reason}. This is not a verdict on your code; try again."
            return result
        case Verdict(expected=expected, report=report):
            return _from_report(result, report, expected)


def _from_report(result: Result, report: dict[str, Any], expected: int) -> Result:
    result.output = str(report.get("output", ""))
    kept = report.get("output_kept")
    kept = kept if isinstance(kept, int) else len(result.output.encode("utf-8", "replace"))
    result.output_truncated = int(report.get("output_bytes", 0)) > kept
    result.isolation = str(report.get("isolation", ""))
    result.load_output = str(report.get("load_output", ""))
    digest = report.get("source_sha256")
    result.source_sha256 = digest if isinstance(digest, str) else None
    if report.get("internal_error"):
        result.status = Status.ERROR
        result.summary = "The hidden tests for this exercise could not run: this is a problem in the course, not in your code."
        result.detail = str(report["internal_error"])
        return result
    load = report.get("load") or {}
    status = _LOAD_STATUS.get(str(load.get("status")))
    if status is Status.NOT_STARTED:
        result.status = status
        result.summary = "Not started yet: your file still raises NotImplementedError."
        return result
    if status is not None:
        result.status = status
        result.summary = str(load.get("message") or "Your file could not be loaded.")
        result.detail = str(load.get("detail", ""))
        line = load.get("line")
        result.line = line if isinstance(line, int) else None
        return result
    result.tests = [_test(t) for t in report.get("tests", [])]
    return _from_tests(result, expected, bool(report.get("marker")))


def _test(raw: Any) -> TestResult:
    if not isinstance(raw, dict):
        return TestResult(name="?", outcome="failed", message="unreadable test report")
    line = raw.get("line")
    calls = [CallRecord(**c) for c in raw.get("calls", []) if isinstance(c, dict)]
    return TestResult(
        name=str(raw.get("name", "?")),
        outcome=str(raw.get("outcome", "failed")),
        message=str(raw.get("message", "")),
        traceback=str(raw.get("traceback", "")),
        line=line if isinstance(line, int) else None,
        test_code=str(raw.get("test_code", "")),
        calls=calls,
        picture=raw.get("picture") if isinstance(raw.get("picture"), dict) else None,
    )


def _from_tests(result: Result, expected: int, marker: bool) -> Result:
    tests = result.tests
    passed = sum(t.outcome == "passed" for t in tests)
    not_started = sum(t.outcome == "not_started" for t in tests)
    failing = len(tests) - passed
    first = result.first_failure
    if first is not None and first.line is not None:
        result.line = first.line
    if marker:
        result.status = Status.NOT_STARTED
        state = "All checks pass." if failing == 0 and tests else f"{failing} of {len(tests)} checks do not pass yet."
        result.summary = f"{state} Delete the line `{NOT_DONE_MARKER}` when you are done."
        # The marker is a requirement of its own: reports must never read the exercise as passing.
        result.tests.append(TestResult(name=f"the line `{NOT_DONE_MARKER}` is deleted", outcome="not_started",
                                       message=f"Delete the line `{NOT_DONE_MARKER}` when you are done."))
        return result
    if first is not None and not_started == failing:
        result.status = Status.NOT_STARTED if passed == 0 else Status.FAILED
        result.summary = first.message if passed == 0 else f"{failing} of {len(tests)} checks do not pass yet."
        return result
    if first is not None:
        result.status = _FIRST_FAILURE_STATUS.get(first.outcome, Status.FAILED)
        if result.status is Status.FAILED:
            result.summary = f"{failing} of {len(tests)} checks failed." if len(tests) > 1 else "The check failed."
        else:
            result.summary = _stopped_summary(first)
        return result
    if expected <= 0 or len(tests) != expected or passed != expected:
        result.status = Status.CRASHED
        result.summary = f"Only {len(tests)} of {expected} checks reported; an exercise passes only when all of them run."
        return result
    result.status = Status.PASSED
    result.summary = f"All {expected} checks pass." if expected > 1 else "The check passes."
    return result


_STOPPED = ("did not return", "not run:", "the process running your code")


def _stopped_summary(test: TestResult) -> str:
    """One line for a check that was stopped: which function, and what happened to it."""
    # The message is "<the call>\n  <what happened>\n  <why>...", written by the judge's session.
    lines = [line.strip() for line in test.message.split("\n") if line.strip()]
    name = (test.calls[-1].what if test.calls else lines[0] if lines else "your code").split("(")[0]
    happened = next((line for line in lines if line.startswith(_STOPPED)), "was stopped.")
    if happened.startswith("the process running your code"):
        return "The process running your code" + happened.removeprefix("the process running your code").replace(
            "during this call", f"during `{name}`")
    return f"`{name}` {happened}"
