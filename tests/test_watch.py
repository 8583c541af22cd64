"""Watch mode in a real pseudo-terminal, with real saves: in place and by rename."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from conftest import REPO, quiet_env, rlcheck_command
from watchdriver import Watch, write_by_rename, write_in_place

IN_PLACE = (
    "import numpy as np\n"
    "def bellman_iteration(V, R, P, gamma):\n"
    "    V = np.asarray(V, float)\n"
    "    P = np.asarray(P, float)\n"
    "    for s in range(len(V)):\n"
    "        for line in range(10):\n"
    "            print('sweep state', s, 'line', line)\n"
    "        V[s] = R[s] + gamma * P[s] @ V\n"
    "    return V\n"
)
NAME_ERROR = (
    "import numpy as np\n"
    "def bellman_iteration(V, R, P, gamma):\n"
    "    return np.asarray(R) + gama * np.asarray(P) @ np.asarray(V)\n"
)

NO_GAMMA = (
    "import numpy as np\n"
    "def bellman_iteration(V, R, P, gamma):\n"
    "    return np.asarray(R, float) + np.asarray(P, float) @ np.asarray(V, float)\n"
)


def start_at(workspace, name: str) -> None:
    """Make ``name`` the current exercise before watch starts."""
    state = workspace / ".rlcheck" / "state.json"
    state.parent.mkdir(exist_ok=True)
    state.write_text(json.dumps({"version": 1, "current": name, "passed": {}, "hints_shown": {}}))


def assert_fits(frame: str, columns: int, rows: int) -> list[str]:
    lines = frame.rstrip("\n").split("\n")
    assert len(lines) <= rows - 1, f"{len(lines)} rows on a {rows}-row terminal:\n{frame}"
    assert all(len(line) <= columns for line in lines), max(lines, key=len)
    return lines


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


def test_keys_navigate_hint_and_list(watch_factory, course):
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
    w.wait_for("Go to:")
    w.child.send("3")
    w.set_mark()
    w.child.send("\r")
    w.wait_for(f"{names[2]}  (")
    assert w.quit() == 0  # `c` and what leaves its grid: the next test and test_second_course


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

    from checker.watch import FileChanged, start_observer  # the package keeps its entry points

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


def test_the_failure_view_fits_80x24_and_pages_through_the_failing_checks(watch_factory, workspace, course):
    target = workspace / "exercises" / course.exercises[1].path
    start_at(workspace, course.exercises[1].name)
    w = watch_factory(columns=80, rows=24)
    w.wait_for("not written yet")
    w.set_mark()
    write_in_place(target, IN_PLACE)
    frame = w.frame_with("(1 of 9 failing)")
    lines = assert_fits(frame, 80, 24)
    assert lines[0].startswith(f"bellman_iteration  (bellman, implement)  2/{len(course.exercises)}")
    assert "9 of 9 checks failed" in "\n".join(lines[:5])
    assert "in-place" in frame and ("── your output, last" in frame or "── output, last" in frame)
    w.press("j")
    w.frame_with("(2 of 9 failing)")
    w.press("k")
    w.frame_with("(1 of 9 failing)")
    w.press("o")
    full = w.frame_with("Full output  lines 1–")
    assert_fits(full, 80, 24)
    w.press("pagedown")
    w.frame_with(f"Full output  lines {1 + 24 - 8}–")  # a page: the screen's height less its chrome
    w.press("escape")
    w.frame_with("(1 of 9 failing)")
    # Saved by rename, with one error in every check: one line says so for all of them.
    w.set_mark()
    write_by_rename(target, NAME_ERROR)
    frame = w.frame_with("same NameError in 8 more checks")
    assert frame.count("NameError") == 2
    # The terminal shrinks: the screen is drawn again to the new size.
    w.resize(20, 60)
    assert_fits(w.frame_with("same NameError", "bellman_iteration  ("), 60, 20)
    assert w.quit() == 0


def test_a_timeout_says_so_before_the_output_of_a_loop_at_module_level(watch_factory, workspace, course):
    start_at(workspace, course.exercises[1].name)
    w = watch_factory("--timeout", "0.5", columns=80, rows=24)
    w.wait_for("not written yet")
    w.set_mark()
    write_in_place(workspace / "exercises" / course.exercises[1].path,
                   "for i in range(60):\n    print('tick', i)\nwhile True:\n    pass\n")
    lines = assert_fits(w.frame_with("still running after 0.5 s"), 80, 24)
    timeout = next(i for i, line in enumerate(lines) if "still running" in line)
    ticks = [i for i, line in enumerate(lines) if line.startswith("tick")]
    assert timeout <= 4 and ticks and timeout < ticks[0]
    assert "tick 59" in lines  # the last lines printed are the ones kept
    assert w.quit() == 0


def test_a_passed_exercise_can_be_reviewed_and_compared_with_the_reference(watch_factory, workspace, course):
    first, second = course.exercises[:2]
    target = workspace / "exercises" / first.path
    w = watch_factory(columns=80, rows=24)
    w.wait_for("not started")
    w.set_mark()
    write_in_place(target, solution_text(first))
    w.frame_with(f"{first.name} passed!", f"Next up: {second.name}")
    # p goes back to the passed exercise and stays there.
    w.press("p")
    frame = w.frame_with(f"{first.name}  (bellman, answer)  1/{len(course.exercises)}  passed ✓", "All 3 checks pass")
    # Saving it again re-checks it without moving on.
    w.set_mark()
    write_by_rename(target, solution_text(first) + "\n# reviewed\n")
    w.wait_for(f"{first.name} passed!")
    frame = w.frame_with(f"{first.name}  (bellman, answer)  1/{len(course.exercises)}")
    assert "Next up" not in frame
    assert json.loads((workspace / ".rlcheck" / "state.json").read_text())["current"] == first.name
    # d shows the learner's file against the reference.
    w.press("d")
    frame = w.frame_with("your file (-) against the reference (+)", "-# reviewed")
    w.press("escape")
    w.frame_with("All 3 checks pass")
    assert w.quit() == 0


def test_the_list_opens_on_the_current_exercise_pages_and_refuses_bad_numbers(watch_factory, workspace, course):
    names = [e.name for e in course.exercises]
    start_at(workspace, names[45])
    w = watch_factory(columns=80, rows=24)
    w.wait_for(f"{names[45]}  (")
    w.press("l")
    frame = w.frame_with(f"› 46 ▶ {names[45]}")
    assert_fits(frame, 80, 24)
    assert f" {names[0]} " not in frame
    assert max(names, key=len) in frame or all(n in frame for n in names[40:50])  # whole names
    w.press("pagedown")
    w.frame_with(f"› {46 + 24 - 8} ")
    for key in "99":
        w.press(key)
    w.press("enter")
    w.frame_with(f"There is no exercise 99: type a number from 1 to {len(course.exercises)}.")
    w.press("5")
    w.press("enter")
    w.frame_with(f"{names[4]}  (")
    assert w.quit() == 0


def test_check_all_keeps_its_grid_until_a_key_or_a_save(watch_factory, workspace, course):
    first = course.exercises[0]
    w = watch_factory(columns=120, rows=40)
    w.wait_for("not started")
    w.press("c")
    # The grid's own footer is drawn last: with it on screen the frame is whole, however loaded the machine.
    frame = w.frame_with(f"Check all: 0/{len(course.exercises)} pass", "any key: back to the exercise")
    missing = [e.name for e in course.exercises if e.name not in frame]
    assert not missing, f"not on the grid: {missing}\n{frame}"  # whole names, every one, at 120x40
    w.set_mark()
    write_in_place(workspace / "exercises" / first.path, solution_text(first))
    frame = w.frame_with(f"{first.name} passed!")
    assert "Check all" not in frame  # a save leaves the grid (a key does too: test_second_course, quicker)
    assert w.quit() == 0


def test_hints_taken_with_the_cli_are_kept_while_watch_saves(watch_factory, workspace, course, cli):
    """Watch and `rlcheck hint` write progress at the same time; neither loses the other's update."""
    import threading

    first, second = course.exercises[:2]
    target = workspace / "exercises" / first.path
    w = watch_factory()
    w.wait_for("not started")
    hints: list = []
    thread = threading.Thread(target=lambda: hints.extend(cli("hint", second.name, cwd=workspace) for _ in range(3)))
    thread.start()
    wrong = "V_A = 1.0\nV_B = 2.0\nV_C = 3.0\n"
    saves = 0
    while thread.is_alive() or saves < 6:
        w.set_mark()
        write_in_place(target, wrong + f"# save {saves}\n")
        w.wait_for("is not right", "failed")
        saves += 1
    thread.join()
    assert [h.code for h in hints] == [0, 0, 0]
    assert "hint 3 of 3" in hints[-1].stdout
    w.press("h")  # watch's own hint for the current exercise goes through the same store
    w.wait_for("hint 1 of")
    assert w.quit() == 0
    state = json.loads((workspace / ".rlcheck" / "state.json").read_text())
    assert state["hints_shown"] == {second.name: 3, first.name: 1}


