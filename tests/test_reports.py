"""CI reports, checked by their real consumers: the Jenkins xunit schema and junitparser for JUnit,
exercism's v3 rules for results.json, GitHub's annotation format, a Markdown renderer for the summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml, Skipped
from markdown_it import MarkdownIt

from checker.locate import pointer_line
from checker.report import (
    OUTPUT_NOTE, Entry, github_annotations, junit_xml, results_json, step_summary,
)
from checker.result import CallRecord, Result, Status, TestResult

DATA = Path(__file__).parent / "data"
V3 = json.loads((DATA / "exercism-results-v3.schema.json").read_text())


def _passed() -> Entry:
    tests = [TestResult("first backup", "passed", test_code="bellman_iteration([0, 0], [1, 2], P, 0.9)",
                        calls=[CallRecord("bellman_iteration(...)", output="step 1\n", duration=0.002)]),
             TestResult("second backup", "passed", test_code="bellman_iteration([1, 2], [1, 2], P, 0.9)")]
    return Entry(Result("bellman_iteration", "x", Status.PASSED, "All 2 checks pass.", tests=tests, duration=0.1),
                 "bellman", "exercises/01_bellman/bellman_iteration.py", number=2, kind="implement")


def _wrong_answer() -> Entry:
    tests = [TestResult("value of A", "failed", "`V_A` = 1 is not right (answers within ±0.005 are accepted).",
                        test_code="V_A", calls=[CallRecord("V_A", output="computing A\n")]),
             TestResult("value of B", "passed", test_code="V_B")]
    return Entry(Result("bellman_values", "x", Status.FAILED, "1 of 2 checks failed.", tests=tests),
                 "bellman", "exercises/01_bellman/bellman_values.py", number=1, kind="answer", line=27)


def _broken() -> Entry:
    return Entry(Result("chain_v4", "x", Status.ERROR, "SyntaxError on line 3: invalid syntax", line=3,
                        detail="   3 | x = = 1\n     |     ^"),
                 "value_iteration", "exercises/02_value_iteration/chain_v4.py", number=5, kind="answer")


def _untouched() -> Entry:
    return Entry(Result("q_values", "x", Status.NOT_STARTED, "Not started yet."), "q_values",
                 "exercises/03_q_values/q_values.py", number=10, kind="answer")


def _entries() -> list[Entry]:
    return [_passed(), _wrong_answer(), _broken(), _untouched()]


# ------------------------------------------------------------------ JUnit


@pytest.mark.parametrize("started_only", [False, True])
def test_junit_validates_against_the_jenkins_xunit_schema(junit_schema, started_only):
    junit_schema.validate(junit_xml(_entries(), started_only=started_only).decode("utf-8"))


def test_junit_has_a_suite_per_exercise_and_a_case_per_hidden_test(tmp_path):
    path = tmp_path / "r.xml"
    path.write_bytes(junit_xml(_entries()))
    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(path))}
    assert list(suites) == ["bellman_iteration", "bellman_values", "chain_v4", "q_values"]
    cases = {case.name: case for case in suites["bellman_values"]}
    assert set(cases) == {"bellman_values: value of A", "bellman_values: value of B"}
    wrong = cases["bellman_values: value of A"]
    assert wrong.classname == "bellman.bellman_values" and wrong.time == 0.0
    failure = wrong.result[0]
    assert isinstance(failure, Failure) and "±0.005" in failure.message
    assert failure.text.startswith("exercises/01_bellman/bellman_values.py:27\n") and "V_A" in failure.text
    assert "computing A" in wrong.system_out
    assert cases["bellman_values: value of B"].is_passed
    props = {p.name: p.value for p in suites["bellman_values"].properties()}
    assert props["file"] == "exercises/01_bellman/bellman_values.py" and props["line"] == "27"
    assert isinstance(next(iter(suites["chain_v4"])).result[0], Error)
    assert {p.name: p.value for p in suites["chain_v4"].properties()}["line"] == "3"
    assert [c.time for c in suites["bellman_iteration"]] == [0.002, 0.0]


def test_junit_skips_untouched_exercises_only_in_started_only_mode(tmp_path):
    path = tmp_path / "r.xml"
    for started_only, kind in ((False, Failure), (True, Skipped)):
        path.write_bytes(junit_xml([_untouched()], started_only=started_only))
        case = next(iter(next(iter(JUnitXml.fromfile(str(path))))))
        assert isinstance(case.result[0], kind)


# ------------------------------------------------------------------ results.json


def test_results_json_follows_exercism_v3():
    data = results_json(_entries())
    jsonschema.validate(data, V3)
    assert data["status"] == "fail" and data["message"] is None
    # Course order, whatever order the entries came in; task_id is the course number.
    assert [t["task_id"] for t in data["tests"]] == [1, 1, 2, 2, 5, 10]
    first, second = data["tests"][:2]
    assert first == {"name": "bellman_values: value of A", "test_code": "V_A", "status": "fail",
                     "message": "`V_A` = 1 is not right (answers within ±0.005 are accepted).",
                     "task_id": 1, "output": "computing A\n"}
    assert second["message"] is None and "output" not in second
    by_name = {t["name"]: t for t in data["tests"]}
    assert by_name["bellman_iteration: first backup"]["test_code"] == "bellman_iteration([0, 0], [1, 2], P, 0.9)"
    assert by_name["bellman_iteration: first backup"]["output"] == "step 1\n"
    assert by_name["chain_v4: loads and runs"]["status"] == "error"
    assert by_name["q_values: loads and runs"]["status"] == "fail"


def test_results_json_is_error_only_when_no_test_ran():
    data = results_json([_broken()])
    jsonschema.validate(data, V3)
    assert data["status"] == "error" and "SyntaxError on line 3" in data["message"]
    assert results_json([_passed()])["status"] == "pass"


def test_a_test_without_test_code_falls_back_to_its_name():
    entry = Entry(Result("gae", "x", Status.FAILED, "The check failed.",
                         tests=[TestResult("two steps", "failed", "expected 1, got 2")]), "advantage", "e/gae.py")
    assert results_json([entry])["tests"][0]["test_code"] == "two steps"


def test_output_is_per_test_and_capped_at_500_characters():
    calls = [CallRecord("gae(...)", output="a" * 400), CallRecord("gae(...)", output="b" * 400)]
    tests = [TestResult("one", "failed", "wrong", calls=calls), TestResult("two", "failed", "wrong")]
    data = results_json([Entry(Result("gae", "x", Status.FAILED, "2 of 2 checks failed.", tests=tests), "a", "e.py")])
    jsonschema.validate(data, V3)
    one, two = data["tests"]
    assert len(one["output"]) == 500 and one["output"].endswith(OUTPUT_NOTE) and one["output"].startswith("a" * 400)
    assert "output" not in two


def test_without_call_records_the_output_goes_with_the_first_failing_check():
    tests = [TestResult("one", "passed"), TestResult("two", "failed", "wrong")]
    result = Result("gae", "x", Status.FAILED, "1 of 2 checks failed.", tests=tests, output="debug\n")
    one, two = results_json([Entry(result, "a", "e.py")])["tests"]
    assert "output" not in one and two["output"] == "debug\n"


def test_every_string_is_capped():
    huge = "x" * 300_000
    tests = [TestResult(huge, "failed", huge, traceback=huge, test_code=huge, calls=[CallRecord(huge, output=huge)])]
    entry = Entry(Result("gae", "x", Status.FAILED, huge, tests=tests, detail=huge, output=huge), "a", "e.py")
    assert len(json.dumps(results_json([entry]))) < 20_000
    assert len(junit_xml([entry])) < 20_000
    assert sum(map(len, github_annotations([entry]))) < 5_000
    assert len(step_summary([entry])) < 2_000
    error = Entry(Result("gae", "x", Status.ERROR, huge, detail=huge), "a", "e.py")
    assert len(results_json([error] * 30)["message"]) <= 65535


def test_isolation_is_recorded_at_the_top_level_when_known():
    entry = _passed()
    assert "isolation" not in results_json([entry])
    entry.result.isolation = "landlock ABI 7"
    data = results_json([entry])
    assert data["isolation"] == "landlock ABI 7"
    jsonschema.validate(data, V3)


# ------------------------------------------------------------------ GitHub annotations and summary

ANNOTATION = re.compile(r"^::(error|notice) ([^:]*)::(.*)$")


def _failing(number: int) -> Entry:
    result = Result(f"ex{number}", "x", Status.FAILED, "The check failed.",
                    tests=[TestResult("check", "failed", f"wrong {number}")])
    return Entry(result, "t", f"exercises/ex{number}.py", number=number, kind="implement", line=number + 100)


def test_annotations_only_for_started_failures_in_course_order_at_most_ten():
    failing = [_failing(n) for n in range(30, 15, -1)]  # 15 failing, given in reverse
    entries = [*failing, _untouched(), _passed()]
    lines = github_annotations(entries)
    parsed = [ANNOTATION.match(line) for line in lines]
    assert all(parsed), lines
    errors = [m for m in parsed if m.group(1) == "error"]
    assert [m.group(2).split(",")[0] for m in errors] == [f"file=exercises/ex{n}.py" for n in range(16, 26)]
    assert all(f"line={n + 100}" in m.group(2) for n, m in zip(range(16, 26), errors))
    notices = [m.group(3) for m in parsed if m.group(1) == "notice"]
    assert notices[0] == "ex26, ex27, ex28, ex29, ex30"
    assert notices[1] == "1 of 17 exercises pass, 15 started ones do not, 1 not started yet."


def test_annotations_escape_newlines_percent_and_control_characters():
    entry = _failing(1)
    entry.result.tests[0].message = "expected: 1\ngot: 2, 100%\x1b[2J"
    line = github_annotations([entry])[0]
    assert "\n" not in line and "%0A" in line and "100%25" in line and "\x1b" not in line
    assert "title=rlcheck%3A ex1 failed" in line


def test_a_failed_answer_says_its_value_and_tolerance():
    line = github_annotations([_wrong_answer()])[0]
    assert "`V_A` = 1 is not right (answers within ±0.005 are accepted)." in line
    assert line.startswith("::error file=exercises/01_bellman/bellman_values.py,line=27,")


def test_step_summary_renders_learner_text_inert():
    entry = _failing(1)
    entry.result.tests[0].message = ("<details><summary>x</summary>hi</details> ![pic](https://e.test/p.png) "
                                     "[click](https://e.test) <img src=x onerror=alert(1)> a|b ``tick``")
    text = step_summary([entry, _passed(), _untouched()])
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<table>" in html
    assert "<details>" not in html and "<img" not in html and "<a " not in html
    assert "&lt;details&gt;" in html and "a|b" in html  # shown, escaped, in one cell
    rows = [r for r in html.split("<tr>") if "ex1" in r]
    assert len(rows) == 1 and rows[0].count("<td>") == 5


# ------------------------------------------------------------------ which line to point at


ANSWER_SOURCE = '"""Doc."""\n\nV_A = ...\nV_B = ...\n\nV_A = 3.5  # changed my mind\n'
IMPLEMENT_SOURCE = '"""Doc."""\nimport numpy as np\n\n\ndef helper(x):\n    return x\n\n\ndef gae(r, v):\n    return r\n'


def _failed_with(test: TestResult, line: int | None = None) -> Result:
    return Result("e", "x", Status.FAILED, "The check failed.", tests=[test], line=line)


@pytest.mark.parametrize("test, source, expected", [
    (TestResult("A", "failed", "`V_A` = 3.5 is not right", test_code="V_A"), ANSWER_SOURCE, 6),
    (TestResult("B", "failed", "`V_B` is not set"), ANSWER_SOURCE, 4),
    (TestResult("g", "failed", "expected 1", test_code="gae([1, 0], [0.5, 0.2])"), IMPLEMENT_SOURCE, 9),
    (TestResult("g", "failed", "x", calls=[CallRecord("helper(3)")]), IMPLEMENT_SOURCE, 5),
    (TestResult("g", "failed", "no name known"), IMPLEMENT_SOURCE, 5),
    (TestResult("g", "failed", "no name known"), ANSWER_SOURCE, 3),
    (TestResult("g", "failed", "x", line=8), IMPLEMENT_SOURCE, 8),
    (TestResult("g", "failed", "x"), "def broken(:\n", None),
])
def test_pointer_line(test, source, expected):
    assert pointer_line(_failed_with(test), source) == expected


def test_the_results_own_line_wins():
    assert pointer_line(_failed_with(TestResult("g", "failed", "x", test_code="gae()"), line=2), IMPLEMENT_SOURCE) == 2


# ------------------------------------------------------------------ what verify prints


def _printed(renderable, width: int) -> str:
    import io

    from checker import ui

    console = ui.make_console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def test_the_isolation_is_said_once_and_only_when_known():
    from checker.verify_view import isolation_line

    entries = _entries()
    assert isolation_line(entries) is None
    for entry in entries:
        entry.result.isolation = "landlock ABI 7"
    assert _printed(isolation_line(entries), 80) == "Isolation: landlock ABI 7\n"


@pytest.mark.parametrize("width", [60, 80])
def test_failure_blocks_wrap_to_the_width(width):
    from checker.verify_view import failure_blocks

    entry = _wrong_answer()
    entry.result.tests[0].message += " " + "and a long explanation of the slip " * 8
    text = _printed(failure_blocks([entry, _passed(), _untouched(), _broken()]), width)
    assert max(map(len, text.splitlines())) <= width
    flowing = " ".join(text.split())
    assert "`V_A` = 1 is not right (answers within ±0.005 are accepted)." in flowing
    assert "exercises/01_bellman/bellman_values.py:27" in flowing and "SyntaxError on line 3" in flowing
    assert "q_values" not in text and "bellman_iteration" not in text  # untouched and passed: no block
