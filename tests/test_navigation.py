"""Where the learner ends up, as tables: watch mode's keys and verdicts (``step``), and the
session's own notion of the current and the next unfinished exercise (``App``).

Each watch row is a model at start (current exercise, which are done, the terminal's rows), the
keys or events fed to it, and where that leaves the learner: the current exercise, the view
(the verdict screen or the list with its cursor, digits typed and complaint), the one-off flash
line, and whether a pass now would move on (``reviewing``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from checker.app import App
from checker.catalog import Course, Exercise, Workspace
from checker.result import Result, Status
from checker.state import StateStore
from checker.watch.events import Checked, KeyPressed, Saved
from checker.watch.machine import Banner, Model, Picker, RunCheck, SetCurrent, Size, Verdict, initial, step

NAMES = ("a", "b", "c", "d", "e")
FIRST = "This is the first exercise."
LAST = "This is the last exercise."


def digest(n: int) -> str:
    return f"{n:064x}"


def result(name: str, status: Status, content: int = 1) -> Result:
    return Result(exercise=name, file=f"{name}.py", status=status, summary=status.label, source_sha256=digest(content))


def passes(name: str, content: int = 1, on_disk: int | None = None) -> Checked:
    """A passing verdict arrives for ``name``; ``on_disk``: the file's content by then, if it changed."""
    return Checked(name, result(name, Status.PASSED, content), digest(on_disk if on_disk is not None else content))


def fails(name: str, content: int = 1) -> Checked:
    return Checked(name, result(name, Status.FAILED, content), digest(content))


def keys(text: str) -> list[KeyPressed]:
    """Space-separated keys: "l 1 2 enter"."""
    return [KeyPressed(k if k != "space" else " ") for k in text.split()]


def start(current: str, done: str = "", rows: int = 24, manual: bool = False, names: tuple[str, ...] = NAMES) -> Model:
    model, _ = initial(names, current, frozenset(done), manual, Size(80, rows))
    return model


def feed(model: Model, events: list[Any]) -> tuple[Model, list[Any]]:
    effects: list[Any] = []
    for event in events:
        model, out = step(model, event)
        effects.extend(out)
    return model, effects


# -------------------------------------------------------------- n and p


# id, current, done, keys, then current, flash, reviewing
NEXT_PREVIOUS = [
    ("n-in-the-middle", "c", "", "n", "d", "", False),
    ("p-in-the-middle", "c", "", "p", "b", "", False),
    ("n-at-the-last", "e", "", "n", "e", LAST, False),
    ("p-at-the-first", "a", "", "p", "a", FIRST, False),
    ("p-at-the-first-then-n", "a", "", "p n", "b", "", False),
    ("n-twice-from-the-second-last", "d", "", "n n", "e", LAST, False),
    ("N-is-n", "a", "", "N", "b", "", False),
    ("n-onto-a-passed-exercise-reviews-it", "a", "b", "n", "b", "", True),
    ("n-skips-nothing-passed", "a", "bcd", "n n n n", "e", "", False),
    ("p-back-onto-a-passed-exercise", "c", "ab", "p p", "a", "", True),
    ("a-key-without-meaning-clears-the-flash", "e", "", "n x", "e", "", False),
    ("digits-mean-nothing-on-the-verdict-screen", "a", "", "3 enter", "a", "", False),
]


@pytest.mark.parametrize("current, done, pressed, then, flash, reviewing",
                         [pytest.param(*row[1:], id=row[0]) for row in NEXT_PREVIOUS])
def test_next_and_previous(current: str, done: str, pressed: str, then: str, flash: str, reviewing: bool) -> None:
    model, effects = feed(start(current, done), keys(pressed))
    assert (model.current, model.view, model.flash, model.reviewing) == (then, Verdict(), flash, reviewing)
    if then != current:
        assert effects[-2:] == [SetCurrent(then), RunCheck(then)]


# -------------------------------------------------------------- the list: cursor, paging, numbers

LONG = tuple(f"e{i:02d}" for i in range(1, 41))  # 40 exercises: the list pages

