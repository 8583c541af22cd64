"""``classify``: the judge's report (or its absence) to a Result, as tables.

Each row is one report and the verdict it must give: status and the learner-facing summary,
word for word. The rule every row leans on: a pass is a positive verdict, a report in which
the file loaded, every hidden test ran and every one of them passed.
"""

from __future__ import annotations

from typing import Any

import pytest

from checker.protocol import NoVerdict, Verdict
from checker.result import Status
from checker.verdict import classify

MARKER = "# I AM NOT DONE"
DIGEST = "ab" * 32


def passed(name: str = "a check") -> dict[str, Any]:
    return {"name": name, "outcome": "passed", "message": "", "calls": [{"what": "f(1)"}], "test_code": "f(1)"}


def failed(message: str = "f(1)\n  expected 1\n  got      2", line: int | None = 7, name: str = "a failing check",
           outcome: str = "failed", calls: list[dict] | None = None) -> dict[str, Any]:
    return {"name": name, "outcome": outcome, "message": message, "line": line,
            "calls": [{"what": "f(1)"}] if calls is None else calls}


def not_started(function: str = "f", line: int | None = 3) -> dict[str, Any]:
    return failed(f"`{function}` is not written yet: it still raises NotImplementedError.", line=line,
                  name=f"{function} not written", outcome="not_started")


def timed_out(call: str = "bellman_iteration([0, 0], [1, 2], P (2x2), 0.9)",
              happened: str = "did not return within 5 s, so it was stopped: it looks like the loop never stops.",
              calls: bool = True) -> dict[str, Any]:
    return failed(f"{call}\n  {happened}", line=None, name="stopped", outcome="timeout",
                  calls=[{"what": call}] if calls else [])


def crashed(call: str = "gae([1, 0], [0.5, 0.2], 0.9, 0.95)",
            happened: str = "the process running your code was stopped by signal 9 (SIGKILL) during this call.",
            calls: bool = True) -> dict[str, Any]:
    return failed(f"{call}\n  {happened}", line=None, name="crashed", outcome="crashed",
                  calls=[{"what": call}] if calls else [])


def report(*tests: dict[str, Any], load: dict[str, Any] | None = None, marker: bool = False,
           **extra: Any) -> dict[str, Any]:
    return {"tests": list(tests), "collected": len(tests), "load": load or {"status": "ok"}, "internal_error": None,
            "marker": marker, "source_sha256": DIGEST, **extra}


def load(status: str, message: str = "", detail: str = "", line: int | None = None) -> dict[str, Any]:
    return {"status": status, "message": message, "detail": detail, "line": line}


NOT_DONE = f"Delete the line `{MARKER}` when you are done."
ONLY = "checks reported; an exercise passes only when all of them run."

