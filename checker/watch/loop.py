"""The loop: the one reader of events, the one writer of progress and of the screen.

It turns bursts of file events into saves, feeds every event to the state machine, performs
the effects that come back (checks, progress, hints, the diff) and draws the screen when it
changed. Helpers on other threads only post events, so nothing is drawn or recorded from two
threads at once.
"""

from __future__ import annotations

import os
import queue
import signal
import time
from contextlib import ExitStack, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from checker import ui
from checker.app import App
from checker.catalog import Exercise
from checker.runner import CheckOptions, Runner
from checker.state import file_hash
from checker.stubs import reference_solution
from checker.watch.checks import CheckAll, CheckOne, CheckThread
from checker.watch.events import (
    DiffLoaded, Event, FileChanged, HintTaken, KeyReader, Noted, Resized, Saved, CheckingSlow, CheckStarted,
    Stop, start_observer, stop_observer,
)
from checker.watch.machine import (
    Effect, Exit, LoadDiff, Model, Record, RecordAll, RevealSolution, RunCheck, RunCheckAll, SetCurrent, Size,
    TakeHint, initial, step,
)
from checker.watch.screen import Context, render

# Short on purpose: a stale check is cancelled and a stale verdict discarded anyway, so the
# debounce only saves work on bursts; it is not what keeps the screen right.
DEBOUNCE_SECONDS = 0.005
# Most checks finish sooner than this; drawing "checking" for them would only cost time.
SHOW_CHECKING_AFTER = 0.15
URGENT = (RunCheck, RunCheckAll)  # effects performed before the screen is drawn


class Loop:
    def __init__(self, app: App, console: Console, manual: bool, keys: bool) -> None:
        self.app = app
        self.console = console
        self.keys = keys
        self.events: queue.Queue[Event] = queue.Queue()
        self.due: dict[Path, float] = {}
        self.slow_at: float | None = None
        self.checker: CheckThread | None = None
        self.last_frame: list[Text] | None = None
        self.exiting = False
        course = app.course
        self.paths = {e.name: app.file(e) for e in course.exercises}
        self.references = frozenset(e.name for e in course.exercises if reference_solution(course, e) is not None)
        names = tuple(e.name for e in course.exercises)
        self.model, self._first = initial(names, app.current().name, app.done_names(), manual, self.size())
        if course.policy.welcome and not app.done_names():
            self.model = replace(self.model, welcome=course.policy.welcome)

    # -- plumbing

    def post(self, event: Event) -> None:
        self.events.put(event)

    def size(self) -> Size:
        return Size(*terminal_size(self.console))

    def exercise(self, name: str) -> Exercise:
        return self.app.course.by_name[name]

    def run(self, checker: CheckThread) -> int:
        self.checker = checker
        self.apply(self.model, self._first)
        while not self.exiting:
            event = self._next_event()
            if event is not None:
                self.dispatch(event)
            self._flush_timers()
        return 0

    def _next_event(self) -> Event | None:
        deadlines = [*self.due.values(), *([self.slow_at] if self.slow_at is not None else [])]
        timeout = max(min(deadlines) - time.monotonic(), 0) if deadlines else None
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            return None

    def _flush_timers(self) -> None:
        now = time.monotonic()
        if self.slow_at is not None and self.slow_at <= now:
            self.slow_at = None
            self.feed(CheckingSlow())
        for path, when in list(self.due.items()):
            if when <= now:
                del self.due[path]
                self.saved(path)

    # -- events in

    def dispatch(self, event: Event) -> None:
        match event:
            case FileChanged(path=path):
                self.due[path] = time.monotonic() + DEBOUNCE_SECONDS  # a burst becomes one save
            case _:
                self.feed(event)

    def saved(self, path: Path) -> None:
        exercise = self.exercise_for(path)
        if exercise is None:
            return
        self.app.refresh()  # what other commands recorded meanwhile
        digest = file_hash(self.app.file(exercise))
        recorded = self.app.progress.passed.get(exercise.name)
        self.feed(Saved(exercise.name, digest, recorded is not None, digest is not None and recorded == digest))

    def exercise_for(self, path: Path) -> Exercise | None:
        try:
            # The folder resolved, not the file: a file replaced by a symlink is still that exercise.
            where = path.parent.resolve() / path.name
            relative = where.relative_to(self.app.workspace.exercises_dir.resolve()).as_posix()
        except (ValueError, OSError):
            return None
        return next((e for e in self.app.course.exercises if e.path == relative), None)

    def feed(self, event: Event) -> None:
        model, effects = step(self.model, event)
        self.apply(model, effects)

    def apply(self, model: Model, effects: tuple[Effect, ...]) -> None:
        """Start checks first, then draw, then the slower bookkeeping; answers are fed back in."""
        previous, self.model = self.model, model
        urgent = [isinstance(e, URGENT) for e in effects]
        answers = [answer for effect, now in zip(effects, urgent) if now for answer in self.perform(effect)]
        self.draw(force=model.result is not previous.result)
        answers += [answer for effect, now in zip(effects, urgent) if not now for answer in self.perform(effect)]
        for answer in answers:
            self.feed(answer)

    # -- effects out

    def perform(self, effect: Effect) -> list[Event]:
        assert self.checker is not None
        match effect:
            case RunCheck(exercise=name):
                file = self.app.file(self.exercise(name))
                digest = file_hash(file)
                self.checker.submit(CheckOne(self.exercise(name), file))
                self.slow_at = time.monotonic() + SHOW_CHECKING_AFTER
                return [CheckStarted(name, digest)]
            case RunCheckAll():
                self.checker.submit(CheckAll(tuple((e, self.app.file(e)) for e in self.app.course.exercises)))
                return []
            case Record(exercise=name, result=result):
                self.app.record(result, self.exercise(name))
            case RecordAll(results=results):
                self.app.record_many([(self.exercise(r.exercise), r) for r in results])
            case SetCurrent(exercise=name):
                self.app.set_current(self.exercise(name))
            case TakeHint(exercise=name):
                return [HintTaken(name, self.app.next_hint(self.exercise(name)))]
            case RevealSolution(exercise=name):
                self.app.reveal_solution(self.exercise(name))
            case LoadDiff(exercise=name):
                lines = self.app.solution_diff(self.exercise(name))
                if lines is None:
                    return [Noted("The reference solutions are not installed with this package.")]
                return [DiffLoaded(name, tuple(lines))]
            case Exit():
                self.exiting = True
            case _:
                raise TypeError(f"watch mode cannot perform {effect!r}")
        return []

    # -- the screen

    def context(self) -> Context:
        return Context(self.app.course, self.paths, self.references, tuple(self.app.store.warnings), self.keys)

    def draw(self, force: bool = False) -> None:
        # The console measures and crops at the terminal's real size, whatever LINES/COLUMNS say.
        self.console.size = (self.model.size.columns, self.model.size.rows)
        rows = render(self.model, self.context(), self.console)
        if rows == self.last_frame and not force:
            return
        self.last_frame = rows
        self.console.clear()
        self.console.print(Text("\n").join(rows), crop=True, no_wrap=True, overflow="crop")


