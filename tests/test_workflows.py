"""The CI workflows rlcheck writes or documents, checked with check-jsonschema's GitHub workflow schema."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import REPO, quiet_env

WORKFLOW = Path(".github/workflows/rlcheck.yml")
CURRENT_MAJORS = {"actions/checkout": "v7", "actions/setup-python": "v7", "actions/upload-artifact": "v7",
                  "actions/download-artifact": "v8"}


def validate(*files: Path) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run([str(tool), "--builtin-schema", "vendor.github-workflows", *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text())


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def assert_hygiene(workflow: dict) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    for step in steps(workflow):
        if "uses" in step:
            action, major = step["uses"].split("@")
            assert CURRENT_MAJORS[action] == major, step["uses"]
            if action == "actions/checkout":
                assert step["with"]["persist-credentials"] is False
            if action == "actions/setup-python":
                version = str(step["with"]["python-version"])
                assert version.count(".") == 1 or version.startswith("${{"), version


def test_the_generated_workflow_is_valid_and_clean(cli, tmp_path):
    spec = "rlcheck @ git+https://example.test/course/rlcheck@0123456789abcdef"
    made = cli("init", "ws", "--install", spec, cwd=tmp_path)
    assert made.code == 0 and "warning" not in made.stderr, made.text
    path = tmp_path / "ws" / WORKFLOW
    checked = validate(path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    workflow = load(path)
    assert_hygiene(workflow)
    runs = [step.get("run", "") for step in steps(workflow)]
    assert f"python -m pip install '{spec}'\n" in runs
    assert any(run.startswith("rlcheck verify --started-only ") for run in runs)
    python = next(s["with"]["python-version"] for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python"))
    assert python == "3.12"


def test_without_a_reachable_install_init_warns_and_the_step_fails_loudly(cli, tmp_path):
    # This test environment has rlcheck installed from a local folder, which CI cannot reach.
    made = cli("init", "ws", cwd=tmp_path)
    assert made.code == 0, made.text
    path = tmp_path / "ws" / WORKFLOW
    warning = " ".join(made.stderr.split())
    line = int(warning.split("Edit line ")[1].split()[0])
    assert f"of {Path('ws') / WORKFLOW} to say how CI installs rlcheck" in warning and "--install SPEC" in warning
    assert "EDIT THIS STEP" in path.read_text().splitlines()[line - 1]
    assert validate(path).returncode == 0
    step = next(s for s in steps(load(path)) if s.get("name") == "Install rlcheck")
    ran = subprocess.run(["bash", "-c", step["run"]], capture_output=True, text=True)
    assert ran.returncode == 1 and ran.stdout.startswith(f"::error file={WORKFLOW.as_posix()},line={line}::")


@pytest.mark.parametrize("spec", ["", "rlcheck\nmalware"])
def test_a_bad_install_spec_is_refused(cli, tmp_path, spec):
    made = cli("init", "ws", "--install", spec, cwd=tmp_path)
    assert made.code == 2 and "--install" in made.stderr
    assert not (tmp_path / "ws").exists()


def test_the_course_grading_workflow_is_valid_and_clean():
    path = REPO / "docs" / "course-grading.yml"
    checked = validate(path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    workflow = load(path)
    assert_hygiene(workflow)
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["sparse-checkout"].split() == ["/exercises/"]
    assert checkout["with"]["sparse-checkout-cone-mode"] is False
    runs = "\n".join(s.get("run", "") for s in steps(workflow))
    assert "rlcheck verify --exercises-dir learner/exercises" in runs and "rlcheck gradebook results" in runs


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    text = (REPO / "docs" / "course-grading.yml").read_text().replace("contents: read", "contents: reed")
    broken.write_text(text)
    assert validate(broken).returncode != 0


def test_the_documented_merge_step_feeds_the_gradebook(cli, tmp_path, workspace):
    """The gradebook job's shell, run on folders laid out as download-artifact lays them out."""
    result = cli("verify", "--json", str(tmp_path / "results" / "results-alice" / "rlcheck-results.json"),
                 "bellman_values", cwd=workspace)
    assert result.code == 1
    shutil.copytree(tmp_path / "results" / "results-alice", tmp_path / "results" / "results-bob")
    merge = next(s for s in steps(load(REPO / "docs" / "course-grading.yml")) if s.get("name") == "Merge the results")
    env = quiet_env(GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"), PATH=f"{Path(sys.executable).parent}:/usr/bin:/bin")
    ran = subprocess.run(["bash", "-ec", merge["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    csv_rows = (tmp_path / "gradebook.csv").read_text().splitlines()
    assert [row.split(",")[0] for row in csv_rows[1:3]] == ["alice", "bob"]
    assert "| `alice` |" in (tmp_path / "summary.md").read_text()
