"""Golden renderings of watch mode's screen, from Results built by hand, at 80x24 and 60x20.

Each case is a text snapshot in tests/golden/watch/<case>-<columns>x<rows>.txt. After a
deliberate change to the screen, regenerate them with

    RLCHECK_UPDATE_GOLDEN=1 pytest tests/test_watch_screen.py

and read the diff before committing it.
"""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from checker.catalog import load_course
from checker.result import CallRecord, Result, Status, TestResult
from checker.verdict_view import render_verdict
from checker.watch.machine import Banner, Detail, Grid, Model, Picker, Size
from checker.watch.screen import Context

GOLDEN = Path(__file__).parent / "golden" / "watch"
SIZES = [(80, 24), (60, 20)]
from conftest import screen  # noqa: E402  (with the `context` fixture, shared with test_watch_picture)

COURSE = load_course()
NAMES = tuple(e.name for e in COURSE.exercises)

MATRIX = "[[0. , 0.8, 0.2],\n [0.1, 0. , 0.9],\n [0.6, 0.3, 0.1]]"


def failing(name: str, message: str, what: str = "", output: str = "", traceback: str = "") -> TestResult:
    calls = [CallRecord(what=what, output=output)] if what else []
    return TestResult(name=name, outcome="failed", message=message, traceback=traceback, calls=calls)


def in_place_sweep() -> Result:
    call = "bellman_iteration([0, 0, 0], [10, 2, 5], P (3x3), 0.9)"
    first = failing(
        "first backup from zero",
        f"bellman_iteration([0., 0., 0.], [10.,  2.,  5.], {MATRIX}, 0.9)\n"
        "  expected: [10.,  2.,  5.]\n  got:      [10.   ,  2.9  , 11.183]\n"
        "  entry [1] differs: expected 2.0, got 2.9; entry [2]: expected 5.0, got 11.183\n"
        "  This looks like an in-place (Gauss-Seidel) sweep: later states used values already updated "
        "in this sweep. Compute every new value from the old V.",
        what=call, output="".join(f"sweep state {s}: V = {v}\n" for s, v in enumerate([10.0, 2.9, 11.183] * 4)),
    )
    others = [
        failing(name, f"bellman_iteration({args}, 0.9)\n  changed its input #1 in place: it was {was}, afterwards "
                      f"{after}.\n  Build a new array for the result instead of writing into the input.",
                what=f"bellman_iteration({args})", output="sweep state 0: V = 1.0\n")
        for name, args, was, after in [
            ("backup from nonzero values", "[10, 2, 5], [10, 2, 5], P (3x3)", "[10., 2., 5.]", "[12.34, 7.16, 14.05]"),
            ("gamma zero gives rewards", "[3, -1, 7], [10, 2, 5], P (3x3)", "[3., -1., 7.]", "[10., 2., 5.]"),
            ("single state", "[4], [1], [[1]]", "[4.]", "[3.]"),
        ] + [(f"random MDP {i}, 7 states", "V (7), R (7), P (7x7)", "V", "V changed") for i in range(5)]
    ]
    return Result(exercise="bellman_iteration", file="bellman_iteration.py", status=Status.FAILED,
                  summary="9 of 9 checks failed.", tests=[first, *others])


def name_error() -> Result:
    traceback = ('  File "exercises/01_bellman/bellman_iteration.py", line 9, in bellman_iteration\n'
                 "    return R + gama * P @ V\n"
                 "               ^^^^\n"
                 "NameError: name 'gama' is not defined\n")
    tests = [failing(f"case {i}", "Your code raised NameError: name 'gama' is not defined", traceback=traceback)
             for i in range(12)]
    return Result(exercise="bellman_iteration", file="bellman_iteration.py", status=Status.FAILED,
                  summary="12 of 12 checks failed.", tests=tests)


def module_loop_timeout() -> Result:
    return Result(exercise="bellman_iteration", file="bellman_iteration.py", status=Status.TIMEOUT,
                  summary="Your code was still running after 10 s, so the check was stopped. Look for a loop "
                          "that never ends (a while loop whose condition never changes).",
                  output="".join(f"tick {i}\n" for i in range(1, 41)))


