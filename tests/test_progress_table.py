"""The progress store as tables: (file as found, operation) -> (progress, file as left, warning).

Also two stores writing different keys of one file (both changes kept), and the rule that a
pass is recorded only for the bytes that were checked (``App.record`` / ``App.record_many``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Callable

import pytest

from checker.app import App
from checker.catalog import Course, Exercise, Workspace
from checker.result import Result, Status
from checker.state import Progress, StateStore, is_passed

LIMITS = {"a": 3, "b": 2}  # exercise -> how many hints it has
D1, D2 = "1" * 64, "2" * 64
MISSING = object()  # the file is not there
SAME = object()  # the file is left exactly as it was found
DAMAGED = "was damaged"


def state(**fields: Any) -> bytes:
    return json.dumps({"version": 1, "current": None, "passed": {}, "hints_shown": {}, **fields}).encode()


def progress(current: str | None = None, passed: dict | None = None, hints: dict | None = None) -> dict[str, Any]:
    return Progress(current, dict(passed or {}), dict(hints or {})).to_json()


def load(store: StateStore) -> Progress:
    return store.load()


def set_current(store: StateStore) -> Progress:
    return store.update(lambda p: setattr(p, "current", "b"), Progress())[0]


def take_hint(store: StateStore) -> Progress:
    return store.update(lambda p: p.hints_shown.__setitem__("a", p.hints_shown.get("a", 0) + 1), Progress())[0]


EMPTY = progress()

# id, file as found (bytes, MISSING, or "folder"), operation, progress after it, file after it (a progress dict,
# MISSING or SAME), warning (a substring of the store's warnings, or None), what state.json.damaged holds
ROWS: list[tuple[str, Any, Callable[[StateStore], Progress], dict, Any, str | None, bytes | None]] = [
    # -------------------------------------------------------------- nothing there yet
    ("missing-load", MISSING, load, EMPTY, MISSING, None, None),
    ("missing-set-current", MISSING, set_current, progress("b"), progress("b"), None, None),
    ("missing-take-hint", MISSING, take_hint, progress(hints={"a": 1}), progress(hints={"a": 1}), None, None),
    # -------------------------------------------------------------- damaged: rebuilt empty, the original kept aside
    ("empty-file", b"", load, EMPTY, MISSING, DAMAGED, b""),
    ("not-json", b"{oops", load, EMPTY, MISSING, DAMAGED, b"{oops"),
    ("json-list", b"[]", load, EMPTY, MISSING, DAMAGED, b"[]"),
    ("json-null", b"null", load, EMPTY, MISSING, DAMAGED, b"null"),
    ("bad-utf8", b"\xff\xfe{}", load, EMPTY, MISSING, DAMAGED, b"\xff\xfe{}"),
    ("no-version", b'{"current": "a"}', load, EMPTY, MISSING, DAMAGED, b'{"current": "a"}'),
    ("future-version", state(version=2), load, EMPTY, MISSING, DAMAGED, state(version=2)),
    ("passed-not-a-dict", state(passed=["a"]), load, EMPTY, MISSING, DAMAGED, state(passed=["a"])),
    ("passed-uppercase-digest", state(passed={"a": "A" * 64}), load, EMPTY, MISSING, DAMAGED,
     state(passed={"a": "A" * 64})),
    ("passed-short-digest", state(passed={"a": "1" * 63}), load, EMPTY, MISSING, DAMAGED,
     state(passed={"a": "1" * 63})),
    ("hint-null", state(hints_shown={"a": None}), load, EMPTY, MISSING, DAMAGED, state(hints_shown={"a": None})),
    ("hint-list", state(hints_shown={"a": [1]}), load, EMPTY, MISSING, DAMAGED, state(hints_shown={"a": [1]})),
    ("hints-not-a-dict", state(hints_shown=3), load, EMPTY, MISSING, DAMAGED, state(hints_shown=3)),
    ("hint-1e400-is-infinity", b'{"version": 1, "hints_shown": {"a": 1e400}}', load, EMPTY, MISSING, DAMAGED,
     b'{"version": 1, "hints_shown": {"a": 1e400}}'),
    ("hint-NaN", b'{"version": 1, "hints_shown": {"a": NaN}}', load, EMPTY, MISSING, DAMAGED,
     b'{"version": 1, "hints_shown": {"a": NaN}}'),
    ("damaged-then-update", b"{oops", take_hint, progress(hints={"a": 1}), progress(hints={"a": 1}), DAMAGED,
     b"{oops"),
    # -------------------------------------------------------------- out of range: clamped, said, written on update
    ("hint-negative", state(hints_shown={"a": -3}), load, progress(hints={"a": 0}), SAME,
     "the hint count of a was -3, set to 0", None),
    ("hint-huge", state(hints_shown={"a": 10**30}), load, progress(hints={"a": 3}), SAME,
     f"the hint count of a was {10**30}, set to 3", None),
    ("hint-one-past-the-last", state(hints_shown={"b": 3}), load, progress(hints={"b": 2}), SAME,
     "the hint count of b was 3, set to 2", None),
    ("hints-at-their-limits", state(hints_shown={"a": 3, "b": 0}), load, progress(hints={"a": 3, "b": 0}), SAME,
     None, None),
    ("two-hints-out-of-range", state(hints_shown={"a": -1, "b": 9}), load, progress(hints={"a": 0, "b": 2}), SAME,
     "the hint count of a was -1, set to 0; the hint count of b was 9, set to 2", None),
    ("hint-of-an-unknown-exercise-huge", state(hints_shown={"zz": 99}), load, progress(hints={"zz": 99}), SAME,
     None, None),
    ("hint-of-an-unknown-exercise-negative", state(hints_shown={"zz": -1}), load, progress(hints={"zz": 0}), SAME,
     "the hint count of zz was -1, set to 0", None),
    ("hint-huge-then-take-hint", state(hints_shown={"a": 10**30}), take_hint, progress(hints={"a": 4}),
     progress(hints={"a": 4}), f"was {10**30}, set to 3", None),
    ("hint-negative-then-set-current", state(hints_shown={"a": -3}), set_current, progress("b", hints={"a": 0}),
     progress("b", hints={"a": 0}), "set to 0", None),
    # -------------------------------------------------------------- well formed
    ("valid", state(current="a", passed={"a": D1}, hints_shown={"a": 1}), load,
     progress("a", {"a": D1}, {"a": 1}), SAME, None, None),
    ("current-not-in-the-course", state(current="gone"), load, progress("gone"), SAME, None, None),
    ("unknown-keys-ignored", state(extra=[1, 2]), load, EMPTY, SAME, None, None),
    ("unknown-keys-dropped-on-write", state(extra=[1, 2], current="a"), set_current, progress("b"), progress("b"),
     None, None),
    ("valid-then-take-hint", state(passed={"a": D1}, hints_shown={"a": 1}), take_hint,
     progress(passed={"a": D1}, hints={"a": 2}), progress(passed={"a": D1}, hints={"a": 2}), None, None),
    # -------------------------------------------------------------- not a regular file
    ("a-folder-load", "folder", load, EMPTY, SAME, "is a folder, not a regular file", None),
    ("a-folder-update", "folder", set_current, progress("b"), SAME, "Progress cannot be saved", None),
]


@pytest.mark.parametrize("found, operation, expected, left, warning, damaged",
                         [pytest.param(*row[1:], id=row[0]) for row in ROWS])
def test_progress_store(tmp_path: Path, found: Any, operation: Callable[[StateStore], Progress], expected: dict,
                        left: Any, warning: str | None, damaged: bytes | None) -> None:
    path = tmp_path / ".rlcheck" / "state.json"
    path.parent.mkdir()
    if found == "folder":
        path.mkdir()
    elif found is not MISSING:
        path.write_bytes(found)
    store = StateStore(path, hint_limits=dict(LIMITS))
    assert operation(store).to_json() == expected
    if left is MISSING:
        assert not path.exists()
    elif left is SAME:
        assert path.is_dir() if found == "folder" else path.read_bytes() == found
    else:
        assert json.loads(path.read_text()) == left
    said = " ".join(store.warnings)
    if warning is None:
        assert said == ""
    else:
        assert warning in said
    aside = tmp_path / ".rlcheck" / "state.json.damaged"
    assert (aside.read_bytes() if aside.exists() else None) == damaged
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(".state-")]
    assert leftovers == []  # no temp file left behind, written or not


# -------------------------------------------------------------- two stores, one file


def set_key(key: str, value: Any) -> Callable[[Progress], None]:
    def change(p: Progress) -> None:
        if key == "current":
            p.current = value
        elif key.startswith("passed."):
            if value is None:
                p.passed.pop(key.split(".", 1)[1], None)
            else:
                p.passed[key.split(".", 1)[1]] = value
        else:
            name = key.split(".", 1)[1]
            p.hints_shown[name] = p.hints_shown.get(name, 0) + value
    return change


# id, file as found, what the first store changes, what the second store changes, the file after both
MERGES = [
    ("current-and-hint", state(), ("current", "b"), ("hints.a", 1), progress("b", hints={"a": 1})),
    ("pass-and-hint", state(), ("passed.a", D1), ("hints.b", 1), progress(passed={"a": D1}, hints={"b": 1})),
    ("two-passes", state(), ("passed.a", D1), ("passed.b", D2), progress(passed={"a": D1, "b": D2})),
    ("same-hint-twice", state(hints_shown={"a": 1}), ("hints.a", 1), ("hints.a", 1), progress(hints={"a": 3})),
    ("a-removed-pass-stays-removed", state(passed={"a": D1}), ("current", "b"), ("passed.a", None), progress("b")),
    ("last-writer-sets-current", state(current="a"), ("current", "b"), ("current", "c"), progress("b")),
]


@pytest.mark.parametrize("found, first, second, merged", [pytest.param(*row[1:], id=row[0]) for row in MERGES])
def test_two_stores_keep_each_others_changes(tmp_path: Path, found: bytes, first: tuple, second: tuple,
                                             merged: dict) -> None:
    path = tmp_path / ".rlcheck" / "state.json"
    path.parent.mkdir()
    path.write_bytes(found)
    mine, theirs = StateStore(path, dict(LIMITS)), StateStore(path, dict(LIMITS))
    stale = mine.load()  # read before the other store writes: must not be what mine writes back
    theirs.update(set_key(*second), theirs.load())
    written, _ = mine.update(set_key(*first), stale)
    assert json.loads(path.read_text()) == merged == written.to_json()
    assert mine.warnings == theirs.warnings == []


# -------------------------------------------------------------- a pass is recorded for the bytes that were checked


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def make_app(tmp_path: Path, names: tuple[str, ...] = ("a", "b", "c")) -> App:
    exercises = tuple(Exercise(n, f"{n}.py", "t", "implement", ("nudge", "method")) for n in names)
    course = Course(exercises=exercises, curriculum_dir=tmp_path, root=None, by_name={e.name: e for e in exercises})
    workspace = Workspace(root=tmp_path, exercises_dir=tmp_path / "exercises")
    workspace.exercises_dir.mkdir()
    for exercise in exercises:
        workspace.file(exercise).write_text(f"# {exercise.name}\n")
    store = StateStore(workspace.state_path, hint_limits={n: 2 for n in names})
    return App(course=course, workspace=workspace, store=store, progress=store.load())


def verdict(status: Status, digest: str | None) -> Result:
    return Result("a", "a.py", status, status.label, source_sha256=digest)


CHECKED, NOW = "x = 1\n", "x = 2\n"

# id, recorded before, file when checked, file when recorded ("gone": deleted), status, digest the result carries
# ("checked", "now", None), what progress records for "a" afterwards (None: no pass)
RECORDS = [
    ("pass-of-the-file-as-it-is", None, CHECKED, CHECKED, Status.PASSED, "checked", sha(CHECKED)),
    ("pass-of-bytes-since-changed", None, CHECKED, NOW, Status.PASSED, "checked", None),
    ("pass-of-a-file-since-deleted", None, CHECKED, "gone", Status.PASSED, "checked", None),
    # Only the judge knows which bytes it checked: a pass without its digest records nothing.
    ("pass-without-a-digest-is-not-recorded", None, CHECKED, CHECKED, Status.PASSED, None, None),
    ("failure-forgets-a-pass", sha(CHECKED), CHECKED, CHECKED, Status.FAILED, "checked", None),
    ("not-started-forgets-a-pass", sha(CHECKED), CHECKED, CHECKED, Status.NOT_STARTED, "checked", None),
    ("stale-pass-keeps-the-old-record", sha("old\n"), CHECKED, NOW, Status.PASSED, "checked", sha("old\n")),
    ("new-pass-replaces-the-old-record", sha("old\n"), NOW, NOW, Status.PASSED, "checked", sha(NOW)),
]


@pytest.mark.parametrize("before, checked, now, status, digest, after",
                         [pytest.param(*row[1:], id=row[0]) for row in RECORDS])
def test_record(tmp_path: Path, before: str | None, checked: str, now: str, status: Status, digest: str | None,
                after: str | None) -> None:
    app = make_app(tmp_path)
    exercise = app.course.by_name["a"]
    file = app.file(exercise)
    if before:
        app.store.update(lambda p: p.passed.__setitem__("a", before), app.progress)
        app.refresh()
    file.write_text(checked)
    result = verdict(status, sha(checked) if digest == "checked" else digest)
    if now == "gone":
        file.unlink()
    else:
        file.write_text(now)
    app.record(result, exercise)
    assert app.progress.passed.get("a") == after
    assert json.loads(app.workspace.state_path.read_text())["passed"].get("a") == after
    assert app.is_done(exercise) is (after is not None and now != "gone" and after == sha(now))


@pytest.mark.parametrize("before, checked, now, status, digest, after",
                         [pytest.param(*row[1:], id=row[0]) for row in RECORDS])
def test_record_many(tmp_path: Path, before: str | None, checked: str, now: str, status: Status,
                     digest: str | None, after: str | None) -> None:
    """Check-all records in one write, by the same rule; a result without a digest is not trusted."""
    app = make_app(tmp_path)
    a, b = app.course.by_name["a"], app.course.by_name["b"]
    if before:
        app.store.update(lambda p: p.passed.__setitem__("a", before), app.progress)
        app.refresh()
    app.file(a).write_text(checked)
    result = verdict(status, sha(checked) if digest == "checked" else digest)
    if now == "gone":
        app.file(a).unlink()
    else:
        app.file(a).write_text(now)
    other = Result("b", "b.py", Status.PASSED, "passed", source_sha256=sha("# b\n"))
    app.record_many([(a, result), (b, other)])
    assert app.progress.passed.get("a") == after
    assert app.progress.passed.get("b") == sha("# b\n")  # the other verdict in the same write


def test_is_passed_compares_the_recorded_hash_with_the_file(tmp_path: Path) -> None:
    file = tmp_path / "a.py"
    file.write_text(CHECKED)
    recorded = Progress(passed={"a": sha(CHECKED)})
    assert is_passed(recorded, "a", file)
    file.write_text(NOW)
    assert not is_passed(recorded, "a", file)
    assert not is_passed(Progress(), "a", file)
    file.unlink()
    assert not is_passed(recorded, "a", file)


# -------------------------------------------------------------- hints: one further per call, stopping at the last


def hint_app(tmp_path: Path, hints: int, shown: int | None) -> App:
    exercise = Exercise("a", "a.py", "t", "implement", tuple(f"hint {i}" for i in range(hints)))
    course = Course(exercises=(exercise,), curriculum_dir=tmp_path, root=None, by_name={"a": exercise})
    workspace = Workspace(root=tmp_path, exercises_dir=tmp_path / "exercises")
    if shown is not None:
        workspace.state_path.parent.mkdir(parents=True)
        workspace.state_path.write_bytes(state(hints_shown={"a": shown}))
    store = StateStore(workspace.state_path, hint_limits={"a": hints})
    return App(course=course, workspace=workspace, store=store, progress=store.load())


# id, hints the exercise has, hints shown in the file (None: no file), calls, indexes shown, count recorded after
HINTS = [
    ("first-call-the-nudge", 2, None, 1, [0], 1),
    ("stops-at-the-method", 2, None, 3, [0, 1, 1], 2),
    ("goes-on-from-the-file", 3, 1, 1, [1], 2),
    ("all-shown-stays-on-the-last", 3, 3, 2, [2, 2], 3),
    ("a-huge-count-is-clamped-first", 2, 99, 1, [1], 2),
    ("a-negative-count-is-clamped-first", 2, -5, 1, [0], 1),
    ("a-single-hint", 1, None, 2, [0, 0], 1),
]


@pytest.mark.parametrize("hints, shown, calls, indexes, after", [pytest.param(*row[1:], id=row[0]) for row in HINTS])
def test_next_hint(tmp_path: Path, hints: int, shown: int | None, calls: int, indexes: list[int], after: int) -> None:
    app = hint_app(tmp_path, hints, shown)
    exercise = app.course.by_name["a"]
    assert [app.next_hint(exercise) for _ in range(calls)] == indexes
    assert json.loads(app.workspace.state_path.read_text())["hints_shown"] == {"a": after}


def test_an_exercise_without_hints_says_so_instead_of_failing(tmp_path: Path) -> None:
    from checker import ui

    app = hint_app(tmp_path, 0, None)
    exercise = app.course.by_name["a"]
    console = ui.make_console(file=__import__("io").StringIO(), width=60, color_system=None)
    console.print(ui.hint_panel(exercise, app.next_hint(exercise)))
    assert "This exercise has no hints." in console.file.getvalue()


def test_forget_drops_the_pass_and_the_hints_of_those_reset_only(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    a = app.course.by_name["a"]
    app.store.update(lambda p: (p.passed.update(a=D1, b=D2), p.hints_shown.update(a=1, b=2)), app.progress)
    app.refresh()
    app.forget(a)
    assert (app.progress.passed, app.progress.hints_shown) == ({"b": D2}, {"b": 2})
