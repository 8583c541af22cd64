"""Machine-readable reports for CI: JUnit XML, exercism's results.json v3, GitHub annotations.

Every report is built from Entries: a Result plus where its exercise sits in the course and
which line of the learner's file to point at. Learner text reaches these reports unfiltered
(messages, tracebacks, prints), so every string is escaped for its medium and capped.
"""

from __future__ import annotations

import json
import os
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from checker.result import Result, Status, TestResult
from checker.sanitize import annotation_data, annotation_property, cap, escape_control, markdown_code

OUTPUT_CAP = 500  # exercism: per-test output "must be limited to 500 chars"
OUTPUT_NOTE = "Output was truncated. Please limit to 500 chars"  # the wording exercism's spec suggests
TOP_MESSAGE_CAP = 65535  # exercism: the top-level message is limited to 65535 characters
MESSAGE_CAP = 4000  # one check's message; a 300 kB exception must not make a 16 MB report
CODE_CAP = 1000
NAME_CAP = 200
ANNOTATION_CAP = 2000
ANNOTATION_LIMIT = 10  # GitHub shows 10 annotations of a kind per step; more are dropped
NOT_PASSING = (Status.FAILED, Status.ERROR, Status.TIMEOUT, Status.CRASHED)


@dataclass(frozen=True)
class Entry:
    """One checked exercise with what a report needs to place it."""

    result: Result
    topic: str
    path: str  # the learner's file, relative (e.g. exercises/01_bellman/bellman_iteration.py)
    number: int = 1  # the exercise's place in the course, 1-based: results.json's task_id
    kind: str = ""
    line: int | None = None  # where to point; the Result's own line when it has none

    @property
    def started(self) -> bool:
        return self.result.status is not Status.NOT_STARTED

    @property
    def failing(self) -> bool:
        """Started and not passing: what annotations and the started-only verdict care about."""
        return self.result.status in NOT_PASSING

    @property
    def pointer(self) -> int:
        return self.line or self.result.line or 1


def test_output(test: TestResult) -> str:
    return "".join(call.output for call in test.calls)


def failure_text(result: Result, test: TestResult | None = None) -> str:
    """What went wrong, in the learner's terms: the check's message, its call, or the load error."""
    test = test or result.first_failure
    if test is None:
        return "\n".join(filter(None, [result.summary, result.detail.rstrip()]))
    parts = [test.message.rstrip() or result.summary]
    if test.test_code and test.test_code not in test.message:
        parts.insert(0, f"{test.test_code}")
    if test.traceback:
        parts.append(test.traceback.rstrip())
    return "\n".join(parts)


def _test_name(result: Result, test: TestResult | None) -> str:
    label = test.name if test is not None else ("runs" if result.status is Status.TIMEOUT else "loads and runs")
    return cap(f"{result.exercise}: {label}", NAME_CAP)


# ------------------------------------------------------------------ JUnit XML (Jenkins xunit junit-10.xsd)


def _xml(text: str, limit: int = MESSAGE_CAP) -> str:
    # Learner text may hold control characters, which XML 1.0 cannot carry at all.
    return escape_control(cap(text, limit))


def _case_element(result: Result, test: TestResult | None, started_only: bool) -> str | None:
    outcome = test.outcome if test is not None else result.status.value
    if started_only and result.status is Status.NOT_STARTED:
        return "skipped"  # the exercise does not count yet, whatever its checks say
    if outcome == "passed":
        return None
    if outcome == "not_started":
        return "skipped" if started_only else "failure"
    if outcome == "failed":
        return "failure"
    return "error"


def _testcase(suite: ET.Element, entry: Entry, test: TestResult | None, started_only: bool) -> None:
    result = entry.result
    seconds = sum(c.duration for c in test.calls) if test is not None else result.duration
    case = ET.SubElement(suite, "testcase", classname=f"{entry.topic}.{result.exercise}",
                         name=_xml(_test_name(result, test), NAME_CAP), time=f"{seconds:.3f}")
    tag = _case_element(result, test, started_only)
    if tag is not None:
        text = failure_text(result, test) if test is not None else failure_text(result)
        summary = (test.message if test is not None and test.message else result.summary).split("\n")[0]
        node = ET.SubElement(case, tag, message=_xml(summary, 300),
                             type=test.outcome if test is not None else result.status.value)
        node.text = _xml(f"{entry.path}:{entry.pointer}\n{text}")
    output = test_output(test) if test is not None else result.output
    if output:
        ET.SubElement(case, "system-out").text = _xml(output)