def not_run_after_timeout() -> Result:
    first = failing("first backup from zero",
                    "bellman_iteration([0, 0, 0], [10, 2, 5], P (3x3), 0.9) was still running after 1 s, "
                    "so it was stopped.\n  Look for a loop that never ends.",
                    what="bellman_iteration([0, 0, 0], [10, 2, 5], P (3x3), 0.9)",
                    output="".join(f"iteration {i}\n" for i in range(200)))
    rest = [failing(f"check {i}", "not run: bellman_iteration already ran past the time limit") for i in range(16)]
    return Result(exercise="bellman_iteration", file="bellman_iteration.py", status=Status.FAILED,
                  summary="17 of 17 checks failed.", tests=[first, *rest])


def huge_message() -> Result:
    block = "\n".join(" [" + ", ".join("0.25" for _ in range(9)) + "]," for _ in range(36))
    tests = [failing(f"gridworld sweep {i}", f"policy_evaluation(P (9, 4, 9), R (9, 4), pi (9, 4), 0.9)\n"
                                             f"  expected:\n{block}\n  got:\n{block}\n  One sweep too many.")
             for i in range(4)]
    return Result(exercise="policy_evaluation", file="policy_evaluation.py", status=Status.FAILED,
                  summary="4 of 6 checks failed.", tests=[*tests, TestResult("ok", "passed"), TestResult("ok2", "passed")])


def syntax_error() -> Result:
    return Result(exercise="gae", file="gae.py", status=Status.ERROR,
                  summary="Your file has a syntax error on line 12: expected ':'",
                  detail="    for t in reversed(range(T))\n                               ^", line=12,
                  output="loading\n")


def passed_result() -> Result:
    return Result(exercise="bellman_values", file="bellman_values.py", status=Status.PASSED,
                  summary="All 3 checks pass.", output="V_A is 56.23\n")


def grid_results() -> tuple[Result, ...]:
    statuses = [Status.PASSED] * 20 + [Status.FAILED, Status.ERROR, Status.TIMEOUT] + [Status.NOT_STARTED] * (len(NAMES) - 23)
    return tuple(Result(exercise=name, file="", status=status, summary="") for name, status in zip(NAMES, statuses))


def model_for(case: str, size: Size) -> Model:
    base = Model(names=NAMES, current="bellman_iteration", size=size, done=frozenset({"bellman_values"}))
    match case:
        case "in_place_sweep":
            return replace(base, result=in_place_sweep())
        case "in_place_sweep_second_check":
            return replace(base, result=in_place_sweep(), selected=1)
        case "in_place_sweep_full_output":
            return replace(base, result=in_place_sweep(), view=Detail(0))
        case "name_error":
            return replace(base, result=name_error())
        case "module_loop_timeout":
            return replace(base, result=module_loop_timeout())
        case "not_run_after_timeout":
            return replace(base, result=not_run_after_timeout())
        case "huge_message":
            return replace(base, current="policy_evaluation", result=huge_message())
        case "syntax_error":
            return replace(base, current="gae", result=syntax_error(), hint=0)
        case "passed_and_moved_on":
            return replace(base, current="bellman_myopic", banner=Banner("bellman_values", "bellman_myopic"))
        case "reviewing_a_pass":
            return replace(base, current="bellman_values", result=passed_result(), reviewing=True,
                           banner=Banner("bellman_values"))
        case "list_scrolled_to_current":
            done = frozenset(NAMES[:39])
            return replace(base, current=NAMES[39], done=done, view=Picker(39))
        case "check_all_grid":
            return replace(base, view=Grid(grid_results()), done=frozenset(NAMES[:20]))
    raise AssertionError(case)


CASES = ["in_place_sweep", "in_place_sweep_second_check", "in_place_sweep_full_output", "name_error",
         "module_loop_timeout", "not_run_after_timeout", "huge_message", "syntax_error", "passed_and_moved_on",
         "reviewing_a_pass", "list_scrolled_to_current", "check_all_grid"]