# id, names, current, rows, keys, then current, view after
PICKER = [
    ("l-opens-on-the-current", NAMES, "c", 24, "l", "c", Picker(2)),
    ("j-and-down-move-down", NAMES, "a", 24, "l j down", "a", Picker(2)),
    ("k-at-the-top-stays", NAMES, "a", 24, "l k up", "a", Picker(0)),
    ("j-at-the-bottom-stays", NAMES, "e", 24, "l j", "e", Picker(4)),
    ("end-and-home", NAMES, "c", 24, "l end", "c", Picker(4)),
    ("g-is-home", NAMES, "c", 24, "l end g", "c", Picker(0)),
    ("enter-goes-to-the-cursor", NAMES, "a", 24, "l j j enter", "c", Verdict()),
    ("escape-closes-without-moving", NAMES, "a", 24, "l j escape", "a", Verdict()),
    ("q-closes-the-list-only", NAMES, "a", 24, "l j q", "a", Verdict()),
    ("l-closes-the-list", NAMES, "a", 24, "l j l", "a", Verdict()),
    ("pagedown-by-the-rows", LONG, "e01", 24, "l pagedown", "e01", Picker(16)),
    ("space-pages-down", LONG, "e01", 24, "l space space", "e01", Picker(32)),
    ("pagedown-stops-at-the-last", LONG, "e01", 24, "l pagedown pagedown pagedown", "e01", Picker(39)),
    ("pageup-and-b", LONG, "e40", 24, "l pageup b", "e40", Picker(39 - 32)),
    ("pageup-stops-at-the-first", LONG, "e05", 24, "l pageup", "e05", Picker(0)),
    ("a-short-terminal-pages-by-one", LONG, "e01", 9, "l pagedown pagedown", "e01", Picker(2)),
    ("a-tiny-terminal-still-pages", LONG, "e01", 3, "l pagedown", "e01", Picker(1)),
    # numbers
    ("number-goes-there", NAMES, "a", 24, "l 3 enter", "c", Verdict()),
    ("number-first-and-last", NAMES, "c", 24, "l 1 enter", "a", Verdict()),
    ("number-with-a-leading-zero", NAMES, "a", 24, "l 0 5 enter", "e", Verdict()),
    ("number-two-digits", LONG, "e01", 24, "l 2 7 enter", "e27", Verdict()),
    ("number-wins-over-the-cursor", NAMES, "a", 24, "l j j 4 enter", "d", Verdict()),
    ("number-corrected-with-backspace", NAMES, "a", 24, "l 9 backspace 2 enter", "b", Verdict()),
    ("backspace-with-nothing-typed", NAMES, "a", 24, "l backspace enter", "a", Verdict()),
    ("digits-so-far-are-shown", NAMES, "a", 24, "l 1 2", "a", Picker(0, typed="12")),
    ("only-the-last-four-digits-count", NAMES, "a", 24, "l 1 2 3 4 5", "a", Picker(0, typed="2345")),
    ("number-zero", NAMES, "a", 24, "l 0 enter", "a",
     Picker(0, error="There is no exercise 0: type a number from 1 to 5.")),
    ("number-past-the-end", NAMES, "b", 24, "l 6 enter", "b",
     Picker(1, error="There is no exercise 6: type a number from 1 to 5.")),
    ("number-far-past-the-end", NAMES, "a", 24, "l 9 9 9 9 9 enter", "a",
     Picker(0, error="There is no exercise 9999: type a number from 1 to 5.")),
    ("a-digit-clears-the-complaint", NAMES, "a", 24, "l 0 enter 2", "a", Picker(0, typed="2")),
    ("after-a-complaint-a-good-number-works", NAMES, "a", 24, "l 0 enter 2 enter", "b", Verdict()),
    ("moving-forgets-the-digits", NAMES, "a", 24, "l 3 j enter", "b", Verdict()),
]


@pytest.mark.parametrize("names, current, rows, pressed, then, view",
                         [pytest.param(*row[1:], id=row[0]) for row in PICKER])
def test_the_list(names: tuple[str, ...], current: str, rows: int, pressed: str, then: str, view: Any) -> None:
    model, effects = feed(start(current, rows=rows, names=names), keys(pressed))
    assert (model.current, model.view) == (then, view)
    moved = [e for e in effects if isinstance(e, SetCurrent)]
    assert moved == ([SetCurrent(then)] if pressed.endswith("enter") and view == Verdict() else [])


# -------------------------------------------------------------- verdicts: a first pass moves on, reviewing stays

