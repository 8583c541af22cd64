"""The progress store: merged writes under a lock, repairs with a warning, regular files only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from checker.state import (
    EXERCISE_CAP, Progress, StateStore, file_hash, file_problem, read_capped, NotRegularFile, TooLarge,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")


def within(seconds: float, function, *args):
    """Call ``function`` on a thread; fail (instead of hanging the suite) if it does not return in time."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(function(*args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{function.__name__} did not return within {seconds} s"
    return box[0]


def write_state(path: Path, **fields) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": 1, "current": None, "passed": {}, "hints_shown": {}, **fields}
    path.write_text(json.dumps(data))


WRITER = """
import sys
from pathlib import Path
from checker.state import Progress, StateStore

store = StateStore(Path(sys.argv[1]))
key = sys.argv[2]
for _ in range(int(sys.argv[3])):
    def change(progress: Progress) -> None:
        progress.hints_shown[key] = progress.hints_shown.get(key, 0) + 1
        progress.hints_shown["shared"] = progress.hints_shown.get("shared", 0) + 1
    store.update(change, Progress())
"""


def test_concurrent_writers_lose_no_update(tmp_path):
    state = tmp_path / ".rlcheck" / "state.json"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(state), f"w{i}", "40"]) for i in range(3)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0]
    hints = json.loads(state.read_text())["hints_shown"]
    assert hints == {"w0": 40, "w1": 40, "w2": 40, "shared": 120}


def test_update_keeps_what_another_process_wrote_since_this_one_loaded(tmp_path):
    state = tmp_path / ".rlcheck" / "state.json"
    mine, theirs = StateStore(state), StateStore(state)
    progress = mine.load()
    _, _ = theirs.update(lambda p: p.hints_shown.__setitem__("b", 2), theirs.load())
    progress, _ = mine.update(lambda p: p.passed.__setitem__("a", "0" * 64), progress)
    assert progress.hints_shown == {"b": 2} and progress.passed == {"a": "0" * 64}
    assert json.loads(state.read_text())["hints_shown"] == {"b": 2}


def test_a_write_that_cannot_happen_applies_to_the_callers_copy_and_says_so(tmp_path):
    (tmp_path / ".rlcheck").write_text("a file where the folder should be")
    store = StateStore(tmp_path / ".rlcheck" / "state.json")
    mine = Progress(current="x")
    progress, value = store.update(lambda p: p.hints_shown.setdefault("a", 1), mine)
    assert progress is mine and mine.hints_shown == {"a": 1} and value == 1
    assert "Progress cannot be saved" in store.save_warning


@pytest.mark.parametrize("hints, fixed, says", [
    ({"a": -3}, {"a": 0}, "the hint count of a was -3, set to 0"),
    ({"a": 99}, {"a": 3}, "the hint count of a was 99, set to 3"),
    ({"a": 2, "b": 7}, {"a": 2, "b": 7}, None),  # b is not in this course: left alone
])
def test_out_of_range_hint_counts_are_clamped_with_a_warning(tmp_path, hints, fixed, says):
    state = tmp_path / "state.json"
    write_state(state, hints_shown=hints)
    store = StateStore(state, hint_limits={"a": 3})
    assert store.load().hints_shown == fixed
    if says:
        assert says in store.load_warning and "out of range" in store.load_warning
    else:
        assert store.load_warning is None


@pytest.mark.parametrize("fields", [
    {"hints_shown": {"a": "2"}}, {"hints_shown": {"a": True}}, {"hints_shown": {"a": 1.5}},
    {"passed": {"a": "not a hash"}}, {"passed": {"a": 7}}, {"current": 3}, {"version": 2},
], ids=["hint-str", "hint-bool", "hint-float", "passed-not-hash", "passed-int", "current-int", "version"])
def test_wrong_types_are_dropped_with_the_file_kept_aside(tmp_path, fields):
    state = tmp_path / "state.json"
    write_state(state, **fields)
    original = state.read_bytes()
    store = StateStore(state)
    assert store.load() == Progress()
    assert "was damaged" in store.load_warning
    assert (tmp_path / "state.json.damaged").read_bytes() == original


@posix_only
def test_a_fifo_as_the_progress_file_neither_hangs_nor_stops_progress(tmp_path):
    state = tmp_path / "state.json"
    os.mkfifo(state)
    store = StateStore(state)
    assert within(5, store.load) == Progress()
    assert "is a FIFO (named pipe), not a regular file" in store.load_warning
    progress, _ = within(10, store.update, lambda p: setattr(p, "current", "a"), Progress())
    assert progress.current == "a" and json.loads(state.read_text())["current"] == "a"  # replaced by a file


@posix_only
def test_dev_zero_as_the_progress_file_is_not_read(tmp_path):
    state = tmp_path / "state.json"
    state.symlink_to("/dev/zero")
    store = StateStore(state)
    assert within(5, store.load) == Progress()
    assert "is a character device" in store.load_warning


def test_a_huge_progress_file_is_not_read(tmp_path):
    state = tmp_path / "state.json"
    with open(state, "wb") as fh:
        fh.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    store = StateStore(state)
    assert store.load() == Progress()
    assert "over the 1.0 MB limit" in store.load_warning


@posix_only
def test_exercise_files_are_read_only_when_regular_and_small(tmp_path):
    fifo, big, folder, fine = tmp_path / "fifo.py", tmp_path / "big.py", tmp_path / "dir.py", tmp_path / "ok.py"
    os.mkfifo(fifo)
    with open(big, "wb") as fh:
        fh.truncate(EXERCISE_CAP * 3 // 2)
    folder.mkdir()
    fine.write_text("x = 1\n")
    zero = tmp_path / "zero.py"
    zero.symlink_to("/dev/zero")
    assert within(5, file_problem, fifo) == "fifo.py is a FIFO (named pipe), not a regular file."
    assert within(5, file_problem, zero) == "zero.py is a character device, not a regular file."
    assert file_problem(big) == "big.py is 3.0 MB, over the 2.0 MB limit."
    assert file_problem(folder) == "dir.py is a folder, not a regular file."
    assert file_problem(tmp_path / "missing.py") == "missing.py does not exist."
    assert file_problem(fine) is None and file_hash(fine) is not None
    for path in (fifo, zero, big, folder):
        assert within(5, file_hash, path) is None
    with pytest.raises(NotRegularFile):
        read_capped(fifo, 10)
    with pytest.raises(TooLarge):
        read_capped(fine, 3)


@pytest.mark.parametrize("content", [b'{"version": 1, "passed": {', b"", b"\xff\xfe\x00garbage", b"[1, 2]",
                                     b'{"version": 1, "passed": 3}'],
                         ids=["truncated-json", "empty", "binary", "wrong-shape", "passed-not-a-table"])
def test_damaged_bytes_are_set_aside_and_progress_starts_afresh(tmp_path, content):
    state = tmp_path / "state.json"
    state.write_bytes(content)
    store = StateStore(state)
    assert store.load() == Progress()
    assert "was damaged" in store.load_warning and "rebuilt from scratch" in store.load_warning
    assert (tmp_path / "state.json.damaged").read_bytes() == content
    assert not state.exists()  # the next write makes it whole (the commands: test_cli, test_hostile_runner)