# id, the judge's report (or NoVerdict), hidden tests collected, status, summary (None: not pinned)
ROWS: list[tuple[str, Any, int, Status, str | None]] = [
    # -------------------------------------------------------------- no verdict, or no tests at all
    ("no-verdict", NoVerdict(1, "the judge did not answer within 20 s"), 3, Status.CRASHED,
     "The check could not finish: the judge did not answer within 20 s. "
     "This is not a verdict on your code; try again."),
    ("internal-error", report(passed(), passed(), internal_error="The hidden tests failed to load:\nImportError"), 2,
     Status.ERROR,
     "The hidden tests for this exercise could not run: this is a problem in the course, not in your code."),
    ("internal-error-beats-a-clean-load", report(load=load("ok"), internal_error="boom"), 0, Status.ERROR,
     "The hidden tests for this exercise could not run: this is a problem in the course, not in your code."),
    # -------------------------------------------------------------- the file does not load
    ("load-error", report(load=load("error", "SyntaxError on line 3: invalid syntax", "   3 | x = = 1", 3)), 3,
     Status.ERROR, "SyntaxError on line 3: invalid syntax"),
    ("load-error-without-a-message", report(load=load("error")), 3, Status.ERROR, "Your file could not be loaded."),
    ("load-error-beats-passing-tests", report(passed(), passed(), load=load("error", "ImportError: no numpyy")), 2,
     Status.ERROR, "ImportError: no numpyy"),
    ("load-error-beats-the-marker", report(load=load("error", "NameError on line 1"), marker=True), 1, Status.ERROR,
     "NameError on line 1"),
    ("load-not-started", report(load=load("not_started", "raise NotImplementedError")), 3, Status.NOT_STARTED,
     "Not started yet: your file still raises NotImplementedError."),
    ("load-timeout", report(load=load("timeout", "Loading your file did not finish within 3 s.")), 3,
     Status.TIMEOUT, "Loading your file did not finish within 3 s."),
    ("load-crashed", report(load=load("crashed", "The process running your code ended while loading your file.")),
     3, Status.CRASHED, "The process running your code ended while loading your file."),
    # -------------------------------------------------------------- the NOT DONE marker
    ("marker-all-pass", report(passed(), passed(), passed(), marker=True), 3, Status.NOT_STARTED,
     f"All checks pass. {NOT_DONE}"),
    ("marker-one-failing", report(passed(), failed(), marker=True), 2, Status.NOT_STARTED,
     f"1 of 2 checks do not pass yet. {NOT_DONE}"),
    ("marker-a-timeout", report(timed_out(), marker=True), 1, Status.NOT_STARTED,
     f"1 of 1 checks do not pass yet. {NOT_DONE}"),
    ("marker-and-missing-tests", report(passed(), marker=True), 3, Status.NOT_STARTED, f"All checks pass. {NOT_DONE}"),
    # -------------------------------------------------------------- all pass
    ("one-check-passes", report(passed()), 1, Status.PASSED, "The check passes."),
    ("all-three-pass", report(passed(), passed(), passed()), 3, Status.PASSED, "All 3 checks pass."),
    # -------------------------------------------------------------- fewer (or more) reported than collected
    ("two-of-three-reported", report(passed(), passed()), 3, Status.CRASHED, f"Only 2 of 3 {ONLY}"),
    ("none-of-three-reported", report(), 3, Status.CRASHED, f"Only 0 of 3 {ONLY}"),
    ("nothing-collected-nothing-reported", report(), 0, Status.CRASHED, f"Only 0 of 0 {ONLY}"),
    ("more-reported-than-collected", report(passed(), passed(), passed(), passed()), 3, Status.CRASHED, None),
    ("fewer-reported-one-failing", report(failed()), 3, Status.FAILED, "The check failed."),
    # -------------------------------------------------------------- the first failure decides
    ("one-ordinary-failure", report(failed()), 1, Status.FAILED, "The check failed."),
    ("failure-among-passes", report(passed(), failed(), passed()), 3, Status.FAILED, "1 of 3 checks failed."),
    ("two-failures", report(failed(), failed(), passed()), 3, Status.FAILED, "2 of 3 checks failed."),
    ("error-outcome-is-a-failure", report(passed(), failed(outcome="error")), 2, Status.FAILED,
     "1 of 2 checks failed."),
    ("unknown-outcome-is-a-failure", report(passed(), failed(outcome="skipped")), 2, Status.FAILED,
     "1 of 2 checks failed."),
    ("unreadable-test-record", report("garbage", passed()), 2, Status.FAILED, "1 of 2 checks failed."),
    ("first-failure-a-timeout", report(passed(), timed_out(), crashed()), 3, Status.TIMEOUT,
     "`bellman_iteration` did not return within 5 s, so it was stopped: it looks like the loop never stops."),
    ("timeout-out-of-budget", report(timed_out("gae([1], [0.5], 0.9, 0.95)",
                                               "not run: the time for this exercise (10 s) ran out.")), 1,
     Status.TIMEOUT, "`gae` not run: the time for this exercise (10 s) ran out."),
    ("timeout-named-from-the-message", report(timed_out(calls=False)), 1, Status.TIMEOUT,
     "`bellman_iteration` did not return within 5 s, so it was stopped: it looks like the loop never stops."),
    ("timeout-with-an-unknown-message", report(timed_out(happened="took too long")), 1, Status.TIMEOUT,
     "`bellman_iteration` was stopped."),
    ("first-failure-a-crash", report(crashed(), timed_out()), 2, Status.CRASHED,
     "The process running your code was stopped by signal 9 (SIGKILL) during `gae`."),
    ("crash-not-run-after-restarts", report(crashed("V_A", "not run: your code had to be stopped 3 times already.")),
     1, Status.CRASHED, "`V_A` not run: your code had to be stopped 3 times already."),
    ("ordinary-failure-before-a-timeout", report(failed(), timed_out()), 2, Status.FAILED, "2 of 2 checks failed."),
    # -------------------------------------------------------------- not started, alone or mixed
    ("all-not-started", report(not_started("gae"), not_started("gae")), 2, Status.NOT_STARTED,
     "`gae` is not written yet: it still raises NotImplementedError."),
    ("not-started-after-a-pass", report(passed(), not_started(), not_started()), 3, Status.FAILED,
     "2 of 3 checks do not pass yet."),
    ("not-started-then-failed", report(not_started(), failed()), 2, Status.FAILED, "2 of 2 checks failed."),
    ("failed-then-not-started", report(failed(), not_started()), 2, Status.FAILED, "2 of 2 checks failed."),
    ("not-started-then-timeout", report(not_started(), timed_out()), 2, Status.FAILED, "2 of 2 checks failed."),
    ("not-started-and-too-few-reported", report(not_started()), 3, Status.NOT_STARTED,
     "`f` is not written yet: it still raises NotImplementedError."),
]


@pytest.mark.parametrize("outcome, expected, status, summary",
                         [pytest.param(*row[1:], id=row[0]) for row in ROWS])
