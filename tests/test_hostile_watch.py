"""Watch mode against hostile saves, in a real pseudo-terminal.

The watcher must keep running whatever a save contains, and the verdict it settles on must
belong to the file as it is at the end, however the saves arrived.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, quiet_env
from watchdriver import ANSI, Watch, write_by_rename, write_in_place

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect drives a POSIX pseudo-terminal")

EXERCISE = "bellman_iteration"
PATH = "01_bellman/bellman_iteration.py"
SOLUTION = (REPO / "solutions" / PATH).read_text()
NO_GAMMA = (
    "import numpy as np\n"
    "def bellman_iteration(V, R, P, gamma):\n"
    "    return np.asarray(R, float) + np.asarray(P, float) @ np.asarray(V, float)\n"
)
OLD_VALUES = "def bellman_iteration(V, R, P, gamma):\n    return V\n"
TRANSPOSED = (
    "import numpy as np\n"
    "def bellman_iteration(V, R, P, gamma):\n"
    "    return np.asarray(R, float) + gamma * np.asarray(P, float).T @ np.asarray(V, float)\n"
)
# What each file's verdict says, so a verdict can be matched to the content it belongs to.
SAYS = {NO_GAMMA: "without gamma", OLD_VALUES: "old values returned unchanged", TRANSPOSED: "(transposed)"}
HEADER = f"{EXERCISE}  ("
CLEAR = "\x1b[2J"  # the watcher clears the screen before each redraw


@pytest.fixture
def watch(workspace):
    """Start `rlcheck watch` with bellman_iteration as the current exercise."""
    state = workspace / ".rlcheck" / "state.json"
    state.parent.mkdir()
    state.write_text(json.dumps({"version": 1, "current": EXERCISE, "passed": {}, "hints_shown": {}}))
    started: list[Watch] = []
    temporary = _temporary(workspace)
    temporary.mkdir()

    def start(*args: str) -> Watch:
        w = Watch(workspace, *args, env=quiet_env(TERM="xterm-256color", TMPDIR=str(temporary)))
        started.append(w)
        w.wait_for("not written yet")  # the untouched stub, checked at start
        return w

    yield start
    for w in started:
        w.kill()


def last_frame(w: Watch) -> str:
    return ANSI.sub("", w.raw.rsplit(CLEAR, 1)[-1])


def settled_frame(w: Watch, quiet: float = 0.8, timeout: float = 20.0) -> str:
    """The screen once the watcher is not checking and has not redrawn for ``quiet`` seconds."""
    deadline = time.monotonic() + timeout
    size, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        w._pump(0.05)
        if len(w.raw) != size:
            size, since = len(w.raw), time.monotonic()
        frame = last_frame(w)
        if time.monotonic() - since >= quiet and "… checking" not in frame:
            return frame
    raise AssertionError(f"the watcher did not settle; last screen:\n{last_frame(w)[-3000:]}")


def progress(workspace: Path) -> dict:
    return json.loads((workspace / ".rlcheck" / "state.json").read_text())


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def assert_fixed_and_quits(w: Watch, target: Path) -> None:
    """The watcher is alive, checks the next save normally, and quits cleanly."""
    assert w.child.isalive()
    w.set_mark()
    write_in_place(target, SOLUTION)
    w.wait_for(f"{EXERCISE} passed")
    assert w.quit() == 0


def _temporary(workspace: Path) -> Path:
    """The temporary folder of the watch the fixture starts: what it holds after a quit was left behind."""
    return workspace.parent / "tmp"


def test_a_hundred_saves_in_one_second_end_on_the_final_content(watch, workspace):
    target = workspace / "exercises" / PATH
    w = watch("--timeout", "5")
    # Passing and failing contents interleaved: an early pass may be shown (and recorded) on the
    # way, but the screen and the progress must end on the last content saved.
    for final in (TRANSPOSED, SOLUTION):
        contents = [SOLUTION, NO_GAMMA, OLD_VALUES, TRANSPOSED]
        for i in range(99):  # about a second of saves (more on a loaded machine: the burst is what counts)
            write_in_place(target, contents[i % len(contents)])
            time.sleep(0.008)
        write_in_place(target, final)
        frame = settled_frame(w)
        if final == SOLUTION:
            assert f"✓ {EXERCISE} passed!" in frame
            assert progress(workspace)["passed"].get(EXERCISE) == sha(SOLUTION)
        else:
            assert HEADER in frame and SAYS[TRANSPOSED] in frame, frame
            assert "passed!" not in frame
            assert EXERCISE not in progress(workspace)["passed"]
    assert w.quit() == 0
    assert list(_temporary(workspace).iterdir()) == []  # nor by the many checks cancelled on the way


def test_a_save_while_a_passing_check_runs_never_shows_the_stale_pass(watch, workspace):
    target = workspace / "exercises" / PATH
    w = watch("--timeout", "10")
    w.set_mark()
    write_in_place(target, "import time\ntime.sleep(1.5)\n" + SOLUTION)  # would pass, slowly
    w.wait_for("checking")
    time.sleep(0.3)
    write_in_place(target, NO_GAMMA)
    frame = settled_frame(w)
    assert HEADER in frame and SAYS[NO_GAMMA] in frame, frame
    assert "passed" not in w.since_mark()
    assert EXERCISE not in progress(workspace)["passed"]
    assert w.quit() == 0


def test_two_exercises_saved_at_once(watch, workspace):
    w = watch()
    w.set_mark()
    write_in_place(workspace / "exercises" / PATH, NO_GAMMA)
    write_in_place(workspace / "exercises/01_bellman/bellman_myopic.py", "V_A = 10.0\n")
    # The later save wins the screen; its verdict is its own, not the other file's.
    frame = settled_frame(w)
    assert "bellman_myopic  (" in frame and "immediate reward only" in frame, frame
    assert SAYS[NO_GAMMA] not in frame
    assert progress(workspace)["current"] == "bellman_myopic"
    # The other save is checked as soon as the learner goes back to it.
    w.press("p")
    w.wait_for(SAYS[NO_GAMMA])
    assert HEADER in last_frame(w)
    assert w.quit() == 0


def test_a_file_deleted_and_restored_while_watched(watch, workspace):
    target = workspace / "exercises" / PATH
    w = watch()
    w.set_mark()
    target.unlink()
    w.wait_for("bellman_iteration.py does not exist")
    assert "rlcheck reset bellman_iteration" in last_frame(w)
    w.set_mark()
    write_in_place(target, NO_GAMMA)
    w.wait_for(SAYS[NO_GAMMA])
    # Deleted and recreated at once, as some editors save: the verdict is the new content's.
    target.unlink()
    write_by_rename(target, TRANSPOSED)
    frame = settled_frame(w)
    assert HEADER in frame and SAYS[TRANSPOSED] in frame and "does not exist" not in frame, frame
    assert_fixed_and_quits(w, target)


def test_an_infinite_loop_then_a_fix(watch, workspace):
    target = workspace / "exercises" / PATH
    w = watch("--timeout", "0.5")
    for loop in ("while True:\n    pass\n", "def bellman_iteration(V, R, P, gamma):\n    while True:\n        pass\n"):
        w.set_mark()
        write_in_place(target, loop)
        w.wait_for("still running after 0.5 s", "(0.5 s) ran out")
        assert w.child.isalive()
    assert_fixed_and_quits(w, target)


@pytest.mark.parametrize("crash, says", [
    ("import os\nos._exit(0)\n", "ended with exit code 0"),
    ("import ctypes\nctypes.string_at(0)\n", "crashed with a segmentation fault"),
    ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n", "was killed"),
], ids=["os._exit", "segfault", "SIGKILL"])
def test_a_crash_then_a_fix(watch, workspace, crash, says):
    target = workspace / "exercises" / PATH
    w = watch()
    w.set_mark()
    write_in_place(target, crash)
    w.wait_for(says)
    assert "✗ crashed" in last_frame(w)
    assert_fixed_and_quits(w, target)


def test_escape_sequences_from_learner_code_never_reach_the_terminal(watch, workspace):
    target = workspace / "exercises" / PATH
    w = watch()
    w.set_mark()
    write_in_place(target, (
        'import sys\n'
        'sys.stdout.buffer.write(bytes(range(32)))\n'
        'print("\\x1b]0;PWNED\\x07\\x1b[5mBLINK\\x1b[?1049h")\n'
        'def bellman_iteration(V, R, P, gamma):\n'
        '    raise ValueError("\\x1b]2;PWNED-TOO\\x07")\n'
    ))
    w.wait_for("\\x1b]2;PWNED-TOO\\x07")  # shown, escaped
    w.wait_for("\\x1b]0;PWNED\\x07\\x1b[5mBLINK")
    raw = w.raw[w.mark:]
    for sequence in ("\x1b]0;PWNED", "\x1b]2;PWNED-TOO", "\x1b[5m", "\x1b[?1049h", "\x00", "\x07"):
        assert sequence not in raw
    assert w.quit() == 0


def test_a_file_renamed_away_and_back_while_watched(watch, workspace):
    target = workspace / "exercises" / PATH
    aside = target.with_name("bellman_iteration.py.bak")
    w = watch()
    w.set_mark()
    target.rename(aside)
    w.wait_for("bellman_iteration.py does not exist")
    assert w.child.isalive()
    aside.write_text(SOLUTION)
    w.set_mark()
    aside.rename(target)
    w.wait_for(f"{EXERCISE} passed")
    assert w.quit() == 0


def test_a_read_only_workspace_still_checks_and_says_so(workspace, course):
    # A *file* where the progress folder should be blocks saving for every user, root included.
    (workspace / ".rlcheck").write_text("not a folder")
    first = course.exercises[0]
    w = Watch(workspace)
    try:
        w.wait_for("Progress cannot be saved")
        frame = settled_frame(w)
        assert f"{first.name}  (" in frame and "checks still run" in " ".join(frame.split()), frame
        # Solving the current exercise still passes and moves on, though nothing is written.
        w.set_mark()
        write_in_place(workspace / "exercises" / first.path, (REPO / "solutions" / first.path).read_text())
        w.wait_for(f"{first.name} passed!")
        w.wait_for("Next up")
        assert (workspace / ".rlcheck").read_text() == "not a folder"
        assert w.quit() == 0
    finally:
        w.kill()


@pytest.mark.parametrize("special", ["fifo", "dev-zero"])
def test_a_special_file_in_place_of_the_exercise_never_hangs_the_watcher(watch, workspace, special):
    import os

    target = workspace / "exercises" / PATH
    w = watch()
    w.set_mark()
    target.unlink()
    if special == "fifo":
        os.mkfifo(target)
        says = "bellman_iteration.py is a FIFO (named pipe), not a regular file."
    else:
        target.symlink_to("/dev/zero")
        says = "bellman_iteration.py is a character device, not a regular file."
    w.wait_for(says)
    w.press("r")  # checked again on request: still said, still alive
    w.wait_for(says)
    target.unlink()
    assert_fixed_and_quits(w, target)


def test_a_fifo_in_place_of_the_progress_file_never_hangs_the_watcher(workspace):
    import os

    state = workspace / ".rlcheck" / "state.json"
    state.parent.mkdir()
    os.mkfifo(state)
    w = Watch(workspace)
    try:
        w.wait_for("is a FIFO (named pipe)")
        w.wait_for("not started")
        w.set_mark()
        write_in_place(workspace / "exercises/01_bellman/bellman_values.py",
                       (REPO / "solutions/01_bellman/bellman_values.py").read_text())
        w.wait_for("bellman_values passed!")
        assert w.quit() == 0
        assert "bellman_values" in progress(workspace)["passed"]  # the FIFO was replaced by a real file
    finally:
        w.kill()