def terminal_size(console: Console) -> tuple[int, int]:
    """The terminal's real size. LINES and COLUMNS in the environment (exported by some shells and
    tools, and by pytest-xdist) would pin rich to a size the terminal stopped having on resize."""
    if console.is_terminal:
        try:
            size = os.get_terminal_size(console.file.fileno())
            return size.columns, size.lines
        except (OSError, ValueError, AttributeError):
            pass
    return console.size


def run_watch(app: App, options: CheckOptions, poll: bool = False, manual: bool = False) -> int:
    console = ui.make_console()
    keys = KeyReader(lambda e: loop.post(e))
    loop = Loop(app, console, manual=manual, keys=keys.enabled)
    # A fallback (no warm checker, no confinement) is said on screen, once, with why.
    runner = Runner(app.course, options, warm=True, on_notice=lambda text: loop.post(Noted(text)))
    observer, note = start_observer(app.workspace.exercises_dir, loop.post, poll)
    if note:
        loop.post(Noted(note))
    checker = CheckThread(runner, loop.post)
    previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, lambda *_: loop.post(Stop())),
                # Ctrl-C quits even when watch was started with SIGINT ignored (from a script run
                # with `&`, say), as Python then leaves it ignored.
                signal.SIGINT: signal.signal(signal.SIGINT, signal.default_int_handler)}
    if hasattr(signal, "SIGHUP"):  # the terminal closed: stop, and stop the checker's processes
        previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, lambda *_: loop.post(Stop()))
    if hasattr(signal, "SIGWINCH"):
        previous[signal.SIGWINCH] = signal.signal(signal.SIGWINCH, lambda *_: loop.post(Resized(*terminal_size(console))))
    try:
        with ExitStack() as cleanup:
            # Undone last to first, each step even when one before it fails (a terminal that hung
            # up fails whatever touches it): the checker's processes and folders always go.
            cleanup.callback(_restore_signals, previous)
            cleanup.callback(_say_goodbye, console, app)
            cleanup.callback(stop_observer, observer)
            cleanup.callback(runner.close)
            cleanup.callback(checker.close)
            cleanup.callback(keys.stop)
            keys.start()
            runner.start()
            checker.start()
            return loop.run(checker)
    except KeyboardInterrupt:
        return 0


def _restore_signals(previous: dict[signal.Signals, Any]) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)


def _say_goodbye(console: Console, app: App) -> None:
    done, total = len(app.done_names()), len(app.course.exercises)
    with suppress(OSError):  # nobody is left to read it when the terminal has closed
        console.print(Text(f"rlcheck: {done}/{total} done. See you next time.", style="bold"))