def test_classify(outcome: Any, expected: int, status: Status, summary: str | None) -> None:
    if isinstance(outcome, dict):
        outcome = Verdict(1, expected, outcome)
    result = classify(outcome, "ex", "exercises/ex.py", duration=1.25)
    assert result.status is status
    if summary is not None:
        assert result.summary == summary
    assert result.exercise == "ex" and result.file == "exercises/ex.py" and result.duration == 1.25
    assert result.passed is (status is Status.PASSED)


def test_only_a_complete_clean_report_passes() -> None:
    """Across the table: a pass needs a clean load, no marker, every collected test reported and passed."""
    for name, outcome, expected, status, _ in ROWS:
        if status is Status.PASSED:
            assert isinstance(outcome, dict) and not outcome["marker"] and not outcome["internal_error"], name
            assert outcome["load"]["status"] == "ok", name
            assert len(outcome["tests"]) == expected and all(t["outcome"] == "passed" for t in outcome["tests"]), name


# -------------------------------------------------------------- what else a Result carries from the report

# id, report, hidden tests collected, {attribute: expected value}
FIELDS: list[tuple[str, dict[str, Any], int, dict[str, Any]]] = [
    ("load-error-line-and-detail", report(load=load("error", "SyntaxError", "   3 | x = = 1", 3)), 1,
     {"line": 3, "detail": "   3 | x = = 1", "tests": []}),
    ("load-error-line-not-a-number", report(load=load("error", "SyntaxError", "", "3")), 1, {"line": None}),
    ("line-of-the-first-failure", report(passed(), failed(line=12), failed(line=20)), 3, {"line": 12}),
    ("line-of-a-first-failure-without-one", report(failed(line=None), failed(line=20)), 2, {"line": None}),
    ("not-started-points-at-the-stub", report(not_started(line=9)), 1, {"line": 9}),
    ("internal-error-detail", report(internal_error="Traceback: boom"), 1, {"detail": "Traceback: boom", "tests": []}),
    ("output-kept", report(passed(), output="hello\n", output_bytes=6), 1,
     {"output": "hello\n", "output_truncated": False}),
    ("output-truncated", report(passed(), output="hel", output_bytes=70000), 1, {"output_truncated": True}),
    ("output-counted-in-utf8-bytes", report(passed(), output="é", output_bytes=2), 1, {"output_truncated": False}),
    ("load-output", report(passed(), load_output="top-level print\n"), 1, {"load_output": "top-level print\n"}),
    ("isolation", report(passed(), isolation="landlock ABI 7"), 1, {"isolation": "landlock ABI 7"}),
    ("digest-kept", report(passed()), 1, {"source_sha256": DIGEST}),
    ("digest-not-a-string", report(passed(), source_sha256=123), 1, {"source_sha256": None}),
    ("no-digest", {"tests": [passed()], "load": {"status": "ok"}}, 1, {"source_sha256": None, "status": Status.PASSED}),
]


CUT_IN_A_CHARACTER = pytest.param(
    # The judge caps the output in bytes and decodes it with backslashreplace: a cap that cuts "€" (3 bytes) after
    # its second byte keeps b"ab\xe2\x82" (4 bytes, shown as 10 characters) while 5 bytes were seen in all;
    # the judge says how many bytes it kept.
    report(passed(), output="ab\\xe2\\x82", output_bytes=5, output_kept=4), 1, {"output_truncated": True},
    id="output-cut-inside-a-character")


@pytest.mark.parametrize("raw, expected, fields",
                         [pytest.param(*row[1:], id=row[0]) for row in FIELDS] + [CUT_IN_A_CHARACTER])
def test_classify_carries(raw: dict[str, Any], expected: int, fields: dict[str, Any]) -> None:
    result = classify(Verdict(1, expected, raw), "ex", "ex.py")
    assert {name: getattr(result, name) for name in fields} == fields


def test_a_test_record_becomes_a_test_result_with_its_calls() -> None:
    record = {"name": "two steps", "outcome": "failed", "message": "expected 1", "traceback": "tb", "line": 4,
              "test_code": "gae([1, 0])", "picture": {"kind": "bars"},
              "calls": [{"what": "gae([1, 0])", "output": "hi\n", "output_truncated": True, "duration": 0.5}, "junk"]}
    result = classify(Verdict(1, 1, report(record)), "gae", "gae.py")
    (test,) = result.tests
    assert (test.name, test.outcome, test.message, test.traceback, test.line, test.test_code, test.picture) == \
        ("two steps", "failed", "expected 1", "tb", 4, "gae([1, 0])", {"kind": "bars"})
    calls = [(c.what, c.output, c.output_truncated, c.duration) for c in test.calls]
    assert calls == [("gae([1, 0])", "hi\n", True, 0.5)]
    assert result.first_failure is test and test.failing_call is test.calls[0]