def _suite_counts(entry: Entry, started_only: bool) -> dict[str, int]:
    tests = entry.result.tests or [None]
    kinds = [_case_element(entry.result, t, started_only) for t in tests]
    return {"tests": len(kinds), "failures": kinds.count("failure"), "errors": kinds.count("error"),
            "skipped": kinds.count("skipped")}


def junit_xml(entries: Sequence[Entry], started_only: bool = False) -> bytes:
    """One testsuite per exercise, one testcase per hidden test; file and line in suite properties."""
    counts = [_suite_counts(e, started_only) for e in entries]
    total = {key: sum(c[key] for c in counts) for key in ("tests", "failures", "errors")}
    seconds = sum(e.result.duration for e in entries)
    root = ET.Element("testsuites", name="rlcheck", time=f"{seconds:.3f}", **{k: str(v) for k, v in total.items()})
    for entry, count in zip(entries, counts):
        result = entry.result
        suite = ET.SubElement(root, "testsuite", name=result.exercise, file=entry.path,
                              time=f"{result.duration:.3f}", **{k: str(v) for k, v in count.items()})
        props = ET.SubElement(suite, "properties")
        for name, value in (("file", entry.path), ("line", str(entry.pointer)), ("status", result.status.value),
                            ("course_number", str(entry.number)), ("topic", entry.topic),
                            ("isolation", result.isolation)):
            if value:
                ET.SubElement(props, "property", name=name, value=_xml(value, 300))
        for test in result.tests or [None]:
            _testcase(suite, entry, test, started_only)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# ------------------------------------------------------------------ exercism results.json v3

_JSON_STATUS = {"passed": "pass", "failed": "fail", "not_started": "fail"}


def _json_status(outcome: str) -> str:
    return _JSON_STATUS.get(outcome, "error")


def _json_output(text: str) -> str | None:
    return cap(text, OUTPUT_CAP, OUTPUT_NOTE) if text else None


def _json_test(entry: Entry, test: TestResult | None, output: str) -> dict[str, Any]:
    result = entry.result
    outcome = test.outcome if test is not None else result.status.value
    code = (test.test_code or test.name) if test is not None else result.exercise
    message = None if outcome == "passed" else cap(failure_text(result, test), MESSAGE_CAP)
    data: dict[str, Any] = {
        "name": _test_name(result, test),
        "test_code": cap(code, CODE_CAP),
        "status": _json_status(outcome),
        "message": message,
        "task_id": entry.number,
    }
    if _json_output(output):
        data["output"] = _json_output(output)
    return data


def _json_tests(entry: Entry) -> list[dict[str, Any]]:
    result = entry.result
    if not result.tests:
        return [_json_test(entry, None, result.output)]
    outputs = [test_output(t) for t in result.tests]
    if result.output and not any(outputs):
        # No per-call output was recorded: the learner's prints belong with the check they will read.
        target = result.tests.index(result.first_failure) if result.first_failure else 0
        outputs[target] = result.output
    return [_json_test(entry, t, out) for t, out in zip(result.tests, outputs)]


def _exercise_json(entry: Entry) -> dict[str, Any]:
    result = entry.result
    return {
        "number": entry.number,
        "name": result.exercise,
        "topic": entry.topic,
        "kind": entry.kind,
        "path": entry.path,
        "line": entry.pointer if not result.passed else None,
        "status": result.status.value,
        "summary": cap(result.summary, MESSAGE_CAP),
        "checks": len(result.tests),
        "checks_passed": sum(t.outcome == "passed" for t in result.tests),
    }


def results_json(entries: Sequence[Entry]) -> dict[str, Any]:
    """exercism's test-runner interface v3, one test per hidden test, plus rlcheck's own keys."""
    tests: list[dict[str, Any]] = []
    exercises = []
    for entry in sorted(entries, key=lambda e: e.number):
        tests.extend(_json_tests(entry))
        exercises.append(_exercise_json(entry))
    statuses = {t["status"] for t in tests}
    status = "pass" if statuses == {"pass"} else "error" if statuses == {"error"} else "fail"
    message = None
    if status == "error":  # only then does the spec want a top-level message
        message = cap("\n\n".join(f"{t['name']}\n{t['message']}" for t in tests), TOP_MESSAGE_CAP)
    counts = {s.value: sum(e.result.status is s for e in entries) for s in Status}
    data: dict[str, Any] = {"version": 3, "status": status, "message": message, "tests": tests}
    isolation = next((e.result.isolation for e in entries if e.result.isolation), "")
    if isolation:
        data["isolation"] = cap(isolation, 300)
    data["exercises"] = exercises
    data["summary"] = {"total": len(entries), **counts}
    return data


