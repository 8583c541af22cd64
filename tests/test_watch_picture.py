"""Pictures in watch mode: the `v` key's transitions (pure, no terminal) and golden screens.

The screens are text snapshots in tests/golden/watch/picture_*-<columns>x<rows>.txt, made
from Results built by hand with pictures from the course's own builders. After a deliberate
change, regenerate them with

    RLCHECK_UPDATE_GOLDEN=1 pytest tests/test_watch_picture.py

and read the diff before committing it.
"""

from __future__ import annotations

import io
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from checker.catalog import load_course
from checker.curriculum import pictures as cp
from checker.curriculum.checks import build_picture
from checker.curriculum.ref_gridworld import GAMMA, gridworld_model, uniform_policy
from checker.curriculum.ref_values import value_sweeps
from checker.pictures import frame_count
from checker.result import CallRecord, Result, Status, TestResult
from checker.verdict_view import render_verdict
from checker.watch.events import Checked, KeyPressed, Saved
from checker.watch.machine import Exit, Model, Picture, RunCheck, SetCurrent, Size, Verdict, initial, step
from conftest import screen

GOLDEN = Path(__file__).parent / "golden" / "watch"
COURSE = load_course()
COURSE_NAMES = tuple(e.name for e in COURSE.exercises)
NAMES = ("a", "b", "c")


# ------------------------------------------------------------------ pictures to show


def in_place_sweeps(sweeps: int) -> list[float]:
    """policy_evaluation with the classic slip: Gauss-Seidel sweeps on the gridworld."""
    import numpy as np

    P, R = gridworld_model()
    pi = uniform_policy()
    V = np.zeros(9)
    for _ in range(sweeps):
        for s in range(9):
            V[s] = pi[s] @ (R[s] + GAMMA * P[s] @ V)
    return V.tolist()


def grid_spec(sweeps: int = 5) -> dict:
    P, R = gridworld_model()
    return build_picture(lambda: cp.policy_evaluation_picture(P, R, uniform_policy(), GAMMA, sweeps,
                                                              in_place_sweeps(sweeps)))


def curve_spec() -> dict:
    # value_iteration stopping one sweep early: `change <= epsilon` where `<` belongs.
    return build_picture(lambda: cp.value_iteration_picture([1.0], [0], 0.5, 0.5, [1.5]))


def answer_spec() -> dict:
    return build_picture(lambda: cp.learner_picture("gridworld_first_sweep", {"V1_S7": 0.25, "V1_S5": 1.0}),
                         reveals=True)


def failing(name: str, message: str, picture: dict | None = None, what: str = "") -> TestResult:
    return TestResult(name=name, outcome="failed", message=message, picture=picture,
                      calls=[CallRecord(what=what)] if what else [])


def result_with(*tests: TestResult, name: str = "a", content: int = 1) -> Result:
    failed = sum(t.outcome != "passed" for t in tests)
    return Result(exercise=name, file=f"{name}.py", status=Status.FAILED, summary=f"{failed} of {len(tests)} checks failed.",
                  tests=list(tests), source_sha256=f"{content:064x}")


def passed(name: str = "a", content: int = 1) -> Result:
    return Result(exercise=name, file=f"{name}.py", status=Status.PASSED, summary="The check passes.",
                  source_sha256=f"{content:064x}")


# ------------------------------------------------------------------ the `v` transitions


def start(result: Result | None) -> Model:
    model, _ = initial(NAMES, "a", frozenset(), False, Size(80, 24))
    if result is not None:
        model, _ = step(model, Checked("a", result, result.source_sha256))
    return model


def press(model: Model, *names: str) -> tuple[Model, list]:
    effects: list = []
    for name in names:
        model, out = step(model, KeyPressed(name))
        effects += out
    return model, effects


def test_v_shows_the_picture_of_the_check_on_screen_and_esc_or_v_goes_back():
    model = start(result_with(failing("first", "wrong", curve_spec()), failing("second", "wrong")))
    model, effects = press(model, "v")
    assert model.view == Picture() and effects == []
    assert press(model, "escape")[0].view == Verdict()
    assert press(model, "v")[0].view == Verdict()
    # Any other key goes back too, and a key that means something on the verdict screen does it.
    assert press(model, "x")[0].view == Verdict()
    after, effects = press(model, "n")
    assert after.view == Verdict() and after.current == "b" and SetCurrent("b") in effects
    assert press(model, "q")[1] == [Exit()]


