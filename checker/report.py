"""Machine-readable reports for CI: JUnit XML, exercism-style JSON, GitHub annotations."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from checker.result import Result, Status
from checker.ui import escape_control

JSON_OUTPUT_CAP = 500  # exercism's runner truncates test output at 500 characters
FAILURE_STATUSES = (Status.FAILED, Status.NOT_STARTED)


@dataclass(frozen=True)
class Entry:
    """One checked exercise with what a report needs to place it."""

    result: Result
    topic: str
    path: str  # the learner's file, relative to the repository where possible


def _cap(text: str, limit: int = JSON_OUTPUT_CAP) -> str:
    return text if len(text) <= limit else text[: limit - 30] + "\n... (output truncated)"


def _failure_text(result: Result) -> str:
    parts = [result.summary]
    if result.detail:
        parts.append(result.detail.rstrip())
    for test in result.tests:
        if test.outcome != "passed":
            parts.append(f"- {test.name}: {test.message}".rstrip())
            if test.traceback:
                parts.append(test.traceback.rstrip())
    return "\n".join(parts)


# ------------------------------------------------------------------ JUnit XML


def junit_xml(entries: Sequence[Entry]) -> bytes:
    failures = sum(e.result.status in FAILURE_STATUSES for e in entries)
    errors = sum(not e.result.passed and e.result.status not in FAILURE_STATUSES for e in entries)
    total_time = sum(e.result.duration for e in entries)
    suites = ET.Element("testsuites", name="rlcheck", tests=str(len(entries)), failures=str(failures),
                        errors=str(errors), time=f"{total_time:.3f}")
    suite = ET.SubElement(suites, "testsuite", name="rlcheck", tests=str(len(entries)), failures=str(failures),
                          errors=str(errors), skipped="0", time=f"{total_time:.3f}")
    for entry in entries:
        result = entry.result
        case = ET.SubElement(suite, "testcase", classname=entry.topic, name=result.exercise,
                             file=entry.path, time=f"{result.duration:.3f}")
        if not result.passed:
            tag = "failure" if result.status in FAILURE_STATUSES else "error"
            # Learner text may hold control characters, which XML 1.0 cannot carry at all.
            node = ET.SubElement(case, tag, message=escape_control(result.summary), type=result.status.value)
            node.text = escape_control(_failure_text(result))
        if result.output:
            ET.SubElement(case, "system-out").text = escape_control(result.output)
    ET.indent(suites)
    return ET.tostring(suites, encoding="utf-8", xml_declaration=True)


# ------------------------------------------------------------------ exercism results.json v3


def _json_status(status: Status | str) -> str:
    value = status.value if isinstance(status, Status) else status
    return {"passed": "pass", "failed": "fail", "not_started": "fail"}.get(value, "error")


def _json_tests(result: Result, task_id: int) -> list[dict[str, Any]]:
    if not result.tests:
        return [{
            "name": f"{result.exercise}: loads and runs",
            "status": _json_status(result.status),
            "message": None if result.passed else _failure_text(result),
            "output": _cap(result.output) or None,
            "task_id": task_id,
        }]
    tests = []
    for i, test in enumerate(result.tests):
        tests.append({
            "name": f"{result.exercise}: {test.name}",
            "status": _json_status(test.outcome),
            "message": None if test.outcome == "passed" else "\n".join(filter(None, [test.message, test.traceback])),
            "output": (_cap(result.output) or None) if i == 0 else None,
            "task_id": task_id,
        })
    return tests


def results_json(entries: Sequence[Entry]) -> dict[str, Any]:
    counts = {status.value: 0 for status in Status}
    exercises = []
    all_tests: list[dict[str, Any]] = []
    for task_id, entry in enumerate(entries, start=1):
        result = entry.result
        counts[result.status.value] += 1
        tests = _json_tests(result, task_id)
        all_tests.extend(tests)
        exercises.append({
            "version": 3,
            "name": result.exercise,
            "topic": entry.topic,
            "path": entry.path,
            "status": _json_status(result.status),
            "rlcheck_status": result.status.value,
            "message": None if result.passed else _failure_text(result),
            "tests": tests,
        })
    passed = counts[Status.PASSED.value]
    overall = "pass" if entries and passed == len(entries) else "fail"
    return {
        "version": 3,
        "status": overall,
        "message": None if overall == "pass" else f"{len(entries) - passed} of {len(entries)} exercises do not pass",
        "tests": all_tests,
        "exercises": exercises,
        "summary": {"total": len(entries), **counts},
    }


# ------------------------------------------------------------------ GitHub Actions


def _escape_data(text: str) -> str:
    # The annotation goes to the CI log as it is: the learner's escape sequences must not act there.
    return escape_control(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(entries: Sequence[Entry]) -> list[str]:
    lines = []
    for entry in entries:
        result = entry.result
        if result.passed:
            continue
        props = [f"file={_escape_property(entry.path)}"]
        if result.line:
            props.append(f"line={result.line}")
        props.append(f"title={_escape_property(f'rlcheck: {result.exercise} {result.status.label}')}")
        lines.append(f"::error {','.join(props)}::{_escape_data(_failure_text(result))}")
    return lines


def step_summary(entries: Sequence[Entry]) -> str:
    passed = sum(e.result.passed for e in entries)
    rows = ["## rlcheck", "", f"**{passed} of {len(entries)} exercises pass.**", "",
            "| exercise | topic | status | details |", "|---|---|---|---|"]
    for entry in entries:
        result = entry.result
        detail = "" if result.passed else escape_control(result.summary).replace("|", "\\|").replace("\n", " ")
        mark = "✅" if result.passed else "❌"
        rows.append(f"| `{result.exercise}` | {entry.topic} | {mark} {result.status.label} | {detail} |")
    return "\n".join(rows) + "\n"


def write_file(path: Path, data: bytes | str) -> None:
    """Write a report next to its final name, then rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_json(path: Path, entries: Sequence[Entry]) -> None:
    write_file(path, json.dumps(results_json(entries), indent=2) + "\n")


def append_step_summary(entries: Sequence[Entry]) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(step_summary(entries))

