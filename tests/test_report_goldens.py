"""Golden files for the CI reports, one scenario directory each, as exercism's test runner keeps them.

Each directory under tests/golden/reports/ holds ``input.json``: the entries of one ``rlcheck
verify`` run, built here into real Result, TestResult and CallRecord objects; and the reports
verify would write for them, compared byte for byte:

- ``junit.xml``: ``junit_xml(entries)``, strict mode;
- ``junit.started-only.xml``: ``junit_xml(entries, started_only=True)``, where the input asks;
- ``results.json``: what ``write_json`` writes (exercism's test-runner results.json v3);
- ``annotations.txt``: ``github_annotations(entries)``, one workflow command a line;
- ``summary.md``: what ``append_step_summary`` appends to ``$GITHUB_STEP_SUMMARY``.

Every entry goes through ``entries.Scrubber``, as verify's ``build_entries`` does, so the
absolute paths a learner's traceback holds are tested the way they reach a report. The input
names those paths by placeholders (``{workspace}``, ``{exercises}``, ``{cwd}``, ``{home}``,
``{package}``) that become this run's real paths; durations are fixed in the input. Nothing is
normalised: every byte of every output is compared.

In ``input.json`` a text is a string, ``{"repeat": "x", "times": 300000}``, or a list of those,
joined. After a deliberate change to a report, regenerate the goldens and read the diff:

    RLCHECK_UPDATE_GOLDEN=1 pytest tests/test_report_goldens.py
"""

from __future__ import annotations

import difflib
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.catalog import PACKAGE_DIR, Workspace
from checker.entries import Scrubber
from checker.report import Entry, append_step_summary, github_annotations, junit_xml, results_json, write_json
from checker.result import CallRecord, Result, Status, TestResult

GOLDEN = Path(__file__).parent / "golden" / "reports"
DATA = Path(__file__).parent / "data"
UPDATE = os.environ.get("RLCHECK_UPDATE_GOLDEN") == "1"
SCENARIOS = sorted(p.name for p in GOLDEN.iterdir() if (p / "input.json").is_file())
OUTPUTS = ("junit.xml", "junit.started-only.xml", "results.json", "annotations.txt", "summary.md")


# ------------------------------------------------------------------ from input.json to Entries


def text(value: Any, paths: dict[str, str]) -> str:
    """A text of input.json: a string (placeholders filled in), a repetition, or a list joined."""
    if isinstance(value, list):
        return "".join(text(v, paths) for v in value)
    if isinstance(value, dict):
        return text(value["repeat"], paths) * int(value["times"])
    assert isinstance(value, str), f"not a text: {value!r}"
    for name, path in paths.items():
        value = value.replace("{" + name + "}", path)
    return value


def call_record(raw: dict[str, Any], paths: dict[str, str]) -> CallRecord:
    return CallRecord(what=text(raw["what"], paths), output=text(raw.get("output", ""), paths),
                      output_truncated=raw.get("output_truncated", False), duration=raw.get("duration", 0.0))


def hidden_test(raw: dict[str, Any], paths: dict[str, str]) -> TestResult:
    return TestResult(
        name=text(raw["name"], paths), outcome=raw["outcome"], message=text(raw.get("message", ""), paths),
        traceback=text(raw.get("traceback", ""), paths), line=raw.get("line"),
        test_code=text(raw.get("test_code", ""), paths),
        calls=[call_record(c, paths) for c in raw.get("calls", [])],
    )


def entry(raw: dict[str, Any], paths: dict[str, str]) -> Entry:
    r = raw["result"]
    result = Result(
        exercise=r["exercise"], file=text(r.get("file", "{exercises}/" + raw["path"]), paths),
        status=Status(r["status"]), summary=text(r["summary"], paths),
        tests=[hidden_test(t, paths) for t in r.get("tests", [])], detail=text(r.get("detail", ""), paths),
        line=r.get("line"), output=text(r.get("output", ""), paths), load_output=text(r.get("load_output", ""), paths),
        duration=r.get("duration", 0.0), source_sha256=r.get("source_sha256"), isolation=r.get("isolation", ""),
    )
    return Entry(result, topic=raw["topic"], path=raw["path"], number=raw["number"], kind=raw.get("kind", ""),
                 line=raw.get("line"))


