"""Watch mode's state and its transitions: ``step(model, event) -> (model, effects)``.

Pure: no files, no terminal, no threads. Facts from the outside world arrive inside events
(a save carries the file's hash and whether its pass is recorded; a verdict carries the hash
of the file when it arrived), and everything watch mode wants done leaves as effects that the
loop performs. So every rule below can be tested by feeding events and reading the model.

The rules:
- The verdict on screen belongs to the file as it is now: a save starts a new check (which
  cancels the running one), and a verdict for bytes the file no longer holds is re-checked.
- A pass moves on to the next unfinished exercise, unless the learner is reviewing: the
  exercise had already passed when they came to it. ``n``, ``p`` and the list go to any
  exercise and stay there.
- Saving another exercise's file makes it current and checks it.
- ``v`` shows the picture of the failing check on screen, full size, a frame at a time where
  it has frames; one that shows the answer (an answer exercise's) asks first.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum, auto

from checker.pictures import focus_frame, frame_count
from checker.result import TestResult
from checker.verdict_view import detail_lines, failing_tests, picture_withheld, selected_test
from checker.watch.model import (  # noqa: F401  (the model's names are the machine's vocabulary too)
    MAX_NOTES, Banner, CheckingAll, CheckingOne, Detail, Diff, Effect, Exit, Grid, LoadDiff, Model, Picker,
    Picture, Record, RecordAll, RevealSolution, RunCheck, RunCheckAll, SetCurrent, Size, Step, TakeHint, Verdict,
)
from checker.watch.events import (
    CheckAllProgress, Checked, CheckedAll, CheckFailed, CheckingSlow, CheckStarted, DiffLoaded, Event,
    HintTaken, KeyPressed, Noted, Resized, Saved, Stop,
)

# ------------------------------------------------------------------ keys


class Action(Enum):
    NEXT = auto()
    PREVIOUS = auto()
    HINT = auto()
    LIST = auto()
    RERUN = auto()
    CHECK_ALL = auto()
    QUIT = auto()
    DOWN = auto()
    UP = auto()
    PAGE_DOWN = auto()
    PAGE_UP = auto()
    HOME = auto()
    END = auto()
    DETAIL = auto()
    DIFF = auto()
    PICTURE = auto()
    BACK = auto()
    ENTER = auto()
    ERASE = auto()


VERDICT_KEYS = {
    "n": Action.NEXT, "p": Action.PREVIOUS, "h": Action.HINT, "l": Action.LIST, "r": Action.RERUN,
    "c": Action.CHECK_ALL, "q": Action.QUIT, "j": Action.DOWN, "down": Action.DOWN, "k": Action.UP,
    "up": Action.UP, "o": Action.DETAIL, "d": Action.DIFF, "v": Action.PICTURE, "escape": Action.BACK,
}
MOVE_KEYS = {
    "j": Action.DOWN, "down": Action.DOWN, "k": Action.UP, "up": Action.UP, " ": Action.PAGE_DOWN,
    "pagedown": Action.PAGE_DOWN, "b": Action.PAGE_UP, "pageup": Action.PAGE_UP, "home": Action.HOME,
    "end": Action.END, "g": Action.HOME, "escape": Action.BACK, "q": Action.BACK,
}
SCROLL_KEYS = {**MOVE_KEYS, "o": Action.BACK, "d": Action.BACK}
PICKER_KEYS = {**MOVE_KEYS, "l": Action.BACK, "enter": Action.ENTER, "backspace": Action.ERASE}
FRAME_KEYS = {  # in the picture: the frames, one at a time
    "right": Action.DOWN, " ": Action.DOWN, "pagedown": Action.DOWN, "left": Action.UP, "b": Action.UP,
    "pageup": Action.UP, "home": Action.HOME, "end": Action.END, "escape": Action.BACK, "v": Action.BACK,
}
CHROME_ROWS = 8  # rows of a screen that are not the list or the scrolled text


def page_rows(model: Model) -> int:
    return max(1, model.size.rows - CHROME_ROWS)


def normal(key: str) -> str:
    return key.lower() if len(key) == 1 else key


# ------------------------------------------------------------------ the transitions


def step(model: Model, event: Event) -> Step:
    """The next model and what to do, for one event. Unknown events are a bug: they raise."""
    match event:
        case Saved():
            return on_saved(model, event)
        case KeyPressed(key=key):
            return on_key(replace(model, flash=""), key)
        case Resized(columns=columns, rows=rows):
            return replace(model, size=Size(columns, rows)), ()
        case CheckStarted(exercise=exercise, digest=digest):
            if exercise == model.current and isinstance(model.checking, CheckingOne):
                return replace(model, checking=replace(model.checking, digest=digest)), ()
            return model, ()
        case CheckingSlow():
            if isinstance(model.checking, CheckingOne) and not model.checking.slow:
                return replace(model, checking=replace(model.checking, slow=True)), ()
            return model, ()
        case Checked():
            return on_checked(model, event)
        case CheckAllProgress(done=done, total=total):
            if isinstance(model.checking, CheckingAll):
                return replace(model, checking=CheckingAll(done, total)), ()
            return model, ()
        case CheckedAll():
            return on_checked_all(model, event)
        case CheckFailed(reason=reason):
            return replace(model, checking=None, notes=(*model.notes, reason)[-MAX_NOTES:]), ()
        case HintTaken(exercise=exercise, index=index):
            return (replace(model, hint=index) if exercise == model.current else model), ()
        case DiffLoaded(exercise=exercise, lines=lines):
            return replace(model, view=Diff(exercise, lines)), ()
        case Noted(text=text):
            return replace(model, notes=(*model.notes, text)[-MAX_NOTES:]), ()
        case Stop():
            return model, (Exit(),)
        case _:
            raise TypeError(f"watch mode has no transition for {event!r}")


def start_check(model: Model, digest: str | None = None) -> Step:
    return replace(model, checking=CheckingOne(digest)), (RunCheck(model.current),)


def arrive(model: Model, name: str, reviewing: bool, check: bool = True, banner: Banner | None = None) -> Step:
    """Make ``name`` current. A passed exercise shows its last verdict while it is re-checked."""
    model = replace(model, current=name, view=Verdict(), checking=None, selected=0, hint=None,
                    banner=banner, reviewing=reviewing, result=model.verdicts.get(name) if reviewing else None)
    effects: tuple[Effect, ...] = (SetCurrent(name),)
    if check and not model.manual:
        model, run = start_check(model)
        effects += run
    return model, effects


def go_to(model: Model, name: str) -> Step:
    """Where ``n``, ``p`` and the list go: anywhere, and watch stays there."""
    return arrive(model, name, reviewing=name in model.done)


def on_saved(model: Model, event: Saved) -> Step:
    model = replace(model, welcome="")  # the learner has started: the welcome has done its job
    done = model.done | {event.exercise} if event.done else model.done - {event.exercise}
    if model.manual:
        return replace(model, done=done), ()
    if event.exercise != model.current:
        # Saving another exercise's file checks that one; it had passed if its pass is recorded.
        return arrive(replace(model, done=done), event.exercise, reviewing=event.recorded)
    if event.digest is not None and event.digest == model.latest_digest:
        return replace(model, done=done), ()  # one save raises several events: the content decides
    view = Verdict() if isinstance(model.view, (Grid, Detail, Picture)) else model.view
    return start_check(replace(model, done=done, view=view), event.digest)


def next_pending(model: Model, done: frozenset[str], after: str) -> str | None:
    """The first exercise after ``after`` (wrapping around) that is not done."""
    start = model.names.index(after) + 1
    for name in model.names[start:] + model.names[:start]:
        if name not in done:
            return name
    return None


def on_checked(model: Model, event: Checked) -> Step:
    name, result = event.exercise, event.result
    if name != model.current or isinstance(model.checking, CheckingAll):
        return model, ()  # a verdict for an exercise the learner has left
    if result.source_sha256 is not None and result.source_sha256 != event.on_disk:
        return start_check(model)  # the file changed under the check: this verdict is stale
    view = Verdict() if isinstance(model.view, (Detail, Picture)) else model.view
    model = replace(model, checking=None, result=result, selected=0, view=view,
                    verdicts={**model.verdicts, name: result})
    if not result.passed:
        return replace(model, done=model.done - {name}), (Record(name, result),)
    done = model.done | {name}
    effects: tuple[Effect, ...] = (Record(name, result), RevealSolution(name))
    model = replace(model, done=done)
    if model.reviewing:
        return replace(model, banner=Banner(name)), effects
    following = next_pending(model, done, name)
    if following is None:
        return replace(model, banner=Banner(name, all_done=True), reviewing=True), effects
    model, moved = arrive(model, following, reviewing=False, banner=Banner(name, following))
    return model, effects + moved


def on_checked_all(model: Model, event: CheckedAll) -> Step:
    done = set(model.done)
    verdicts = dict(model.verdicts)
    fresh = tuple(r for r, ok in zip(event.results, event.fresh) if ok)
    for result in fresh:
        verdicts[result.exercise] = result
        (done.add if result.passed else done.discard)(result.exercise)
    current = next((r for r in fresh if r.exercise == model.current), model.result)
    model = replace(model, checking=None, view=Grid(event.results), done=frozenset(done), verdicts=verdicts,
                    result=current, selected=0)
    return model, (RecordAll(fresh),) if fresh else ()


# ------------------------------------------------------------------ keys, per view


def on_key(model: Model, key: str) -> Step:
    key = normal(key)
    match model.view:
        case Verdict():
            return on_verdict_key(model, VERDICT_KEYS.get(key))
        case Picker() as picker:
            return on_picker_key(model, picker, key)
        case Grid():
            # Any key puts the normal screen back; a key that means something also does it.
            back = replace(model, view=Verdict())
            action = VERDICT_KEYS.get(key)
            return on_verdict_key(back, action) if action not in (None, Action.BACK) else (back, ())
        case Detail() | Diff():
            return on_scroll_key(model, SCROLL_KEYS.get(key))
        case Picture() as picture:
            return on_picture_key(model, picture, key)
        case _:
            raise TypeError(f"watch mode has no view {model.view!r}")


def on_verdict_key(model: Model, action: Action | None) -> Step:
    match action:
        case Action.QUIT:
            return model, (Exit(),)
        case Action.NEXT | Action.PREVIOUS:
            index = model.index + (1 if action is Action.NEXT else -1)
            if not 0 <= index < len(model.names):
                return replace(model, flash=f"This is the {'last' if index > 0 else 'first'} exercise."), ()
            return go_to(model, model.names[index])
        case Action.HINT:
            return model, (TakeHint(model.current),)
        case Action.LIST:
            return replace(model, view=Picker(model.index)), ()
        case Action.RERUN:
            return start_check(replace(model, banner=None))
        case Action.CHECK_ALL:
            return replace(model, checking=CheckingAll(0, len(model.names))), (RunCheckAll(),)
        case Action.DOWN | Action.UP:
            count = len(failing_tests(model.result)) if model.result else 0
            selected = model.selected + (1 if action is Action.DOWN else -1)
            return (replace(model, selected=selected) if 0 <= selected < count else model), ()
        case Action.DETAIL:
            return (replace(model, view=Detail()) if model.result is not None else model), ()
        case Action.DIFF:
            return on_diff_key(model)
        case Action.PICTURE:
            return on_picture_request(model)
        case Action.BACK:
            return replace(model, hint=None, banner=None), ()
        case _:  # no key, or one that means nothing on this screen
            return model, ()


def on_diff_key(model: Model) -> Step:
    """The reference beside the learner's file: for the exercise just passed, or the current one."""
    if model.banner is not None:
        return model, (LoadDiff(model.banner.passed),)
    if model.current in model.done:
        return model, (LoadDiff(model.current),)
    return replace(model, flash="The reference is shown once you pass this exercise."), ()