def test_v_follows_the_selected_check_and_says_when_there_is_no_picture():
    model = start(result_with(failing("first", "wrong"), failing("second", "wrong", curve_spec())))
    model, _ = press(model, "v")
    assert model.view == Verdict() and model.flash == "This check has no picture."
    model, _ = press(model, "j", "v")  # the second failing check has one
    assert model.selected == 1 and model.view == Picture()
    model, _ = press(model, "escape", "j")
    assert model.flash == ""  # a key clears the flash
    # A pass has no failing check to draw: the reference's picture is `rlcheck show`'s.
    model, _ = press(start(passed()), "v")  # watch moved on to b; the banner names a
    assert model.current == "b" and "`rlcheck show a` draws the reference's picture" in model.flash
    reviewing, _ = initial(NAMES, "a", frozenset({"a"}), False, Size(80, 24))
    reviewing, _ = step(reviewing, Checked("a", passed(), passed().source_sha256))
    model, _ = press(reviewing, "v")
    assert model.view == Verdict() and "Pictures come with a failing check; `rlcheck show a`" in model.flash
    model, _ = press(start(None), "v")
    assert model.view == Verdict() and "no check has failed" in model.flash


def test_arrows_page_through_a_grids_frames_one_at_a_time():
    spec = grid_spec(5)
    assert frame_count(spec) == 5
    model, _ = press(start(result_with(failing("sweeps", "wrong", spec))), "v")
    assert model.view == Picture(frame=None)  # first the whole picture, as much as fits
    # The first step lands beside the frame the picture is about: the sweep of the learner's values.
    assert press(model, "left")[0].view == Picture(frame=3)
    assert press(model, "right")[0].view == Picture(frame=4)  # already the last
    model, _ = press(model, "home")
    assert model.view == Picture(frame=0)
    model, _ = press(model, "left", "right", "right", " ", "pagedown")
    assert model.view == Picture(frame=4)
    model, _ = press(model, "right", "end")
    assert model.view == Picture(frame=4)  # stays within the frames
    model, _ = press(model, "b", "pageup")
    assert model.view == Picture(frame=2)
    # A curve has one frame: the arrows change nothing.
    curve, _ = press(start(result_with(failing("curve", "wrong", curve_spec()))), "v", "right", "end")
    assert curve.view == Picture(frame=None)


def test_a_picture_that_shows_the_answer_asks_first():
    model, _ = press(start(result_with(failing("V1_S5", "`V1_S5` = 1 is not right", answer_spec()))), "v")
    assert model.view == Picture(revealed=False)
    assert press(model, "right")[0].view == Verdict()  # not asked for: any other key goes back
    model, _ = press(model, "v")
    assert model.view == Picture(revealed=True)
    assert press(model, "v")[0].view == Verdict()


def test_a_new_verdict_or_a_save_leaves_the_picture():
    model, _ = press(start(result_with(failing("first", "wrong", curve_spec()))), "v", "right")
    after, effects = step(model, Saved("a", f"{2:064x}", False, False))
    assert after.view == Verdict() and effects == (RunCheck("a"),)
    fixed = passed(content=2)
    after, _ = step(model, Checked("a", fixed, fixed.source_sha256))
    assert after.view == Verdict()


def test_an_unreadable_picture_never_breaks_the_keys_or_the_screen(context):
    broken = failing("first", "wrong", {"kind": "grid", "rows": 0})
    model, _ = press(start(result_with(broken)), "v")
    model, _ = press(model, "v", "right", "end")  # unreadable: treated as revealing, then one frame
    assert model.view == Picture(frame=None, revealed=True)
    model = replace(model, names=COURSE_NAMES, current=COURSE_NAMES[0])
    assert "cannot be drawn" in screen(model, context)


# ------------------------------------------------------------------ golden screens




