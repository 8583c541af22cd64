"""``rlcheck verify`` as a CI job runs it: a real subprocess, no terminal, a learner's workspace."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml

from conftest import REPO, quiet_env, run_cli, solve

DATA = Path(__file__).parent / "data"
V3 = json.loads((DATA / "exercism-results-v3.schema.json").read_text())
ANNOTATION = re.compile(r"^::error file=([^,]+),line=(\d+),title=([^:]+)::")
RAISE = "\nraise RuntimeError('not finished')\n"


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), start=1) if text in line)


def _break(workspace: Path, course, names: list[str]) -> dict[str, int]:
    """Make these exercises fail to load (a raise at the end); return where each raise is."""
    lines = {}
    for name in names:
        file = workspace / "exercises" / course.find(name).path
        file.write_text(file.read_text() + RAISE)
        lines[name] = _line_of(file, "raise RuntimeError('not finished')")
    return lines


def _wrong_answer(workspace: Path, course) -> int:
    file = workspace / "exercises" / course.find("bellman_values").path
    file.write_text(file.read_text().replace("V_A = ...", "V_A = 1.0").replace("V_B = ...", "V_B = 2.0")
                    .replace("V_C = ...", "V_C = 3.0"))
    return _line_of(file, "V_A = 1.0")


def _wrong_function(workspace: Path, course) -> int:
    exercise = course.find("bellman_iteration")
    file = workspace / "exercises" / exercise.path
    source = (REPO / "solutions" / exercise.path).read_text()
    file.write_text(source.replace("gamma *", "gamma * 0.5 *"))
    return _line_of(file, "def bellman_iteration(")


@pytest.fixture(scope="module")
def ci_run(_committed_stubs, tmp_path_factory, course) -> dict:
    """One verify of the whole course as GitHub Actions runs it, with both reports: 12
    exercises in the middle fail to load, one answer and one function are wrong, the rest are
    untouched stubs. Shared by the tests that read its annotations and its report."""
    workspace = tmp_path_factory.mktemp("ci") / "ws"
    shutil.copytree(_committed_stubs, workspace, symlinks=True)
    later = [e.name for e in course.exercises[10:22]]
    made = {"workspace": workspace, "later": later, "raised": _break(workspace, course, later),
            "answer_line": _wrong_answer(workspace, course), "def_line": _wrong_function(workspace, course)}
    summary = workspace.parent / "summary.md"
    made["result"] = run_cli("verify", "--json", "full.json", "--junit-xml", "full.xml", cwd=workspace,
                             env=quiet_env(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary)))
    made["summary"] = summary.read_text() if summary.exists() else ""
    return made


def test_github_annotations_point_at_the_started_exercises_that_fail(ci_run, course):
    result, later, raised = ci_run["result"], ci_run["later"], ci_run["raised"]
    assert result.code == 1, result.text
    errors = [ANNOTATION.match(line) for line in result.stdout.splitlines() if line.startswith("::error")]
    assert all(errors) and len(errors) == 10
    expected = [("bellman_values", ci_run["answer_line"]), ("bellman_iteration", ci_run["def_line"])] + \
        [(n, raised[n]) for n in later[:8]]
    assert [(m.group(3).split("%3A ")[1].split(" ")[0], int(m.group(2))) for m in errors] == expected
    assert [m.group(1) for m in errors][:2] == ["exercises/01_bellman/bellman_values.py",
                                                "exercises/01_bellman/bellman_iteration.py"]
    notices = [line for line in result.stdout.splitlines() if line.startswith("::notice")]
    assert notices[0].endswith("::" + ", ".join(later[8:]))
    total = len(course.exercises)
    assert notices[1].endswith(f"::0 of {total} exercises pass, 14 started ones do not, {total - 14} not started yet.")
    assert "answers within ±0.005 are accepted" in result.stdout  # the value and the tolerance, not "check failed"
    assert "| ❌ failed |" in ci_run["summary"]


def test_junit_has_a_suite_per_exercise_in_course_order(ci_run, course, junit_schema):
    report = ci_run["workspace"] / "full.xml"
    junit_schema.validate(str(report))
    suites = {suite.name: list(suite) for suite in JUnitXml.fromfile(str(report))}
    assert list(suites) == [e.name for e in course.exercises]
    assert not [name for name, cases in suites.items() if all(case.is_passed for case in cases)]
    assert all(isinstance(r, (Failure, Error)) for cases in suites.values() for case in cases for r in case.result)
    assert {case.classname.split(".")[0] for cases in suites.values() for case in cases} == set(course.topics)


def test_started_only_passes_when_every_started_exercise_passes(cli, workspace, course):
    # Six exercises by name, three solved: the rule does not depend on how many there are (the
    # whole course with --started-only: the install-line test in test_package, as CI runs it).
    for exercise in course.exercises[:3]:
        solve(workspace, exercise.path)
    names = [e.name for e in course.exercises[:6]]
    lenient = cli("verify", "--started-only", *names, cwd=workspace)
    assert lenient.code == 0, lenient.text
    assert "3 of 6 exercises pass, 3 not started yet." in lenient.stdout
    assert cli("verify", *names, cwd=workspace).code == 1  # without the flag, the untouched ones fail
    _break(workspace, course, [course.exercises[5].name])
    assert cli("verify", "--started-only", *names, cwd=workspace).code == 1


def test_results_json_task_ids_are_course_numbers_and_paths_are_relative(ci_run, cli, workspace, course):
    full_data = json.loads((ci_run["workspace"] / "full.json").read_text())
    raised = course.find(ci_run["later"][0])
    number = course.exercises.index(raised) + 1
    broken = course.exercises[7]
    (workspace / "exercises" / broken.path).write_text("def oops(:\n")
    one = cli("verify", broken.name, "--json", "one.json", cwd=workspace)
    assert one.code == 1
    one_data = json.loads((workspace / "one.json").read_text())
    for data in (full_data, one_data):
        jsonschema.validate(data, V3)
    assert one_data["status"] == "error" and "SyntaxError" in one_data["message"]
    assert full_data["status"] == "fail" and full_data["message"] is None
    assert {t["task_id"] for t in one_data["tests"]} == {8}
    assert [t["task_id"] for t in full_data["tests"] if t["name"].startswith(raised.name + ":")] == [number]
    assert sorted({t["task_id"] for t in full_data["tests"]}) == list(range(1, len(course.exercises) + 1))
    for folder, text in ((ci_run["workspace"], (ci_run["workspace"] / "full.json").read_text()),
                         (workspace, (workspace / "one.json").read_text())):
        assert str(folder) not in text and str(REPO) not in text and '"/' not in text


def test_a_huge_learner_exception_keeps_every_report_small(cli, workspace, course, junit_schema):
    exercise = course.find("bellman_iteration")
    (workspace / "exercises" / exercise.path).write_text(
        "def bellman_iteration(V, R, P, gamma):\n    print('y' * 300_000)\n    raise ValueError('x' * 300_000)\n")
    result = cli("verify", exercise.name, "--json", "r.json", "--junit-xml", "r.xml", "--github", cwd=workspace)
    assert result.code == 1
    assert (workspace / "r.json").stat().st_size < 200_000
    assert (workspace / "r.xml").stat().st_size < 200_000
    assert len(result.stdout) < 100_000
    junit_schema.validate(str(workspace / "r.xml"))
    jsonschema.validate(json.loads((workspace / "r.json").read_text()), V3)


def test_an_unwritable_report_path_stops_verify_before_any_check(cli, workspace):
    (workspace / "a-file").write_text("x")
    (workspace / "a-folder").mkdir()
    cases = [["--json", "a-file/results.json", "--junit-xml", "ok.xml"],
             ["--json", "ok.json", "--junit-xml", "a-folder"],
             ["--json", "same.json", "--junit-xml", "same.json"]]
    for args in cases:
        result = cli("verify", *args, cwd=workspace)
        assert result.code == 2, result.text
        assert "exercises pass" not in result.stdout and "not started" not in result.stdout
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.strip().endswith(".")
        assert not any((workspace / name).exists() for name in ("ok.xml", "ok.json", "same.json"))


def test_ci_logs_list_failures_as_wrapped_blocks_at_80_and_60_columns(cli, workspace, course):
    _wrong_answer(workspace, course)
    _wrong_function(workspace, course)
    for width in (80, 60):
        result = cli("verify", "bellman_values", "bellman_iteration", "bellman_myopic", cwd=workspace,
                     env=quiet_env(COLUMNS=str(width)))
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= width
        assert [line for line in lines if line != line.rstrip()] == []  # nothing padded into the log
        flowing = " ".join(" ".join(lines).split())
        assert "`V_A` = 1 is not right (answers within ±0.005 are accepted)." in flowing
        assert "[0] expected 12.34" in flowing  # the differing entries, named by index
        # Each failure is a block of its own, headed by the exercise and its file:line.
        heads = [line for line in lines if line.startswith("✗ failed")]
        assert [h.split()[2] for h in heads] == ["bellman_values", "bellman_iteration"]
        assert any("bellman_values.py:" in line for line in lines)


def test_verify_of_the_solutions_passes_with_reports(cli, tmp_path, course, junit_schema):
    # One exercise of each kind: a run where everything passes (every solution, from a checkout:
    # test_curriculum; from a plain install: test_lower_bounds).
    names = list({e.kind: e.name for e in course.exercises}.values())
    result = cli("verify", *names, "--exercises-dir", str(REPO / "solutions"), "--json", "r.json",
                 "--junit-xml", "r.xml", cwd=tmp_path, env=quiet_env(GITHUB_ACTIONS="true"))
    assert result.code == 0, result.text[-3000:]
    assert "::error" not in result.stdout
    assert f"::notice title=rlcheck::{len(names)} of {len(names)} exercises pass" in result.stdout
    data = json.loads((tmp_path / "r.json").read_text())
    jsonschema.validate(data, V3)
    assert data["status"] == "pass" and {t["status"] for t in data["tests"]} == {"pass"}
    junit_schema.validate(str(tmp_path / "r.xml"))
