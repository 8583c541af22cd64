"""The CLI as a learner and a CI job use it: real subprocesses in a scratch workspace."""

from __future__ import annotations

import json
import os

import pytest

from conftest import REPO, solve


def test_help_explains_every_command(cli, tmp_path):
    result = cli("--help", cwd=tmp_path)
    assert result.code == 0
    for command in ("watch", "list", "run", "hint", "reset", "verify", "init", "solution", "dev"):
        assert command in result.stdout
    for command in ("watch", "list", "run", "hint", "reset", "verify", "init", "solution"):
        assert cli(command, "--help", cwd=tmp_path).code == 0


def test_list_shows_every_exercise_as_pending(cli, workspace, course):
    result = cli("list", "--json", cwd=workspace)
    assert result.code == 0
    data = json.loads(result.stdout)
    assert [row["name"] for row in data] == [e.name for e in course.exercises]
    assert {row["status"] for row in data} == {"pending"}
    assert data[0]["current"] is True


def test_list_filters_by_topic_and_pending(cli, workspace, course):
    first = course.exercises[0]
    solve(workspace, first.path)
    assert cli("run", first.name, cwd=workspace).code == 0
    pending = json.loads(cli("list", "--pending", "--json", cwd=workspace).stdout)
    assert first.name not in [row["name"] for row in pending]
    topic = json.loads(cli("list", "--topic", first.topic, "--json", cwd=workspace).stdout)
    assert {row["topic"] for row in topic} == {first.topic}
    bad = cli("list", "--topic", "nonsense", cwd=workspace)
    assert bad.code == 2 and "no topic" in bad.stderr


def test_run_defaults_to_current_and_advances_on_pass(cli, workspace, course):
    first, second = course.exercises[:2]
    stub = cli("run", cwd=workspace)
    assert stub.code == 1
    assert "not started" in stub.stdout
    solve(workspace, first.path)
    passed = cli("run", cwd=workspace)
    assert passed.code == 0 and "passed" in passed.stdout
    assert f"Next: {second.name}" in passed.stdout
    state = json.loads((workspace / ".rlcheck" / "state.json").read_text())
    assert state["current"] == second.name and first.name in state["passed"]


def test_editing_a_passed_file_forgets_the_pass(cli, workspace, course):
    first = course.exercises[0]
    solve(workspace, first.path)
    assert cli("run", first.name, cwd=workspace).code == 0
    with open(workspace / "exercises" / first.path, "a") as fh:
        fh.write("\n# an edit\n")
    rows = json.loads(cli("list", "--json", cwd=workspace).stdout)
    assert rows[0]["status"] == "pending"


def test_unknown_exercise_suggests_close_names(cli, workspace):
    result = cli("run", "bellman_iteraton", cwd=workspace)
    assert result.code == 2
    assert "bellman_iteration" in result.stderr


def test_hints_are_progressive(cli, workspace, course):
    exercise = course.exercises[0]
    seen = [cli("hint", exercise.name, cwd=workspace).stdout for _ in range(len(exercise.hints) + 1)]
    assert "hint 1 of" in seen[0] and "hint 2 of" in seen[1]
    assert f"hint {len(exercise.hints)} of" in seen[-1]  # stays on the method once reached


def test_reset_restores_the_stub_after_confirmation(cli, workspace, course):
    exercise = course.exercises[1]
    target = workspace / "exercises" / exercise.path
    original = target.read_bytes()
    target.write_text("garbage")
    refused = cli("reset", exercise.name, cwd=workspace)
    assert refused.code == 2 and "--yes" in refused.stderr
    assert target.read_text() == "garbage"
    assert cli("reset", exercise.name, "--yes", cwd=workspace).code == 0
    assert target.read_bytes() == original


def test_reset_all_restores_every_stub_and_survives_a_solution_commit(cli, workspace, course):
    for exercise in course.exercises[:2]:
        solve(workspace, exercise.path)
    os.system(f"cd {workspace} && git -c user.name=t -c user.email=t@e commit -qam solved")
    assert cli("reset", "--all", "--yes", cwd=workspace).code == 0
    for exercise in course.exercises[:2]:
        assert (workspace / "exercises" / exercise.path).read_bytes() == (REPO / "exercises" / exercise.path).read_bytes()


def test_verify_exit_codes(cli, workspace, tmp_path):
    assert cli("verify", "--exercises-dir", str(REPO / "solutions"), cwd=tmp_path).code == 0
    stubs = cli("verify", cwd=workspace)
    assert stubs.code == 1 and "not started" in stubs.stdout
    assert cli("verify", "no_such_exercise", cwd=workspace).code == 2
    assert cli("verify", "--exercises-dir", str(tmp_path / "missing"), cwd=tmp_path).code == 2
    assert cli("verify", "--no-such-option", cwd=workspace).code == 2


@pytest.mark.parametrize("damage", [b"{not json", b"", b"\xff\xfe\x00garbage", b'{"version": 1, "passed": 3}'])
def test_damaged_state_is_rebuilt_with_a_warning(cli, workspace, damage):
    state = workspace / ".rlcheck" / "state.json"
    state.parent.mkdir()
    state.write_bytes(damage)
    result = cli("list", cwd=workspace)
    assert result.code == 0
    assert "warning" in result.stderr
    assert (workspace / ".rlcheck" / "state.json.damaged").exists()
    assert cli("run", cwd=workspace).code == 1
    json.loads(state.read_text())  # rewritten whole


def test_outside_a_workspace_says_what_to_do(cli, tmp_path):
    result = cli("list", cwd=tmp_path)
    assert result.code == 2
    assert "rlcheck init" in result.stderr


def test_dev_check_passes_on_the_repository(cli):
    result = cli("dev", "check", cwd=REPO)
    assert result.code == 0, result.text
    assert "sound" in result.stdout


def test_solution_is_shown_only_after_a_pass(cli, workspace, course):
    exercise = course.exercises[0]
    early = cli("solution", exercise.name, cwd=workspace)
    assert early.code == 1 and "Pass" in early.stderr
    peek = cli("solution", exercise.name, "--force", cwd=workspace)
    assert peek.code == 0 and "Reference solution" in peek.stdout
    solve(workspace, exercise.path)
    cli("run", exercise.name, cwd=workspace)
    assert cli("solution", exercise.name, cwd=workspace).code == 0


def test_reset_asks_in_a_terminal(workspace, course):
    import pexpect

    from conftest import quiet_env, rlcheck_command

    exercise = course.exercises[1]
    target = workspace / "exercises" / exercise.path
    original = target.read_bytes()
    command = rlcheck_command()
    for answer, restored in (("n", False), ("y", True)):
        target.write_text("my work")
        child = pexpect.spawn(command[0], [*command[1:], "reset", exercise.name], cwd=str(workspace),
                              env=quiet_env(), encoding="utf-8", timeout=30)
        child.expect("Your changes will be lost")
        child.sendline(answer)
        child.expect(pexpect.EOF)
        assert (target.read_bytes() == original) is restored