def value_iteration_stops_early() -> Result:
    """value_iteration with `<=` where `<` belongs: one check fails, its message short."""
    history = value_sweeps([1.0], [0], 0.5, 0.5)
    call = "value_iteration([1], [0], 0.5, 0.5)"
    message = (f"{call}\n  1 of 1 entry differs:\n    [0]  expected {history[-1][0]:g}  got {history[-2][0]:g}\n"
               "  This looks like the values from before the last sweep. Return V after the "
               "sweep whose change dropped below epsilon.")
    test = failing("a change equal to epsilon keeps sweeping", message, curve_spec(), what=call)
    passing = [TestResult(name=f"check {i}", outcome="passed") for i in range(16)]
    return Result(exercise="value_iteration", file="value_iteration.py", status=Status.FAILED,
                  summary="1 of 17 checks failed.", tests=[*passing, test])


def policy_evaluation_in_place() -> Result:
    call = "policy_evaluation(gridworld P, gridworld R, uniform pi, 0.9, 2)"
    message = (f"{call}\n  2 of 9 entries differ:\n    V(S5)  expected 0.30625  got 0.344219\n"
               "    V(S7)  expected 0.30625  got 0.344219\n  all other 7 entries match\n"
               "  This looks like in-place (Gauss-Seidel) sweeps: states later in a sweep used values already "
               "updated in that sweep. Compute each new V from the previous V only.")
    tests = [failing("gridworld, uniform policy, 2 sweeps", message, grid_spec(2), what=call),
             failing("gridworld, uniform policy, 4 sweeps", f"{call}\n  7 of 9 entries differ; the first 3:",
                     grid_spec(4))]
    return Result(exercise="policy_evaluation", file="policy_evaluation.py", status=Status.FAILED,
                  summary="2 of 16 checks failed.", tests=tests)


def first_sweep_answer() -> Result:
    message = ("`V1_S5` = 1 is not right (answers within ±0.005 are accepted).\n"
               "  This looks like the reward of the best action alone: the uniform policy takes each action "
               "with probability 0.25, so weight every action's outcome by 0.25.")
    tests = [TestResult(name="V1_S7, the value of S7 after one sweep", outcome="passed"),
             failing("V1_S5, the value of S5 after one sweep", message, answer_spec(), what="V1_S5")]
    return Result(exercise="gridworld_first_sweep", file="gridworld_first_sweep.py", status=Status.FAILED,
                  summary="1 of 2 checks failed.", tests=tests)


def model_for(case: str, size: Size) -> Model:
    base = Model(names=COURSE_NAMES, current="value_iteration", size=size, result=value_iteration_stops_early())
    match case:
        case "picture_curve_in_verdict":
            return base
        case "picture_grid_in_verdict":
            return replace(base, current="policy_evaluation", result=policy_evaluation_in_place())
        case "picture_grid_full_screen":
            return replace(model_for("picture_grid_in_verdict", size), view=Picture())
        case "picture_grid_one_frame":
            return replace(model_for("picture_grid_in_verdict", size), view=Picture(frame=1))
        case "picture_answer_withheld":
            return replace(base, current="gridworld_first_sweep", result=first_sweep_answer())
        case "picture_answer_asks":
            return replace(model_for("picture_answer_withheld", size), view=Picture())
    raise AssertionError(case)


CASES = ["picture_curve_in_verdict", "picture_grid_in_verdict", "picture_grid_full_screen", "picture_grid_one_frame",
         "picture_answer_withheld", "picture_answer_asks"]
SIZES = [(80, 24), (60, 20)]
GOLDEN_CASES = [(case, size) for case in CASES for size in SIZES] + [("picture_grid_in_verdict", (100, 40))]


