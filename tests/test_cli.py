"""The CLI as a learner and a CI job use it: real subprocesses in a scratch workspace."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from checker.blas import ONE_BLAS_THREAD

from conftest import REPO, solve


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
    # (All 68 solutions through verify: test_verify_ci and test_package; here the codes.)
    assert cli("verify", "bellman_values", "value_iteration", "--exercises-dir", str(REPO / "solutions"),
               cwd=tmp_path).code == 0
    stubs = cli("verify", "bellman_values", "value_iteration", cwd=workspace)
    assert stubs.code == 1 and "2 not started yet" in stubs.stdout
    assert cli("verify", "no_such_exercise", cwd=workspace).code == 2
    assert cli("verify", "--exercises-dir", str(tmp_path / "missing"), cwd=tmp_path).code == 2
    assert cli("verify", "--no-such-option", cwd=workspace).code == 2


def test_damaged_state_is_rebuilt_with_a_warning(cli, workspace):
    # One damage through the commands; the store meets every kind of damage in test_state.
    state = workspace / ".rlcheck" / "state.json"
    state.parent.mkdir()
    state.write_bytes(b"\xff\xfe\x00garbage")
    result = cli("list", cwd=workspace)
    assert result.code == 0
    assert "warning" in result.stderr
    assert (workspace / ".rlcheck" / "state.json.damaged").exists()
    assert cli("hint", cwd=workspace).code == 0  # the next command that records progress
    assert json.loads(state.read_text())["hints_shown"]  # writes it whole


def test_outside_a_workspace_says_what_to_do(cli, tmp_path):
    result = cli("list", cwd=tmp_path)
    assert result.code == 2
    assert "rlcheck init" in result.stderr


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


def test_topics_match_whatever_their_case(cli, workspace, course):
    ppo = [e.name for e in course.exercises if e.topic == "ppo"]
    for spelling in ("PPO", "Ppo", "ppo"):
        result = cli("list", "--topic", spelling, "--json", cwd=workspace)
        assert result.code == 0, result.text
        assert [row["name"] for row in json.loads(result.stdout)] == ppo


def test_reset_takes_its_answer_from_stdin(cli, workspace, course):
    exercise = course.exercises[1]
    target = workspace / "exercises" / exercise.path
    original = target.read_bytes()
    target.write_text("my work")
    no = cli("reset", exercise.name, cwd=workspace, stdin="n\n")
    assert no.code == 1 and "Nothing was restored" in no.stderr and target.read_text() == "my work"
    yes = cli("reset", exercise.name, cwd=workspace, stdin="y\n")
    assert yes.code == 0, yes.text
    assert target.read_bytes() == original


def test_reset_keeps_the_hints_of_other_exercises(cli, workspace, course):
    first, second = course.exercises[:2]
    cli("hint", first.name, cwd=workspace)
    cli("hint", second.name, cwd=workspace)
    assert cli("reset", first.name, "--yes", cwd=workspace).code == 0
    assert json.loads((workspace / ".rlcheck" / "state.json").read_text())["hints_shown"] == {second.name: 1}


def test_solution_defaults_to_the_current_exercise(cli, workspace, course):
    first, second = course.exercises[:2]
    early = cli("solution", cwd=workspace)
    assert early.code == 1 and f"Pass {first.name} first" in early.stderr
    solve(workspace, first.path)
    assert cli("run", cwd=workspace).code == 0  # passes, and moves the current exercise on
    moved_on = cli("solution", cwd=workspace)
    assert moved_on.code == 1 and f"rlcheck solution {first.name}" in moved_on.stderr
    assert cli("solution", first.name, cwd=workspace).stdout.endswith((REPO / "solutions" / first.path).read_text())
    diff = cli("solution", second.name, "--force", "--diff", cwd=workspace)
    assert diff.code == 0 and diff.stdout.startswith(f"--- your {second.path}")


def test_solution_in_a_terminal_has_no_trailing_spaces(workspace, course):
    import pexpect

    from conftest import quiet_env, rlcheck_command

    exercise = course.exercises[1]
    command = rlcheck_command()
    child = pexpect.spawn(command[0], [*command[1:], "solution", exercise.name, "--force"], cwd=str(workspace),
                          env=quiet_env(TERM="xterm"), encoding="utf-8", timeout=30, dimensions=(50, 120))
    child.expect(pexpect.EOF)
    from watchdriver import ANSI

    lines = ANSI.sub("", child.before).replace("\r\n", "\n").split("\n")
    code = [line for line in lines if re.match(r"\s*\d+( |$)", line)]
    assert len(code) >= len((REPO / "solutions" / exercise.path).read_text().splitlines())
    assert [line for line in lines if line != line.rstrip()] == []


def test_the_pass_line_of_run_fits_80_columns(cli, workspace, course):
    longest = max(course.exercises, key=lambda e: len(e.name))
    solve(workspace, longest.path)
    from conftest import quiet_env

    result = cli("run", longest.name, cwd=workspace, env=quiet_env(COLUMNS="80"))
    assert result.code == 0, result.text
    assert f"Compare with the reference: rlcheck solution {longest.name}" in result.stdout.splitlines()
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def test_a_negative_hint_count_is_repaired_with_a_warning(cli, workspace, course):
    exercise = course.exercises[0]
    state = workspace / ".rlcheck" / "state.json"
    state.parent.mkdir()
    state.write_text(json.dumps({"version": 1, "current": None, "passed": {}, "hints_shown": {exercise.name: -4}}))
    result = cli("hint", exercise.name, cwd=workspace)
    assert result.code == 0 and "hint 1 of" in result.stdout
    assert f"the hint count of {exercise.name} was -4, set to 0" in " ".join(result.stderr.split())
    assert json.loads(state.read_text())["hints_shown"] == {exercise.name: 1}


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("special", ["fifo", "dev-zero"])
def test_special_files_in_place_of_progress_or_an_exercise_never_hang(cli, workspace, course, special):
    exercise = course.exercises[0]
    target = workspace / "exercises" / exercise.path
    state = workspace / ".rlcheck" / "state.json"
    state.parent.mkdir()
    for path in (target, state):
        path.unlink(missing_ok=True)
        os.mkfifo(path) if special == "fifo" else path.symlink_to("/dev/zero")
    what = "a FIFO (named pipe)" if special == "fifo" else "a character device"
    listed = cli("list", "--json", cwd=workspace, timeout=60)
    assert listed.code == 0, listed.text
    assert f"is {what}, not a regular file" in " ".join(listed.stderr.split())
    run = cli("run", exercise.name, cwd=workspace, timeout=60)
    assert run.code == 1 and f"{target.name} is {what}, not a regular file." in " ".join(run.stdout.split())
    assert cli("hint", exercise.name, cwd=workspace, timeout=60).code == 0
    assert json.loads(state.read_text())["hints_shown"] == {exercise.name: 1}  # progress now a real file


def test_an_exercise_file_over_the_size_cap_gets_a_clear_error(cli, workspace, course):
    exercise = course.exercises[0]
    target = workspace / "exercises" / exercise.path
    with open(target, "ab") as fh:
        fh.write(b"#" * (3 * 1024 * 1024))
    run = cli("run", exercise.name, cwd=workspace, timeout=60)
    assert run.code == 1
    assert "is 3.0 MB, over the 2.0 MB limit" in " ".join(run.stdout.split())


def test_a_checker_folder_and_stdlib_names_in_the_workspace_change_nothing(cli, workspace):
    """A learner's `checker/` folder (named like the grader) or a `random.py` beside an exercise is
    never imported by rlcheck: verify of untouched stubs stays "not started", a solution passes."""
    fake = workspace / "checker"
    fake.mkdir()
    for name in ("__init__.py", "worker.py", "judge.py", "cli.py"):
        (fake / name).write_text("raise SystemExit('the workspace checker/ was imported')\n")
    (workspace / "exercises" / "01_bellman" / "random.py").write_text("raise SystemExit('random.py was imported')\n")
    (workspace / "exercises" / "01_bellman" / "numpy.py").write_text("raise SystemExit('numpy.py was imported')\n")
    stubs = cli("verify", "bellman_values", "bellman_iteration", cwd=workspace)
    assert stubs.code == 1, stubs.text
    assert "was imported" not in stubs.text and "note:" not in stubs.stderr  # no fallback either
    assert "0 of 2 exercises pass" in " ".join(stubs.stdout.split())
    (workspace / "exercises" / "01_bellman" / "bellman_iteration.py").write_text(
        (REPO / "solutions" / "01_bellman" / "bellman_iteration.py").read_text())
    solved = cli("run", "bellman_iteration", cwd=workspace)
    assert solved.code == 0 and "was imported" not in solved.text, solved.text


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through /proc")
@pytest.mark.parametrize("preset, threads", [(None, 1), ("2", 2)], ids=["default", "the-users-own"])
def test_commands_run_numpy_on_one_blas_thread_unless_told_otherwise(preset, threads):
    """`show` imports the course's references: no BLAS thread pool starts for arrays this small."""
    env = {k: v for k, v in os.environ.items() if k not in ONE_BLAS_THREAD}
    if preset is not None:
        env["OPENBLAS_NUM_THREADS"] = preset
    code = ("import os, checker.cli, numpy; numpy.ones((64, 64)) @ numpy.ones((64, 64)); "
            "print(len(os.listdir('/proc/self/task')))")
    seen = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=REPO)
    assert seen.returncode == 0, seen.stderr
    assert int(seen.stdout) == threads
