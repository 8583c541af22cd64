"""CI reports: GitHub annotations point at the learner's line; JUnit and JSON carry the messages."""

from __future__ import annotations

import json

from junitparser import Error, Failure, JUnitXml

from checker.report import Entry, github_annotations, junit_xml, results_json, step_summary
from checker.result import Result, Status, TestResult


def _entries() -> list[Entry]:
    ok = Result("a", "x/a.py", Status.PASSED, "All 2 checks pass.", tests=[TestResult("one", "passed")] * 2)
    wrong = Result("b", "x/b.py", Status.FAILED, "1 of 2 checks failed.", line=7,
                   tests=[TestResult("one", "passed"), TestResult("two", "failed", "expected: 1\ngot: 2, 100%")],
                   output="debug print\n" + "y" * 2000)
    broken = Result("c", "x/c.py", Status.ERROR, "SyntaxError on line 3: invalid syntax", line=3)
    return [Entry(ok, "t1", "exercises/a.py"), Entry(wrong, "t1", "exercises/b.py"), Entry(broken, "t2", "exercises/c.py")]


def test_annotations_escape_and_point_at_lines():
    lines = github_annotations(_entries())
    assert len(lines) == 2
    first, second = lines
    assert first.startswith("::error file=exercises/b.py,line=7,title=rlcheck%3A b failed::")
    assert "\n" not in first and "%0A" in first and "100%25" in first
    assert "line=3" in second and "SyntaxError" in second


def test_junit_round_trips_through_a_junit_parser(tmp_path):
    path = tmp_path / "r.xml"
    path.write_bytes(junit_xml(_entries()))
    cases = {case.name: case for suite in JUnitXml.fromfile(str(path)) for case in suite}
    assert cases["a"].is_passed
    assert isinstance(cases["b"].result[0], Failure) and "expected: 1" in cases["b"].result[0].text
    assert isinstance(cases["c"].result[0], Error)
    assert cases["b"].classname == "t1" and "debug print" in cases["b"].system_out


def test_results_json_has_exercism_v3_shape():
    data = json.loads(json.dumps(results_json(_entries())))
    assert data["version"] == 3 and data["status"] == "fail" and data["summary"]["passed"] == 1
    names = [t["name"] for t in data["tests"]]
    assert names == ["a: one", "a: one", "b: one", "b: two", "c: loads and runs"]
    assert [t["status"] for t in data["tests"]] == ["pass", "pass", "pass", "fail", "error"]
    assert len(data["tests"][2]["output"]) <= 500
    assert {t["task_id"] for t in data["tests"]} == {1, 2, 3}


def test_step_summary_is_a_markdown_table():
    text = step_summary(_entries())
    assert "**1 of 3 exercises pass.**" in text
    assert "| `b` | t1 | ❌ failed | 1 of 2 checks failed. |" in text
