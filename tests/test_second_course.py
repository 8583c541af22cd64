"""A second, tiny course (three arithmetic exercises) runs through init, watch and verify: the
engine knows nothing of reinforcement learning, and course policy comes from its manifest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.catalog import load_course
from checker.runner import Runner

from conftest import quiet_env
from watchdriver import Watch, write_by_rename, write_in_place

ARITH = Path(__file__).resolve().parent / "courses" / "arith"


@pytest.fixture
def env() -> dict[str, str]:
    return quiet_env(RLCHECK_COURSE=str(ARITH))


@pytest.fixture
def arith_workspace(cli, tmp_path, env) -> Path:
    made = cli("init", str(tmp_path / "ws"), "--install", "rlcheck", cwd=tmp_path, env=env)
    assert made.code == 0, made.text
    assert "Created a workspace with 3 exercises" in made.stdout
    assert "Arithmetic warm-up" in made.stdout  # the course's own welcome
    return tmp_path / "ws"


def test_dev_check_proves_the_second_course_sound(cli, tmp_path, env):
    result = cli("dev", "check", cwd=tmp_path, env=env)
    assert result.code == 0, result.text
    assert "3 exercises sound (6 checks)" in result.stdout


def test_init_and_verify_with_the_second_course(cli, arith_workspace, env):
    files = sorted(p.relative_to(arith_workspace / "exercises").as_posix()
                   for p in (arith_workspace / "exercises").rglob("*.py"))
    assert files == ["01_basics/add.py", "01_basics/square.py", "02_numbers/seven.py"]
    stubs = cli("verify", cwd=arith_workspace, env=env)
    assert stubs.code == 1, stubs.text
    assert "0 of 3 exercises pass" in " ".join(stubs.stdout.split())
    shutil.copytree(ARITH / "solutions", arith_workspace / "exercises", dirs_exist_ok=True)
    solved = cli("verify", "--json", "r.json", cwd=arith_workspace, env=env)
    assert solved.code == 0, solved.text
    assert "3 of 3 exercises pass" in " ".join(solved.stdout.split())
    wrong = arith_workspace / "exercises" / "01_basics" / "square.py"
    wrong.write_text("def square(x):\n    return x + x\n")
    failed = cli("run", "square", cwd=arith_workspace, env=env)
    assert failed.code == 1 and "square(1) returned 2; expected 1." in failed.stdout, failed.text


def test_watch_with_the_second_course(arith_workspace, env):
    watch = Watch(arith_workspace, env={**env, "TERM": "xterm-256color"}, columns=100, rows=30)
    try:
        watch.wait_for("add  (basics, implement)  1/3")
        watch.press("c")
        watch.frame_with("Check all: 0/3 pass", "any key: back to the exercise")
        watch.set_mark()
        watch.press("r")  # a key leaves the grid and does what it means: check the exercise again
        assert "Check all" not in watch.frame_with("add  (basics, implement)  1/3", "not written yet")
        watch.set_mark()
        write_in_place(arith_workspace / "exercises" / "01_basics" / "add.py", (ARITH / "solutions/01_basics/add.py").read_text())
        watch.wait_for("Next up: square")
        watch.set_mark()
        write_by_rename(arith_workspace / "exercises" / "01_basics" / "square.py", (ARITH / "solutions/01_basics/square.py").read_text())
        watch.wait_for("Next up: seven")
        watch.set_mark()
        write_in_place(arith_workspace / "exercises" / "02_numbers" / "seven.py", "SEVEN = 3 + 4\n")
        watch.wait_for("All 3 arithmetic exercises done")
        assert "reinforcement" not in watch.text.lower()
        assert watch.quit() == 0
    finally:
        watch.kill()


def test_a_course_named_by_a_relative_path_checks_on_both_paths(monkeypatch):
    """The checker's processes start in folders of their own: a relative course path still works."""
    monkeypatch.chdir(ARITH.parent)
    course = load_course(Path("arith") / "info.toml")
    add = course.find("add")
    for warm in (True, False):
        with Runner(course, warm=warm) as runner:
            assert runner.check(add, Path("arith") / "solutions" / add.path).passed
