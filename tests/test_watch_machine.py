"""Watch mode's rules as pure transitions: events in, model and effects out, no terminal."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.result import Result, Status, TestResult
from checker.watch.events import (
    CheckAllProgress, Checked, CheckedAll, CheckFailed, CheckingSlow, CheckStarted, DiffLoaded, FileChanged,
    HintTaken, KeyPressed, Noted, Resized, Saved, Stop,
)
from checker.watch.machine import (
    Banner, CheckingAll, CheckingOne, Detail, Diff, Exit, Grid, LoadDiff, Model, Picker, Record, RecordAll,
    RevealSolution, RunCheck, RunCheckAll, SetCurrent, Size, TakeHint, Verdict, initial, step,
)

NAMES = ("a", "b", "c", "d")


def digest(n: int) -> str:
    return f"{n:064x}"


def verdict(name: str, status: Status = Status.FAILED, content: int = 1, failing: int = 0) -> Result:
    tests = [TestResult(name=f"check {i}", outcome="failed", message=f"wrong {i}") for i in range(failing)]
    return Result(exercise=name, file=f"{name}.py", status=status, summary=status.label, tests=tests,
                  source_sha256=digest(content))


def passed(name: str, content: int = 1) -> Result:
    return verdict(name, Status.PASSED, content)


def start(current: str = "a", done: frozenset[str] = frozenset(), manual: bool = False) -> tuple[Model, tuple]:
    return initial(NAMES, current, done, manual, Size(80, 24))


def run(model: Model, *events) -> tuple[Model, list]:
    """Feed events in order; the model after the last, and every effect on the way."""
    effects: list = []
    for event in events:
        model, out = step(model, event)
        effects += out
    return model, effects


def keys(*names: str) -> list[KeyPressed]:
    return [KeyPressed(k) for k in names]


def checked(model: Model, result: Result, on_disk: str | None = None) -> tuple[Model, list]:
    return run(model, Checked(result.exercise, result, on_disk or result.source_sha256))


# ------------------------------------------------------------------ checks and saves


def test_start_checks_the_current_exercise_unless_manual():
    model, effects = start("b")
    assert effects == (SetCurrent("b"), RunCheck("b"))
    assert isinstance(model.checking, CheckingOne) and model.current == "b"
    manual, effects = start("b", manual=True)
    assert effects == (SetCurrent("b"),) and manual.checking is None


def test_a_save_checks_and_the_same_content_saved_again_does_not():
    model, _ = start()
    model, _ = run(model, CheckStarted("a", digest(1)))
    model, effects = run(model, Saved("a", digest(1), False, False))
    assert effects == []  # the check running is for this very content
    model, effects = run(model, Saved("a", digest(2), False, False))
    assert effects == [RunCheck("a")] and model.checking == CheckingOne(digest(2))
    model, _ = checked(model, verdict("a", content=2))
    assert model.checking is None and model.result.source_sha256 == digest(2)
    assert run(model, Saved("a", digest(2), False, False))[1] == []


def test_a_stale_verdict_is_checked_again_and_never_shown_nor_recorded():
    model, _ = start()
    model, effects = checked(model, passed("a", content=1), on_disk=digest(2))
    assert effects == [RunCheck("a")]
    assert model.result is None and isinstance(model.checking, CheckingOne)


def test_a_verdict_for_an_exercise_left_behind_is_ignored():
    model, _ = start()
    model, _ = run(model, KeyPressed("n"))
    after, effects = checked(model, passed("a"))
    assert after == model and effects == []


def test_checking_is_said_only_once_a_check_is_slow():
    model, _ = start()
    assert model.checking == CheckingOne(None, slow=False)
    model, _ = run(model, CheckingSlow())
    assert model.checking.slow
    model, _ = checked(model, verdict("a"))
    assert run(model, CheckingSlow())[0] == model  # nothing running: nothing to say


def test_a_failure_is_recorded_and_stays():
    model, _ = start()
    model, effects = checked(model, verdict("a"))
    assert effects == [Record("a", model.result)]
    assert model.current == "a" and model.banner is None


# ------------------------------------------------------------------ passing, moving on, reviewing


def test_a_first_pass_moves_on_to_the_next_unfinished_exercise():
    model, _ = start("a", done=frozenset({"b"}))
    result = passed("a")
    model, effects = checked(model, result)
    assert effects[:2] == [Record("a", result), RevealSolution("a")]
    assert SetCurrent("c") in effects and RunCheck("c") in effects
    assert model.current == "c" and model.banner == Banner("a", "c") and model.done == {"a", "b"}
    assert not model.reviewing


def test_passing_the_last_unfinished_exercise_says_all_done_and_stays():
    model, _ = start("d", done=frozenset({"a", "b", "c"}))
    model, effects = checked(model, passed("d"))
    assert model.current == "d" and model.banner == Banner("d", all_done=True)
    assert not any(isinstance(e, SetCurrent) for e in effects)


def test_n_p_and_the_list_go_to_a_passed_exercise_and_stay_there():
    model, _ = start("b", done=frozenset({"a"}))
    earlier = passed("a", content=7)
    model = replace(model, verdicts={"a": earlier})
    model, effects = run(model, KeyPressed("p"))
    assert model.current == "a" and model.reviewing
    assert model.result is earlier  # the last verdict shows while it is checked again
    assert effects == [SetCurrent("a"), RunCheck("a")]
    model, effects = checked(model, passed("a", content=7))
    assert model.current == "a" and model.banner == Banner("a")
    assert not any(isinstance(e, SetCurrent) for e in effects)
    # A save while reviewing: a failure shows, and the fix that follows still does not move on.
    model, _ = run(model, Saved("a", digest(8), True, False))
    model, _ = checked(model, verdict("a", content=8))
    assert model.current == "a" and "a" not in model.done
    model, _ = run(model, Saved("a", digest(9), False, False))
    model, _ = checked(model, passed("a", content=9))
    assert model.current == "a" and "a" in model.done


def test_an_exercise_that_had_not_passed_moves_on_when_it_passes():
    model, _ = start("a", done=frozenset({"c", "d"}))
    model, _ = run(model, KeyPressed("n"))
    assert model.current == "b" and not model.reviewing
    model, _ = checked(model, passed("b"))
    assert model.current == "a" and model.banner == Banner("b", "a")  # wraps around to the first unfinished


def test_saving_another_exercise_makes_it_current_and_checks_it():
    model, _ = start("a")
    model, effects = run(model, Saved("c", digest(3), recorded=True, done=False))
    assert model.current == "c" and effects == [SetCurrent("c"), RunCheck("c")]
    assert model.reviewing  # its pass was recorded: a pass now does not move on
    model, _ = checked(model, passed("c", content=3))
    assert model.current == "c"


def test_manual_mode_checks_only_on_r_and_still_moves_on_without_checking():
    model, _ = start("a", manual=True)
    model, effects = run(model, Saved("a", digest(2), False, False))
    assert effects == []
    model, effects = run(model, KeyPressed("r"))
    assert effects == [RunCheck("a")]
    model, effects = checked(model, passed("a", content=2))
    assert model.current == "b" and RunCheck("b") not in effects


# ------------------------------------------------------------------ keys


def test_j_and_k_page_through_the_failing_checks_within_bounds():
    model, _ = start()
    model, _ = checked(model, verdict("a", failing=3))
    model, _ = run(model, *keys("k"))
    assert model.selected == 0
    model, _ = run(model, *keys("j", "down", "j", "j"))
    assert model.selected == 2
    model, _ = run(model, *keys("up"))
    assert model.selected == 1
    model, _ = run(model, Saved("a", digest(5), False, False))
    model, _ = checked(model, verdict("a", content=5, failing=3))
    assert model.selected == 0  # a new verdict starts from its first failing check


def test_o_shows_the_full_output_which_scrolls_within_its_length():
    model, _ = start()
    failing = verdict("a", failing=2)
    failing.output = "\n".join(f"line {i}" for i in range(100))
    model, _ = checked(model, failing)
    model, _ = run(model, KeyPressed("o"))
    assert model.view == Detail(0)
    model, _ = run(model, *keys("end"))
    last = model.view.scroll
    assert last > 90
    model, _ = run(model, *keys("j", "pagedown"))
    assert model.view.scroll == last
    model, _ = run(model, *keys("home", "j", " "))
    assert model.view.scroll == 1 + (24 - 8)
    model, _ = run(model, KeyPressed("escape"))
    assert model.view == Verdict()


def test_next_and_previous_stop_at_the_ends_and_say_so():
    model, _ = start("a")
    model, effects = run(model, KeyPressed("p"))
    assert model.current == "a" and effects == [] and "first" in model.flash
    model, _ = run(model, KeyPressed("x"))
    assert model.flash == ""


def test_h_takes_the_next_hint_and_moving_away_hides_it():
    model, _ = start()
    model, effects = run(model, KeyPressed("h"))
    assert effects == [TakeHint("a")]
    model, _ = run(model, HintTaken("a", 1))
    assert model.hint == 1
    model, _ = run(model, KeyPressed("n"))
    assert model.hint is None
    assert run(model, HintTaken("a", 2))[0].hint is None  # an answer for an exercise left behind


def test_q_quits_and_so_does_sigterm():
    model, _ = start()
    assert run(model, KeyPressed("q"))[1] == [Exit()]
    assert run(model, KeyPressed("Q"))[1] == [Exit()]
    assert run(model, Stop())[1] == [Exit()]


# ------------------------------------------------------------------ the list


def test_the_list_opens_on_the_current_exercise_and_goes_where_enter_says():
    model, _ = start("c")
    model, _ = run(model, KeyPressed("l"))
    assert model.view == Picker(2)
    model, _ = run(model, *keys("up", "up", "up"))
    assert model.view == Picker(0)
    model, effects = run(model, KeyPressed("enter"))
    assert model.current == "a" and model.view == Verdict() and effects == [SetCurrent("a"), RunCheck("a")]


def test_the_list_takes_a_number_and_says_when_there_is_no_such_exercise():
    model, _ = start("a")
    model, _ = run(model, *keys("l", "9", "9", "enter"))
    assert model.current == "a" and isinstance(model.view, Picker)
    assert model.view.error == "There is no exercise 99: type a number from 1 to 4." and model.view.typed == ""
    model, _ = run(model, *keys("0", "backspace", "4", "enter"))
    assert model.current == "d" and model.view == Verdict()
    model, _ = run(model, *keys("l", "escape"))
    assert model.view == Verdict() and model.current == "d"


def test_the_list_pages_by_the_terminal_height():
    names = tuple(f"e{i}" for i in range(60))
    model, _ = initial(names, "e0", frozenset(), False, Size(80, 24))
    model, _ = run(model, *keys("l", "pagedown"))
    assert model.view == Picker(24 - 8)
    model, _ = run(model, *keys("end"))
    assert model.view == Picker(59)
    model, _ = run(model, Resized(80, 40), KeyPressed("pageup"))
    assert model.view == Picker(59 - (40 - 8))


# ------------------------------------------------------------------ check all


def test_check_all_shows_its_grid_until_a_key_or_a_save():
    model, _ = start("a")
    model, _ = checked(model, verdict("a"))
    model, effects = run(model, KeyPressed("c"))
    assert effects == [RunCheckAll()] and model.checking == CheckingAll(0, 4)
    model, _ = run(model, CheckAllProgress(2, 4))
    assert model.checking == CheckingAll(2, 4)
    results = (passed("a", 2), verdict("b"), passed("c"), verdict("d"))
    model, effects = run(model, CheckedAll(results, (True, True, False, True)))
    assert model.view == Grid(results) and model.checking is None
    assert effects == [RecordAll((results[0], results[1], results[3]))]  # c changed since: not recorded
    assert model.done == {"a"} and model.result is results[0]
    # Any key brings the normal screen back; a key with a meaning also does what it means.
    assert run(model, KeyPressed("x"))[0].view == Verdict()
    after, effects = run(model, KeyPressed("n"))
    assert after.view == Verdict() and after.current == "b"
    # So does a save, which is checked.
    after, effects = run(model, Saved("a", digest(9), False, False))
    assert after.view == Verdict() and effects == [RunCheck("a")]


def test_a_single_verdict_during_check_all_is_ignored():
    model, _ = start("a")
    model, _ = run(model, KeyPressed("c"))
    after, effects = checked(model, verdict("a"))
    assert after == model and effects == []


# ------------------------------------------------------------------ the reference


def test_d_shows_the_reference_only_after_a_pass():
    model, _ = start("a")
    model, effects = run(model, KeyPressed("d"))
    assert effects == [] and "once you pass" in model.flash
    model, _ = checked(model, passed("a"))
    assert model.current == "b" and model.banner == Banner("a", "b")
    model, effects = run(model, KeyPressed("d"))
    assert effects == [LoadDiff("a")]  # the exercise just passed, though the next one is current
    model, _ = run(model, DiffLoaded("a", ("--- yours", "+++ reference", "@@ -1 +1 @@", "-x", "+y")))
    assert model.view == Diff("a", ("--- yours", "+++ reference", "@@ -1 +1 @@", "-x", "+y"))
    model, _ = run(model, *keys("j", "j", "end"))
    assert model.view.scroll == 4
    assert run(model, KeyPressed("d"))[0].view == Verdict()


# ------------------------------------------------------------------ the rest


def test_notes_resizes_and_check_failures():
    model, _ = start()
    model, _ = run(model, Noted("Polling for changes (--poll)."), Resized(60, 20))
    assert model.notes == ("Polling for changes (--poll).",) and model.size == Size(60, 20)
    model, _ = run(model, CheckFailed("rlcheck could not run the check: boom"))
    assert model.checking is None and model.notes[-1].endswith("boom")


def test_an_event_without_a_transition_fails_loudly():
    model, _ = start()
    with pytest.raises(TypeError, match="no transition"):
        step(model, FileChanged(__file__))  # the loop's own event: it never reaches the machine
    with pytest.raises(TypeError, match="no transition"):
        step(model, "n")  # type: ignore[arg-type]


def test_the_welcome_stays_until_the_first_save():
    from dataclasses import replace as _replace

    from checker.watch.events import Saved
    from checker.watch.machine import Model, Size, step

    model = _replace(Model(names=("a", "b"), current="a", size=Size(80, 24)), welcome="Welcome!")
    after, _ = step(model, Saved("a", "d1", recorded=False, done=False))
    assert model.welcome == "Welcome!" and after.welcome == ""