def placeholders(root: Path) -> dict[str, str]:
    return {"exercises": str(root / "ws" / "exercises"), "workspace": str(root / "ws"), "cwd": str(root / "ws"),
            "home": str(root / "home"), "package": str(PACKAGE_DIR)}


def build(scenario: str, root: Path) -> tuple[dict[str, Any], list[Entry]]:
    spec = json.loads((GOLDEN / scenario / "input.json").read_text(encoding="utf-8"))
    root = root.resolve()  # as the Scrubber sees it, wherever the temporary folder is linked from
    paths = placeholders(root)
    workspace = Workspace(root=root / "ws", exercises_dir=root / "ws" / "exercises")
    workspace.exercises_dir.mkdir(parents=True)
    scrub = Scrubber(workspace, cwd=workspace.root)
    entries = []
    for raw in spec["entries"]:
        built = entry(raw, paths)
        entries.append(Entry(scrub.result(built.result), built.topic, built.path, built.number, built.kind, built.line))
    return spec, entries


# ------------------------------------------------------------------ the reports, as bytes


def reports(scenario: str, root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    monkeypatch.setenv("HOME", str(root.resolve() / "home"))  # the Scrubber's "~"
    spec, entries = build(scenario, root)
    out = {"junit.xml": junit_xml(entries)}
    if spec.get("started_only"):
        out["junit.started-only.xml"] = junit_xml(entries, started_only=True)
    write_json(root / "out" / "results.json", entries)
    out["results.json"] = (root / "out" / "results.json").read_bytes()
    out["annotations.txt"] = "".join(line + "\n" for line in github_annotations(entries)).encode("utf-8")
    summary = root / "out" / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert append_step_summary(entries) is None
    out["summary.md"] = summary.read_bytes()
    return out


def _diff(name: str, expected: bytes, got: bytes) -> str:
    lines = difflib.unified_diff(expected.decode("utf-8", "backslashreplace").splitlines(),
                                 got.decode("utf-8", "backslashreplace").splitlines(),
                                 f"golden/{name}", f"now/{name}", lineterm="", n=1)
    return "\n".join(line[:300] for line in list(lines)[:60])


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_reports_match_their_golden_files(scenario: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = reports(scenario, tmp_path, monkeypatch)
    folder = GOLDEN / scenario
    if UPDATE:
        for name in OUTPUTS:
            if name in got:
                (folder / name).write_bytes(got[name])
            elif (folder / name).exists():
                (folder / name).unlink()
    present = {name for name in OUTPUTS if (folder / name).exists()}
    assert present == set(got), f"golden files {sorted(present)}, reports {sorted(got)}: " \
                                "run with RLCHECK_UPDATE_GOLDEN=1 to regenerate"
    problems = [_diff(name, (folder / name).read_bytes(), data) for name, data in got.items()
                if (folder / name).read_bytes() != data]
    assert not problems, "\n\n".join(problems)


def test_every_scenario_is_here() -> None:
    assert SCENARIOS == ["all_pass", "hostile_text", "many_failing", "mixed_statuses", "started_only"]


# ------------------------------------------------------------------ the goldens are what consumers accept


def test_the_golden_files_are_valid_for_their_consumers(junit_schema) -> None:
    """A regenerated golden must still be a report its reader takes: the XSD, exercism's v3 rules."""
    v3 = json.loads((DATA / "exercism-results-v3.schema.json").read_text())
    for scenario in SCENARIOS:
        folder = GOLDEN / scenario
        for name in ("junit.xml", "junit.started-only.xml"):
            if (folder / name).exists():
                junit_schema.validate(str(folder / name))
        jsonschema.validate(json.loads((folder / "results.json").read_text(encoding="utf-8")), v3)
        for line in (folder / "annotations.txt").read_text(encoding="utf-8").splitlines():
            assert line.startswith(("::error file=", "::notice title=")), (scenario, line[:80])
        assert all(len(p.read_bytes()) < 100_000 for p in folder.iterdir()), scenario


# ------------------------------------------------------------------ found while writing the goldens, fixed since


def _marker_entry(*outcomes: str) -> Entry:
    """An exercise held back by ``# I AM NOT DONE``, as the judge reports it and classify reads it."""
    from checker.protocol import Verdict
    from checker.verdict import classify

    tests = [{"name": f"check {i}", "outcome": outcome, "message": "" if outcome == "passed" else "expected 1, got 2"}
             for i, outcome in enumerate(outcomes)]
    report = {"tests": tests, "collected": len(tests), "load": {"status": "ok"}, "marker": True}
    result = classify(Verdict(1, len(tests), report), "greedy_fix", "x")
    assert result.status is Status.NOT_STARTED
    return Entry(result, "q", "exercises/greedy_fix.py", number=1, kind="fix")


def test_an_exercise_held_back_by_the_marker_never_reads_as_passing() -> None:
    entry = _marker_entry("passed", "passed")
    assert results_json([entry])["status"] != "pass"
    suite = ET.fromstring(junit_xml([entry])).find("testsuite")
    assert int(suite.get("failures")) + int(suite.get("errors")) > 0


def test_started_only_junit_skips_every_check_of_an_exercise_held_back_by_the_marker() -> None:
    suite = ET.fromstring(junit_xml([_marker_entry("passed", "failed")], started_only=True)).find("testsuite")
    assert (suite.get("failures"), suite.get("errors")) == ("0", "0")


def test_each_check_keeps_its_own_message_when_the_exercise_timed_out() -> None:
    tests = [TestResult("loops", "timeout", "f(1)\n  did not return within 5 s, so it was stopped.", test_code="f(1)"),
             TestResult("alpha 0", "failed", "f(0)\n  expected Q[0, 0] = 0.0\n  got      Q[0, 0] = 1.0",
                        test_code="f(0)")]
    entry = Entry(Result("f", "x", Status.TIMEOUT, "`f` did not return within 5 s, so it was stopped.", tests=tests),
                  "t", "exercises/f.py")
    second = results_json([entry])["tests"][1]
    assert "expected Q[0, 0] = 0.0" in second["message"]
    cases = ET.fromstring(junit_xml([entry])).iter("testcase")
    assert "expected Q[0, 0] = 0.0" in list(cases)[1].find("failure").text


def test_a_lone_surrogate_in_learner_text_still_gives_a_results_json(tmp_path: Path) -> None:
    tests = [TestResult("check", "failed", "Your code raised ValueError: bad \ud800 value", calls=[
        CallRecord("f(1)", output="printed \udcff\n")])]
    entry = Entry(Result("f", "x", Status.FAILED, "The check failed.", tests=tests), "t", "exercises/f.py")
    write_json(tmp_path / "results.json", [entry])
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert data["tests"][0]["message"].startswith("Your code raised ValueError: bad ")


def test_the_ci_log_carries_no_workflow_command_from_learner_text() -> None:
    import io

    from checker import ui
    from checker.verify_view import failure_blocks

    message = "wrong\n::error file=other.py,line=1::injected\n::stop-commands::token"
    tests = [TestResult("check", "failed", message, calls=[CallRecord("f(1)", output="::add-mask::x\n")])]
    entry = Entry(Result("f", "x", Status.FAILED, "The check failed.", tests=tests), "t", "exercises/f.py")
    console = ui.make_console(file=io.StringIO(), width=80, color_system=None)
    console.print(failure_blocks([entry]))
    lines = console.file.getvalue().splitlines()
    assert not [line for line in lines if line.lstrip().startswith("::")]