@pytest.mark.parametrize("columns, rows", SIZES, ids=[f"{c}x{r}" for c, r in SIZES])
@pytest.mark.parametrize("case", CASES)
def test_golden_screen(case, columns, rows, context):
    text = screen(model_for(case, Size(columns, rows)), context)
    lines = text.rstrip("\n").split("\n")
    assert len(lines) <= rows - 1, "the screen must fit the terminal (less the last line)"
    assert all(len(line) <= columns for line in lines), max(lines, key=len)
    golden = GOLDEN / f"{case}-{columns}x{rows}.txt"
    if os.environ.get("RLCHECK_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no snapshot {golden.name}: run with RLCHECK_UPDATE_GOLDEN=1 and review it"
    assert text == golden.read_text(encoding="utf-8")


def rows_of(case: str, columns: int = 80, rows: int = 24, context: Context | None = None) -> list[str]:
    return screen(model_for(case, Size(columns, rows)), context).rstrip("\n").split("\n")


def test_the_failure_view_leads_with_the_summary_and_the_first_check_in_full(context):
    lines = rows_of("in_place_sweep", context=context)
    assert lines[0].startswith(f"bellman_iteration  (bellman, implement)  2/{len(NAMES)}")
    assert lines[3] == "✗ failed  9 of 9 checks failed."
    assert lines[5].startswith("✗ first backup from zero  (1 of 9 failing)")
    text = "\n".join(lines)
    assert "This looks like an in-place (Gauss-Seidel) sweep" in text
    # The other checks take a line each, and the same failure in five is one line.
    assert "✗ backup from nonzero values: changed its input #1 in place" in text
    tall = rows_of("in_place_sweep", 80, 40, context)
    assert sum("random MDP" in line for line in tall) == 1
    assert any(line.startswith("✗ random MDP 0, 7 states and 4 more: changed its input #1") for line in tall)
    # The output is the failing call's only, labelled with the call.
    assert "── output, last 2 of 12 lines of bellman_iteration([0, 0, 0], [10, 2, 5], P (3x" in text
    assert "sweep state 0: V = 1.0" not in text


def test_identical_errors_collapse_into_one_line(context):
    text = "\n".join(rows_of("name_error", context=context))
    assert "same NameError in 11 more checks" in text
    assert text.count("NameError") == 2  # the message, and the line that collapses the rest
    assert "^^^^" in text  # the learner's line, marked, unwrapped
    not_run = "\n".join(rows_of("not_run_after_timeout", context=context))
    assert not_run.count("not run") == 1 and "check 0 and 15 more: not run" in not_run


def test_a_timeout_says_so_before_any_output(context):
    lines = rows_of("module_loop_timeout", context=context)
    timeout = next(i for i, line in enumerate(lines) if "still running after 10 s" in line)
    first_output = next(i for i, line in enumerate(lines) if line.startswith("tick"))
    assert timeout == 3 and timeout < first_output
    assert "tick 40" in lines and "tick 1" not in lines  # the last lines printed are the ones kept
    assert any(line.startswith("── your output, last ") for line in lines)


def test_a_huge_message_is_cut_to_the_screen(context):
    for columns, rows in [(80, 24), (60, 20), (120, 40), (60, 12)]:
        lines = rows_of("huge_message", columns, rows, context)
        assert len(lines) <= rows - 1
        assert any("✗ failed  4 of 6 checks failed." in line for line in lines[:5])
        assert any("more lines" in line for line in lines)


def test_names_are_never_cut_in_the_list_at_80_columns(context):
    lines = rows_of("list_scrolled_to_current", context=context)
    longest = max(NAMES, key=len)
    assert any(f"▶ {NAMES[39]}" in line for line in lines)  # scrolled to the current exercise
    model = replace(model_for("list_scrolled_to_current", Size(80, 24)), current=longest,
                    view=Picker(NAMES.index(longest)))
    assert longest + " " in screen(model, context)
    grid = "\n".join(rows_of("check_all_grid", 120, 40, context))
    assert all(name in grid for name in NAMES)  # at 120x40 every name fits, whole


def test_run_fits_the_verdict_to_a_height_with_the_timeout_line_first():
    console = Console(width=80, file=io.StringIO(), no_color=True)
    rows = [r.plain for r in render_verdict(module_loop_timeout(), 80, 12, console)]
    assert len(rows) == 12 and rows[0].startswith("⏱ timeout  Your code was still running")
    assert rows[-1] == "tick 40"
    everything = render_verdict(module_loop_timeout(), 80, None, console)
    assert "tick 1" in [r.plain for r in everything]