# ------------------------------------------------------------------ pictures

POLICY_IN_PLACE = (  # policy_evaluation with Gauss-Seidel sweeps: later states read this sweep's values
    "import numpy as np\n"
    "def policy_evaluation(P, R, pi, gamma, iterations):\n"
    "    P, R, pi = (np.asarray(x, float) for x in (P, R, pi))\n"
    "    V = np.zeros(R.shape[0])\n"
    "    for _ in range(iterations):\n"
    "        for s in range(len(V)):\n"
    "            V[s] = pi[s] @ (R[s] + gamma * P[s] @ V)\n"
    "    return V\n"
)
# value_iteration with `<=` where `<` belongs: it stops one sweep early
STOPS_A_SWEEP_EARLY = (REPO / "tests" / "variants" / "value_iteration" / "wrong_stops_at_equal_change.py").read_text()


def test_a_failing_gridworld_file_shows_the_grid_and_v_pages_its_sweeps(watch_factory, workspace, course):
    start_at(workspace, "policy_evaluation")
    w = watch_factory(columns=120, rows=50)
    w.wait_for("not written yet")
    w.set_mark()
    write_by_rename(workspace / "exercises" / course.find("policy_evaluation").path, POLICY_IN_PLACE)
    frame = w.frame_with("policy_evaluation: V after each sweep", "✗ differs from expected")
    lines = assert_fits(frame, 120, 50)
    assert "in-place (Gauss-Seidel) sweeps" in frame  # the verdict's text, whole, above the grid
    assert any(line.startswith("  yours") for line in lines) and "0.344✗" in frame
    w.press("v")
    w.frame_with("Picture: gridworld, uniform policy, 2 sweeps", "sweep 1", "sweep 2")
    w.press("\x1b[D")  # ←: one sweep at a time, from beside the sweep of the learner's values
    assert "sweep 2" not in w.frame_with("frame 1 of 2", "sweep 1 (1/2)").split("frame 1 of 2")[1]
    w.press("escape")
    w.frame_with("(1 of 12 failing)", "policy_evaluation: V after each sweep")
    assert w.quit() == 0


