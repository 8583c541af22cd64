"""``rlcheck gradebook`` merging many learners' results.json files, through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

from markdown_it import MarkdownIt

from checker.report import Entry, results_json
from checker.result import Result, Status, TestResult

STATUSES = [Status.PASSED, Status.FAILED, Status.NOT_STARTED, Status.ERROR, Status.TIMEOUT]
CELL = {"passed": "pass", "failed": "fail", "not_started": "-", "error": "error", "timeout": "timeout"}


def _results_file(course, statuses: dict[str, Status]) -> dict:
    """A results.json as `verify --json` writes it, for the given exercise statuses."""
    entries = []
    for number, exercise in enumerate(course.exercises, start=1):
        status = statuses[exercise.name]
        outcome = {"passed": "passed", "failed": "failed", "not_started": "not_started"}.get(status.value)
        tests = [TestResult("check", outcome, "" if outcome == "passed" else "wrong")] if outcome else []
        result = Result(exercise.name, "x", status, status.label, tests=tests)
        entries.append(Entry(result, exercise.topic, f"exercises/{exercise.path}", number=number, kind=exercise.kind))
    return results_json(entries)


def _make_class(course, root: Path, count: int, seed: int = 7) -> dict[str, dict[str, Status]]:
    rng = random.Random(seed)
    truth = {}
    for i in range(count):
        learner = f"learner{i:03d}"
        statuses = {e.name: rng.choice(STATUSES) for e in course.exercises}
        folder = root / learner
        folder.mkdir(parents=True)
        (folder / "rlcheck-results.json").write_text(json.dumps(_results_file(course, statuses)))
        truth[learner] = statuses
    return truth


def test_gradebook_of_200_learners(cli, course, tmp_path):
    truth = _make_class(course, tmp_path / "results", 200)
    result = cli("gradebook", "results", "--csv", "book.csv", "--markdown", "book.md", cwd=tmp_path)
    assert result.code == 0, result.text
    rows = list(csv.reader(io.StringIO((tmp_path / "book.csv").read_text())))
    names = [e.name for e in course.exercises]
    assert rows[0] == ["learner", *names, "passed", "started", "total"]
    body, totals = rows[1:-1], rows[-1]
    assert [row[0] for row in body] == sorted(truth)
    for row in body:
        statuses = truth[row[0]]
        assert row[1:1 + len(names)] == [CELL[statuses[n].value] for n in names]
        passed = sum(s is Status.PASSED for s in statuses.values())
        started = sum(s is not Status.NOT_STARTED for s in statuses.values())
        assert row[-3:] == [str(passed), str(started), str(len(names))]
    assert totals[0] == "learners passing"
    assert totals[1:1 + len(names)] == [str(sum(t[n] is Status.PASSED for t in truth.values())) for n in names]
    html = MarkdownIt("commonmark").enable("table").render((tmp_path / "book.md").read_text())
    assert html.count("<tr>") == 1 + 200 + 1  # header, learners, totals


def test_gradebook_prints_markdown_without_output_files(cli, course, tmp_path):
    _make_class(course, tmp_path / "results", 3)
    result = cli("gradebook", *(str(p) for p in sorted((tmp_path / "results").rglob("*.json"))), cwd=tmp_path)
    assert result.code == 0, result.text
    assert result.stdout.startswith(f"# Gradebook: 3 learners, {len(course.exercises)} exercises")
    assert "| `learner002` |" in result.stdout


def test_malformed_files_are_all_named_and_nothing_is_written(cli, course, tmp_path):
    _make_class(course, tmp_path / "results", 2)
    bad = tmp_path / "results"
    (bad / "broken.json").write_text('{"version": 3, "status": ')
    (bad / "old.json").write_text(json.dumps({"version": 2, "status": "pass", "tests": []}))
    (bad / "plain.json").write_text(json.dumps({"version": 3, "status": "pass", "tests": []}))
    (bad / "odd.json").write_text(json.dumps({"version": 3, "exercises": [{"name": "gae", "status": "great"}]}))
    (bad / "learner000.json").write_text(json.dumps(_results_file(course, {e.name: Status.PASSED for e in course.exercises})))
    result = cli("gradebook", "results", "--csv", "book.csv", cwd=tmp_path)
    assert result.code == 2
    errors = " ".join(result.stderr.split())
    assert "broken.json: not valid JSON (line 1, column" in errors
    assert "old.json: not an exercism v3 results.json ('version' is 2)" in errors
    assert "plain.json: has no 'exercises' list" in errors
    assert "odd.json: exercises[0] needs a 'name' and a 'status'" in errors
    assert "learner 'learner000' also comes from" in errors
    assert "Nothing was written." in errors
    assert not (tmp_path / "book.csv").exists()
    missing = cli("gradebook", "nowhere.json", cwd=tmp_path)
    assert missing.code == 2 and "nowhere.json: no such file." in missing.stderr


def test_learner_names_cannot_act_in_a_spreadsheet_or_markdown(cli, course, tmp_path):
    data = _results_file(course, {e.name: Status.PASSED for e in course.exercises})
    for name in ("=HYPERLINK(x)", "<img src=x>|pwn"):
        folder = tmp_path / "results" / name
        folder.mkdir(parents=True)
        (folder / "results.json").write_text(json.dumps(data))
    result = cli("gradebook", "results", "--csv", "book.csv", "--markdown", "book.md", cwd=tmp_path)
    assert result.code == 0, result.text
    first_cells = [row[0] for row in csv.reader(io.StringIO((tmp_path / "book.csv").read_text()))]
    assert "'=HYPERLINK(x)" in first_cells
    html = MarkdownIt("commonmark").enable("table").render((tmp_path / "book.md").read_text())
    assert "<img" not in html and "&lt;img src=x&gt;|pwn" in html