# id, current, done, events, then current, banner, reviewing
VERDICTS = [
    ("a-first-pass-moves-on", "a", "", [passes("a")], "b", Banner("a", "b"), False),
    ("moving-on-skips-passed-ones", "a", "bc", [passes("a")], "d", Banner("a", "d"), False),
    ("moving-on-wraps-around", "d", "be", [passes("d")], "a", Banner("d", "a"), False),
    ("the-last-unfinished-says-all-done", "c", "abde", [passes("c")], "c", Banner("c", all_done=True), True),
    ("a-failure-stays", "a", "", [fails("a")], "a", None, False),
    ("a-stale-pass-does-not-move", "a", "", [passes("a", content=1, on_disk=2)], "a", None, False),
    ("a-pass-of-a-left-exercise-is-ignored", "a", "", [KeyPressed("n"), passes("a")], "b", None, False),
    ("a-reviewed-exercise-stays", "b", "b", [passes("b")], "b", Banner("b"), True),
    ("reviewing-after-p-stays", "c", "b", [KeyPressed("p"), passes("b")], "b", Banner("b"), True),
    ("reviewing-after-the-list-stays", "a", "d", [*keys("l 4 enter"), passes("d")], "d", Banner("d"), True),
    ("n-onto-an-unfinished-one-moves-on", "a", "cde", [KeyPressed("n"), passes("b")], "a", Banner("b", "a"), False),
    ("fix-after-breaking-a-reviewed-one-stays", "b", "b",
     [Saved("b", digest(2), True, False), fails("b", 2), Saved("b", digest(3), False, False), passes("b", 3)],
     "b", Banner("b"), True),
    ("saving-an-unfinished-file-moves-on-when-it-passes", "a", "",
     [Saved("c", digest(5), False, False), passes("c", 5)], "d", Banner("c", "d"), False),
    ("saving-a-passed-file-reviews-it", "a", "c",
     [Saved("c", digest(5), True, True), passes("c", 5)], "c", Banner("c"), True),
    ("two-passes-in-a-row", "a", "", [passes("a"), passes("b")], "c", Banner("b", "c"), False),
]


@pytest.mark.parametrize("current, done, events, then, banner, reviewing",
                         [pytest.param(*row[1:], id=row[0]) for row in VERDICTS])
def test_after_a_verdict(current: str, done: str, events: list[Any], then: str, banner: Banner | None,
                         reviewing: bool) -> None:
    model, _ = feed(start(current, done), events)
    assert (model.current, model.banner, model.reviewing) == (then, banner, reviewing)


def test_manual_mode_moves_on_without_checking() -> None:
    model, effects = feed(start("a", manual=True), [KeyPressed("r"), passes("a")])
    assert model.current == "b" and SetCurrent("b") in effects and RunCheck("b") not in effects


# -------------------------------------------------------------- the session: current and next unfinished


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def make_app(tmp_path: Path, done: str = "", current: str | None = None, edited: str = "") -> App:
    """Five exercises a..e; those in ``done`` have a recorded pass, those in ``edited`` changed since."""
    exercises = tuple(Exercise(n, f"{n}.py", "t", "implement", ("nudge", "method")) for n in NAMES)
    course = Course(exercises=exercises, curriculum_dir=tmp_path, root=None, by_name={e.name: e for e in exercises})
    workspace = Workspace(root=tmp_path, exercises_dir=tmp_path / "exercises")
    workspace.exercises_dir.mkdir()
    for exercise in exercises:
        workspace.file(exercise).write_text(f"# {exercise.name}\n" + ("# edited\n" if exercise.name in edited else ""))
    store = StateStore(workspace.state_path)
    store.update(lambda p: (p.passed.update({n: sha(f"# {n}\n") for n in done}), setattr(p, "current", current)),
                 store.load())
    return App(course=course, workspace=workspace, store=store, progress=store.load())


def name_of(exercise: Exercise | None) -> str:
    return exercise.name if exercise is not None else "-"


# id, done, current in progress, edited since their pass, App.current(), next_pending(after each exercise; "-": None)
SESSIONS = [
    ("fresh", "", None, "", "a", "bcdea"),
    ("first-two-done", "ab", None, "", "c", "ccdec"),
    ("current-kept-even-if-done", "ab", "a", "", "a", "ccdec"),
    ("current-not-in-the-course", "a", "zz", "", "b", "bcdeb"),
    ("all-done-stays-on-the-last", "abcde", None, "", "e", "-----"),
    ("all-done-current-kept", "abcde", "b", "", "b", "-----"),
    ("an-edit-since-the-pass-undoes-it", "abcde", None, "c", "c", "ccccc"),
    ("only-the-middle-one-left", "abde", None, "", "c", "ccccc"),
]


@pytest.mark.parametrize("done, current, edited, expected, following",
                         [pytest.param(*row[1:], id=row[0]) for row in SESSIONS])
def test_current_and_next_pending(tmp_path: Path, done: str, current: str | None, edited: str, expected: str,
                                  following: str) -> None:
    app = make_app(tmp_path, done, current, edited)
    assert app.current().name == expected
    assert "".join(name_of(app.next_pending(e)) for e in app.course.exercises) == following
    assert name_of(app.next_pending()) == following[-1]  # from the start: as after the last, wrapped
