"""Watch mode in a real pseudo-terminal, with real saves: in place and by rename."""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from conftest import REPO, quiet_env, rlcheck_command
from watchdriver import Watch, write_by_rename, write_in_place

NO_GAMMA = (
    "import numpy as np\n"
    "def bellman_iteration(V, R, P, gamma):\n"
    "    return np.asarray(R, float) + np.asarray(P, float) @ np.asarray(V, float)\n"
)


@pytest.fixture
def watch_factory(workspace):
    started: list[Watch] = []

    def start(*args: str, **kwargs) -> Watch:
        w = Watch(workspace, *args, **kwargs)
        started.append(w)
        return w

    yield start
    for w in started:
        w.kill()


def solution_text(exercise) -> str:
    return (REPO / "solutions" / exercise.path).read_text()


def test_saves_are_checked_and_a_pass_advances(watch_factory, workspace, course):
    first, second = course.exercises[:2]
    w = watch_factory()
    w.wait_for("not started")
    assert first.name in w.text and "1/" in w.text

    w.set_mark()
    write_in_place(workspace / "exercises" / first.path, solution_text(first))
    w.wait_for(f"{first.name} passed")
    w.wait_for(f"Next up: {second.name}")
    w.wait_for("not written yet")  # the next exercise is checked at once

    w.set_mark()
    write_by_rename(workspace / "exercises" / second.path, NO_GAMMA)
    w.wait_for("without gamma")

    w.set_mark()
    write_by_rename(workspace / "exercises" / second.path, solution_text(second))
    w.wait_for(f"{second.name} passed")
    assert w.quit() == 0
    state = json.loads((workspace / ".rlcheck" / "state.json").read_text())
    assert set(state["passed"]) == {first.name, second.name}
    assert state["current"] == course.exercises[2].name


def test_keys_navigate_hint_list_and_check_all(watch_factory, course):
    names = [e.name for e in course.exercises]
    w = watch_factory()
    w.wait_for("not started")
    w.press("n")
    w.wait_for(f"{names[1]}  (")
    w.press("p")
    w.wait_for(f"{names[0]}  (")
    w.press("h")
    w.wait_for("hint 1 of")
    w.press("h")
    w.wait_for("hint 2 of")
    w.press("l")
    w.wait_for("Type a number")
    w.child.send("3")
    w.set_mark()
    w.child.send("\r")
    w.wait_for(f"{names[2]}  (")
    w.press("c")
    w.wait_for("Check all: 0/")
    w.press("r")
    w.wait_for("not started", "not written yet")
    assert w.quit() == 0


def test_a_save_during_a_slow_check_shows_the_newest_verdict(watch_factory, workspace, course):
    second = course.exercises[1]
    w = watch_factory("--timeout", "20")
    w.wait_for("not started")
    w.press("n")
    w.wait_for("not written yet")
    target = workspace / "exercises" / second.path
    slow = "import time\ndef bellman_iteration(V, R, P, gamma):\n    time.sleep(8)\n    return V\n"
    w.set_mark()
    write_in_place(target, slow)
    w.wait_for("checking")
    time.sleep(0.3)
    started = time.monotonic()
    write_in_place(target, solution_text(second))
    w.wait_for(f"{second.name} passed")
    assert time.monotonic() - started < 6, "the slow check was not cancelled"
    assert "checks failed" not in w.since_mark()
    assert w.quit() == 0


def test_saving_another_exercise_makes_it_current(watch_factory, workspace, course):
    third = course.exercises[2]
    w = watch_factory()
    w.wait_for("not started")
    w.set_mark()
    write_in_place(workspace / "exercises" / third.path, "V_A = 1.0\n")
    w.wait_for(f"{third.name}  (")
    w.wait_for("is not right", "checks failed", "failed")
    assert w.quit() == 0
    assert json.loads((workspace / ".rlcheck" / "state.json").read_text())["current"] == third.name


def test_polling_and_manual_modes(watch_factory, workspace, course):
    first = course.exercises[0]
    w = watch_factory("--poll")
    w.wait_for("Polling for changes")
    w.wait_for("not started")
    w.set_mark()
    write_in_place(workspace / "exercises" / first.path, solution_text(first))
    w.wait_for(f"{first.name} passed")
    assert w.quit() == 0

    m = watch_factory("--manual")
    m.wait_for("Press r to check")
    second = course.exercises[1]
    m.set_mark()
    write_in_place(workspace / "exercises" / second.path, NO_GAMMA)
    time.sleep(0.5)
    assert "without gamma" not in m.since_mark()
    m.press("r")
    m.wait_for("not written yet", "without gamma")
    assert m.quit() == 0


def test_terminal_is_restored_after_quit_and_ctrl_c(workspace):
    import pexpect

    command = " ".join(rlcheck_command())
    for stop in ("q", "\x03"):
        shell = pexpect.spawn("bash", ["--norc", "--noprofile"], cwd=str(workspace), env=quiet_env(TERM="xterm"),
                              encoding="utf-8", timeout=30, dimensions=(50, 120))
        shell.sendline(f"{command} watch; stty -a; echo END-OF-TEST")
        shell.expect("not started")
        shell.send(stop)
        shell.expect("END-OF-TEST\r\n")
        settings = shell.before
        assert " icanon" in settings and " echo" in settings, settings[-500:]
        shell.sendline("exit")
        shell.close()


def test_without_a_terminal_watch_still_checks(workspace, course):
    first = course.exercises[0]
    proc = subprocess.Popen([*rlcheck_command(), "watch"], cwd=workspace, env=quiet_env(),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        seen = ""
        deadline = time.monotonic() + 30
        wrote = False
        while time.monotonic() < deadline and f"{first.name} passed" not in seen:
            line = proc.stdout.readline()
            seen += line
            if "Keys are off" in line and not wrote:
                write_in_place(workspace / "exercises" / first.path, solution_text(first))
                wrote = True
        assert f"{first.name} passed" in seen, seen[-2000:]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert proc.returncode == 0


def test_narrow_terminal_without_color_renders_cleanly(watch_factory):
    w = watch_factory(columns=60, env=quiet_env(TERM="xterm-256color"))
    w.wait_for("not started")
    assert "\x1b[3" not in w.raw  # no colour codes with NO_COLOR
    for line in w.text.splitlines():
        assert len(line) <= 60
    assert w.quit() == 0


def test_falls_back_to_polling_when_native_events_cannot_start(monkeypatch, tmp_path):
    import errno

    import watchdog.observers
    from watchdog.observers.polling import PollingObserver

    from checker.watch import FileChanged, start_observer

    class Broken(watchdog.observers.Observer):
        def start(self):
            raise OSError(errno.EMFILE, "inotify instance limit reached")

    monkeypatch.setattr(watchdog.observers, "Observer", Broken)
    seen = []
    observer, note = start_observer(tmp_path, seen.append, poll=False)
    try:
        assert isinstance(observer, PollingObserver)
        assert "polling" in note and "inotify instance limit reached" in note
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "x.py").write_text("x = 1\n")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not seen:
            time.sleep(0.05)
        assert FileChanged(tmp_path / "sub" / "x.py") in seen
    finally:
        observer.stop()