def pictured_test(model: Model) -> TestResult | None:
    """The failing check on screen, when it carries a picture."""
    test = selected_test(model.result, model.selected) if model.result is not None else None
    return test if test is not None and test.picture is not None else None


def frames(spec: dict) -> tuple[int, int]:
    """How many frames a picture has, and the one it is about (1 and 0 for an unreadable spec)."""
    try:
        return frame_count(spec), focus_frame(spec)
    except Exception:  # noqa: BLE001 - the screen says it cannot draw it; the keys must not fail
        return 1, 0


def on_picture_request(model: Model) -> Step:
    if pictured_test(model) is not None:
        return replace(model, view=Picture()), ()
    if model.result is not None and model.result.passed:
        flash = f"Pictures come with a failing check; `rlcheck show {model.current}` draws the reference's."
    elif model.banner is not None and model.result is None:
        flash = f"{model.banner.passed} passes: `rlcheck show {model.banner.passed}` draws the reference's picture."
    elif model.result is not None and failing_tests(model.result):
        flash = "This check has no picture."
    else:
        flash = "There is no picture to show: no check has failed."
    return replace(model, flash=flash), ()


def on_picture_key(model: Model, picture: Picture, key: str) -> Step:
    """Frames, one at a time, with the arrow keys; Esc or v back; any other key back, and a key
    that means something on the verdict screen also does it (as on check-all's grid)."""
    test = pictured_test(model)
    asking = test is not None and picture_withheld(test.picture) and not picture.revealed
    if asking and key == "v":
        return replace(model, view=Picture(revealed=True)), ()
    action = None if asking or test is None else FRAME_KEYS.get(key)
    match action:
        case Action.DOWN | Action.UP | Action.HOME | Action.END:
            assert test is not None and test.picture is not None
            count, focus = frames(test.picture)
            if count <= 1:
                return model, ()
            start = focus if picture.frame is None else picture.frame
            # From the whole picture, the first step lands beside the frame it is about.
            frame = {Action.DOWN: start + 1, Action.UP: start - 1, Action.HOME: 0, Action.END: count - 1}[action]
            return replace(model, view=replace(picture, frame=max(0, min(count - 1, frame)))), ()
        case Action.BACK:
            return replace(model, view=Verdict()), ()
    back = replace(model, view=Verdict())
    meaning = VERDICT_KEYS.get(key)
    return on_verdict_key(back, meaning) if meaning not in (None, Action.BACK, Action.PICTURE) else (back, ())