# ------------------------------------------------------------------ GitHub Actions


def _annotation(entry: Entry) -> str:
    result = entry.result
    props = ",".join([
        f"file={annotation_property(entry.path)}",
        f"line={entry.pointer}",
        f"title={annotation_property(f'rlcheck: {result.exercise} {result.status.label}')}",
    ])
    body = failure_text(result)
    first = result.first_failure
    failing = [t for t in result.tests if t.outcome != "passed"]
    if first is not None and result.status is Status.FAILED:
        body = f"{result.summary} First: {first.name}\n{body}"
        if len(failing) > 1:
            body += "\nAlso failing: " + ", ".join(t.name for t in failing[1:6]) + (" …" if len(failing) > 6 else "")
    return f"::error {props}::{annotation_data(cap(body, ANNOTATION_CAP))}"


def github_annotations(entries: Sequence[Entry], limit: int = ANNOTATION_LIMIT) -> list[str]:
    """An ::error per started exercise that does not pass, in course order; the rest in notices."""
    ordered = sorted(entries, key=lambda e: e.number)
    failing = [e for e in ordered if e.failing]
    lines = [_annotation(e) for e in failing[:limit]]
    if len(failing) > limit:
        rest = ", ".join(e.result.exercise for e in failing[limit:])
        lines.append(f"::notice title=rlcheck%3A {len(failing) - limit} more not passing::{annotation_data(rest)}")
    lines.append(f"::notice title=rlcheck::{annotation_data(summary_line(entries))}")
    return lines


def summary_line(entries: Sequence[Entry]) -> str:
    passed = sum(e.result.passed for e in entries)
    failing = sum(e.failing for e in entries)
    waiting = sum(not e.started for e in entries)
    parts = [f"{passed} of {len(entries)} exercises pass"]
    if failing:
        parts.append(f"{failing} started {'one does' if failing == 1 else 'ones do'} not")
    if waiting:
        parts.append(f"{waiting} not started yet")
    return ", ".join(parts) + "."


def step_summary(entries: Sequence[Entry]) -> str:
    rows = ["## rlcheck", "", f"**{summary_line(entries)}**", "",
            "| # | exercise | topic | status | details |", "|---|---|---|---|---|"]
    for entry in sorted(entries, key=lambda e: e.number):
        result = entry.result
        detail = "" if result.passed or not entry.started else markdown_code(failure_text(result))
        mark = "✅" if result.passed else "❌" if entry.failing else "⏳"
        rows.append(f"| {entry.number} | `{result.exercise}` | {entry.topic} | {mark} {result.status.label} | {detail} |")
    return "\n".join(rows) + "\n"


def append_step_summary(entries: Sequence[Entry]) -> str | None:
    """Append to the job summary; returns a warning when the file cannot be written."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(step_summary(entries))
    except OSError as exc:
        return f"could not append to the job summary ({exc.strerror or exc})"
    return None


# ------------------------------------------------------------------ writing files


def write_file(path: Path, data: bytes | str) -> None:
    """Write a report next to its final name, then rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    if isinstance(data, str):
        data = data.encode("utf-8", errors="backslashreplace")  # a lone surrogate from learner text
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_json(path: Path, entries: Sequence[Entry]) -> None:
    write_file(path, json.dumps(results_json(entries), indent=2, ensure_ascii=False) + "\n")


def unwritable_reason(path: Path) -> str | None:
    """Why a report cannot be written at ``path``, found before any exercise is checked; None if it can."""
    if path.is_dir():
        return f"{path} is a folder"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} is not writable"
    folder = path.parent
    while not folder.exists():
        if folder.is_symlink():
            return f"{folder} is a broken link"
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is a file, not a folder"
    try:
        # Root passes every permission test, but not a read-only file system: try for real.
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".rlcheck-probe-"):
            pass
    except OSError as exc:
        return f"nothing can be written in {folder} ({exc.strerror or exc})"
    return None


def report_problems(targets: Iterable[tuple[str, Path]]) -> list[str]:
    problems = []
    seen: dict[Path, str] = {}
    for label, path in targets:
        key = path.resolve()
        if key in seen:
            problems.append(f"The {label} and the {seen[key]} would both be written to {path}.")
            continue
        seen[key] = label
        reason = unwritable_reason(path)
        if reason:
            problems.append(f"Cannot write the {label} to {path}: {reason}.")
    return problems