@pytest.mark.parametrize("case, size", GOLDEN_CASES, ids=[f"{case}-{c}x{r}" for case, (c, r) in GOLDEN_CASES])
def test_golden_screen_with_a_picture(case, size, context):
    columns, rows = size
    text = screen(model_for(case, Size(columns, rows)), context)
    lines = text.rstrip("\n").split("\n")
    assert len(lines) <= rows - 1, "the screen must fit the terminal (less the last line)"
    assert all(len(line) <= columns for line in lines), max(lines, key=len)
    golden = GOLDEN / f"{case}-{columns}x{rows}.txt"
    if os.environ.get("RLCHECK_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no snapshot {golden.name}: run with RLCHECK_UPDATE_GOLDEN=1 and review it"
    assert text == golden.read_text(encoding="utf-8")


def test_the_curve_fits_beside_the_whole_verdict_at_80x24(context):
    text = screen(model_for("picture_curve_in_verdict", Size(80, 24)), context)
    # The message first, whole (its diagnosis included), then the curve with its legend.
    assert text.index("sweep whose change dropped below epsilon.") < text.index("value iteration: max change")
    assert "┃ yours stopped: sweep 2" in text and "║ should stop: sweep 3" in text
    assert "v picture" in text


def test_the_picture_gives_way_before_any_of_the_verdict(context):
    # At every size the failing check's message shows exactly as much as it would without the
    # picture: the picture takes only the room the message leaves.
    for columns, rows in [(60, 20), (80, 16), (80, 24), (100, 30), (120, 50), (40, 30)]:
        model = model_for("picture_grid_in_verdict", Size(columns, rows))
        bare = replace(model, result=replace(model.result, tests=[replace(t, picture=None) for t in model.result.tests]))
        with_picture, without = screen(model, context).split("\n"), screen(bare, context).split("\n")
        start = without.index(next(line for line in without if line.startswith("✗ gridworld, uniform policy, 2")))
        message = without[start:start + next(i for i, line in enumerate(without[start + 1:], 1) if line[:1] != " ")]
        assert with_picture[start:start + len(message)] == message, (columns, rows)
    drawn = [(c, r) for c, r in [(60, 20), (80, 24), (100, 40)]
             if "policy_evaluation: V after each sweep" in screen(model_for("picture_grid_in_verdict", Size(c, r)), context)]
    assert drawn == [(100, 40)]  # at 80x24 and 60x20 this message leaves too little room: the grid gave way
    # A hint asked for takes its room first; the picture fits in what is left, or goes.
    model = replace(model_for("picture_curve_in_verdict", Size(80, 24)), hint=0)
    text = screen(model, context)
    assert "hint 1 of" in text and "sweep whose change dropped below epsilon." in text
    assert len(text.rstrip("\n").split("\n")) <= 23


def test_an_answer_picture_is_never_drawn_unasked(context):
    text = screen(model_for("picture_answer_withheld", Size(120, 50)), context)
    assert "A picture of this check shows the answer: v shows it." in text
    assert "0.250" not in text and "expected" not in text.split("checks failed.")[1].split("▸")[0].replace(
        "answers within", "")
    # `rlcheck run` (no keys) says how to see it instead.
    console = Console(width=100, file=io.StringIO(), no_color=True)
    rows = [r.plain for r in render_verdict(first_sweep_answer(), 100, None, console)]
    assert any("rlcheck show gridworld_first_sweep --force draws it" in r for r in rows)
    assert not any("0.250" in r for r in rows)
    revealed = screen(replace(model_for("picture_answer_asks", Size(80, 24)), view=Picture(revealed=True)), context)
    assert "0.250" in revealed and "1.000✗" in revealed


def test_run_draws_the_picture_under_the_check_without_colour_codes():
    console = Console(width=80, file=io.StringIO(), no_color=True)
    rows = [r.plain for r in render_verdict(value_iteration_stops_early(), 80, None, console)]
    assert any("value iteration: max change per sweep" in r for r in rows)
    assert any("┃ yours stopped: sweep 2" in r for r in rows)  # marks read without colour
    coloured = Console(width=80, file=io.StringIO(), force_terminal=True, color_system="256")
    lines = render_verdict(value_iteration_stops_early(), 80, 22, coloured)
    assert len(lines) <= 22 and any(span.style for line in lines for span in line.spans)


def test_a_frame_with_a_picture_renders_quickly(context):
    model = model_for("picture_curve_in_verdict", Size(80, 24))
    screen(model, context)  # the first draw pays for importing the plotting library
    start = time.perf_counter()
    for _ in range(10):
        screen(model, context)
    assert (time.perf_counter() - start) / 10 < 0.25  # generous: shared CI machines