def test_a_failing_value_iteration_shows_the_curve_at_80x24(watch_factory, workspace, course):
    start_at(workspace, "value_iteration")
    w = watch_factory(columns=80, rows=24)
    w.wait_for("not written yet")
    w.set_mark()
    write_in_place(workspace / "exercises" / course.find("value_iteration").path, STOPS_A_SWEEP_EARLY)
    frame = w.frame_with("value iteration: max change per sweep", "┃ yours stopped: sweep 2")
    assert_fits(frame, 80, 24)
    assert "║ should stop: sweep 3" in frame and "┈ epsilon = 0.5" in frame  # read without colour (NO_COLOR)
    assert frame.index("sweep whose change dropped below") < frame.index("value iteration: max change")
    w.press("v")
    full = w.frame_with("Picture: a change equal to epsilon keeps sweeping", "max |V_k - V_k-1| against sweep")
    assert_fits(full, 80, 24)
    w.press("v")
    w.frame_with("1 of 17 checks failed")
    assert w.quit() == 0


def test_a_wrong_answer_keeps_its_picture_until_asked(watch_factory, workspace, course):
    start_at(workspace, "gridworld_first_sweep")
    w = watch_factory(columns=80, rows=24)
    w.wait_for("not started")
    w.set_mark()
    write_in_place(workspace / "exercises" / course.find("gridworld_first_sweep").path, "V1_S7 = 0.25\nV1_S5 = 1.0\n")
    frame = w.frame_with("A picture of this check shows the answer: v shows it.")
    assert "0.250" not in frame
    w.press("v")
    assert "0.250" not in w.frame_with("Press v to see it")
    w.press("v")
    frame = w.frame_with("1.000✗", "expected")
    assert "0.250" in frame
    w.press("escape")
    w.frame_with("A picture of this check shows the answer")
    assert w.quit() == 0