def scroll_limit(model: Model) -> int:
    match model.view:
        case Detail():
            return len(detail_lines(model.result, model.selected)) - 1 if model.result else 0
        case Diff(lines=lines):
            return max(0, len(lines) - 1)
        case _:
            return 0


def moved(position: int, action: Action, page: int, last: int) -> int:
    """A cursor or scroll position after a movement key, kept within 0..last."""
    delta = {Action.DOWN: 1, Action.UP: -1, Action.PAGE_DOWN: page, Action.PAGE_UP: -page,
             Action.HOME: -position, Action.END: last - position}[action]
    return max(0, min(last, position + delta))


def on_scroll_key(model: Model, action: Action | None) -> Step:
    match action:
        case Action.BACK:
            return replace(model, view=Verdict()), ()
        case Action.DOWN | Action.UP | Action.PAGE_DOWN | Action.PAGE_UP | Action.HOME | Action.END:
            view = model.view
            assert isinstance(view, (Detail, Diff))
            scroll = moved(view.scroll, action, page_rows(model), scroll_limit(model))
            return replace(model, view=replace(view, scroll=scroll)), ()
        case _:
            return model, ()


def on_picker_key(model: Model, picker: Picker, key: str) -> Step:
    if key.isdigit() and len(key) == 1:
        return replace(model, view=replace(picker, typed=(picker.typed + key)[-4:], error="")), ()
    action = PICKER_KEYS.get(key)
    last = len(model.names) - 1
    match action:
        case Action.BACK:
            return replace(model, view=Verdict()), ()
        case Action.ERASE:
            return replace(model, view=replace(picker, typed=picker.typed[:-1], error="")), ()
        case Action.ENTER if picker.typed:
            number = int(picker.typed)
            if not 1 <= number <= len(model.names):
                error = f"There is no exercise {number}: type a number from 1 to {len(model.names)}."
                return replace(model, view=replace(picker, typed="", error=error)), ()
            return go_to(model, model.names[number - 1])
        case Action.ENTER:
            return go_to(model, model.names[picker.selected])
        case Action.DOWN | Action.UP | Action.PAGE_DOWN | Action.PAGE_UP | Action.HOME | Action.END:
            selected = moved(picker.selected, action, page_rows(model), last)
            return replace(model, view=Picker(selected)), ()
        case _:
            return model, ()


def initial(names: tuple[str, ...], current: str, done: frozenset[str], manual: bool, size: Size) -> Step:
    """The model at start, and the first check (unless checks are manual)."""
    model = Model(names=names, current=current, done=done, manual=manual, size=size)
    return arrive(model, current, reviewing=current in done)