def test_the_screen_follows_the_terminal_not_stale_lines_and_columns(watch_factory, workspace, course):
    """LINES/COLUMNS exported in the environment must not pin the screen to a size the terminal
    does not have (some shells and tools export them; pytest-xdist's workers do)."""
    from conftest import quiet_env

    w = watch_factory(columns=110, rows=30, env={**quiet_env(TERM="xterm-256color"), "LINES": "12", "COLUMNS": "50"},
                      keep_size_env=True)
    frame = w.frame_with("not started", "q quit")
    progress = next(line for line in frame.split("\n") if " done " in line)
    assert len(progress) > 100, progress  # drawn across the real 110 columns, not 50
    assert w.quit() == 0


def test_quitting_never_waits_on_a_file_watcher_that_does_not_stop():
    """watchdog's stop joins its inotify thread without a deadline; watch gives it a bounded wait."""
    import threading

    from checker.watch.events import stop_observer

    release = threading.Event()

    class Stuck:
        def stop(self) -> None:
            release.wait()

    quitting = threading.Thread(target=stop_observer, args=(Stuck(), 0.2), daemon=True)
    quitting.start()
    quitting.join(10)
    stuck = quitting.is_alive()
    release.set()
    assert not stuck


def _ignore_interrupt_and_hangup() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


def test_ctrl_c_and_a_closed_terminal_stop_watch_even_when_started_with_those_signals_ignored(workspace, tmp_path):
    """As from a script run in the background: the shell starts watch with SIGINT and SIGHUP
    ignored. Ctrl-C still quits and restores the terminal; a terminal that closes still ends watch
    and every process it started, and they leave no temporary folder behind."""
    import pexpect

    command = " ".join(rlcheck_command())
    shell = pexpect.spawn("bash", ["--norc", "--noprofile"], cwd=str(workspace), env=quiet_env(TERM="xterm"),
                          encoding="utf-8", timeout=30, dimensions=(50, 120), preexec_fn=_ignore_interrupt_and_hangup)
    shell.sendline(f"{command} watch; stty -a; echo END-OF-TEST")
    shell.expect("not started")
    shell.send("\x03")
    shell.expect("END-OF-TEST\r\n")
    assert " icanon" in shell.before and " echo" in shell.before
    shell.sendline("exit")
    shell.close()

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    watch = pexpect.spawn(rlcheck_command()[0], [*rlcheck_command()[1:], "watch"], cwd=str(workspace),
                          env=quiet_env(TERM="xterm", TMPDIR=str(temporary)), encoding="utf-8", timeout=30,
                          dimensions=(50, 120), preexec_fn=_ignore_interrupt_and_hangup)
    watch.expect("not started")
    pid = watch.pid
    group = [pid, *(int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
    os.close(watch.child_fd)  # the terminal closes
    watch.child_fd, watch.closed = -1, True
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_running(p) for p in group):
        time.sleep(0.1)
    left = [p for p in group if _running(p)]
    assert not left, f"still running after the terminal closed: {left}"
    assert list(temporary.iterdir()) == []


def _running(pid: int) -> bool:
    """Neither gone nor a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
