"""Watch mode: file events and keys in, checks run, one screen out.

Three helpers feed one queue that only the main loop reads: the watchdog observer (saves),
the key reader (single keystrokes), and the check thread (verdicts). The main loop owns the
screen and the progress, so nothing is drawn or recorded from two threads at once. The
verdict shown always belongs to the file as it is now: a save during a check cancels it, and
a verdict whose checked bytes differ from the file on disk is thrown away and re-checked.
"""

from __future__ import annotations

import os
import queue
import select
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from rich.console import Group, RenderableType
from rich.text import Text

from checker import ui
from checker.app import App
from checker.catalog import Exercise
from checker.result import Result, Status
from checker.runner import Cancelled, CheckOptions, Runner
from checker.state import file_hash
from checker.stubs import reference_solution

# Short on purpose: a stale check is cancelled and a stale verdict discarded anyway, so the
# debounce only saves work on bursts; it is not what keeps the screen right.
DEBOUNCE_SECONDS = 0.005
# Most checks finish sooner than this; drawing "checking" for them would only cost time.
SHOW_CHECKING_AFTER = 0.15
POLL_INTERVAL = 0.25
KEY_HELP = "n next · p previous · h hint · l list · r re-run · c check all · q quit"


# ------------------------------------------------------------------ events


@dataclass(frozen=True)
class FileChanged:
    path: Path


@dataclass(frozen=True)
class KeyPressed:
    key: str


@dataclass(frozen=True)
class Checked:
    exercise: Exercise
    result: Result


@dataclass(frozen=True)
class CheckedAll:
    results: list[Result]


@dataclass(frozen=True)
class Failed:
    reason: str


@dataclass(frozen=True)
class Stop:
    pass


# ------------------------------------------------------------------ file events


def start_observer(folder: Path, post: Callable[[object], None], poll: bool) -> tuple[Any, str]:
    """Start watchdog on ``folder``; fall back to polling when native events cannot start."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: Any) -> None:
            if event.event_type in ("opened", "closed_no_write") or event.is_directory:
                return
            for raw in (event.src_path, getattr(event, "dest_path", "")):
                # Filter by suffix in code: watchdog 7 changed how glob patterns match subfolders.
                if raw and str(raw).endswith(".py"):
                    post(FileChanged(Path(os.fsdecode(raw))))

    note = ""
    if not poll:
        observer = Observer()
        try:
            observer.schedule(Handler(), str(folder), recursive=True)
            observer.start()
            return observer, note
        except OSError as exc:  # inotify limits, unsupported file systems
            note = f"Native file events are unavailable ({exc.strerror or exc}); polling for changes instead."
    observer = PollingObserver(timeout=POLL_INTERVAL)
    observer.schedule(Handler(), str(folder), recursive=True)
    observer.start()
    return observer, note or "Polling for changes (--poll)."


# ------------------------------------------------------------------ keys


class KeyReader:
    """Reads single keystrokes from a terminal in cbreak mode and restores it on stop."""

    def __init__(self, post: Callable[[object], None]) -> None:
        self.post = post
        self.fd = sys.stdin.fileno() if sys.stdin and sys.stdin.isatty() else None
        self._saved: Any = None
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._run, name="rlcheck-keys", daemon=True)

    @property
    def enabled(self) -> bool:
        return self.fd is not None

    def start(self) -> None:
        if self.fd is None:
            return
        import termios
        import tty

        self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd)
        self._thread.start()

    def _run(self) -> None:
        assert self.fd is not None
        while True:
            ready, _, _ = select.select([self.fd, self._wake_r], [], [])
            if self._wake_r in ready:
                return
            data = os.read(self.fd, 64)
            if not data:
                return
            for char in data.decode("utf-8", "ignore"):
                self.post(KeyPressed(char))

    def stop(self) -> None:
        os.write(self._wake_w, b"x")
        if self._thread.is_alive():
            self._thread.join(timeout=1)
        if self._saved is not None and self.fd is not None:
            import termios

            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)
            self._saved = None
        for fd in (self._wake_r, self._wake_w):
            os.close(fd)


# ------------------------------------------------------------------ checks


class CheckThread:
    """Runs one check at a time; a newer request cancels the one running."""

    def __init__(self, runner: Runner, post: Callable[[object], None]) -> None:
        self.runner = runner
        self.post = post
        self._cond = threading.Condition()
        self._pending: tuple[str, Any] | None = None
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="rlcheck-checks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, job: tuple[str, Any]) -> None:
        with self._cond:
            self._pending = job
            if self._busy:
                self.runner.cancel()
            self._cond.notify()

    @property
    def busy(self) -> bool:
        return self._busy or self._pending is not None

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                job, self._pending = self._pending, None
                self._busy = True
            try:
                self._do(*job)
            except Cancelled:
                pass
            except Exception as exc:  # the watcher survives anything, its own bugs included
                self.post(Failed(f"rlcheck could not run the check: {exc!r}"))
            finally:
                with self._cond:
                    self._busy = False

    def _do(self, kind: str, payload: Any) -> None:
        if kind == "one":
            exercise, file = payload
            self.post(Checked(exercise, self.runner.check(exercise, file)))
            return
        results = []
        for exercise, file in payload:
            results.append(self.runner.check(exercise, file))
            if self._pending is not None:
                raise Cancelled
        self.post(CheckedAll(results))

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self.runner.cancel()
            self._cond.notify()
        self._thread.join(timeout=2)


# ------------------------------------------------------------------ the loop


@dataclass
class Screen:
    """What the main loop shows; rebuilt into renderables on every change."""

    result: Result | None = None
    checking: bool = False
    banner: RenderableType | None = None
    hint: RenderableType | None = None
    panel: RenderableType | None = None
    notes: list[str] = field(default_factory=list)


class WatchLoop:
    def __init__(self, app: App, options: CheckOptions, manual: bool, keys: bool) -> None:
        self.app = app
        self.options = options
        self.manual = manual
        self.keys = keys
        self.events: queue.Queue[object] = queue.Queue()
        self.console = ui.make_console()
        self.screen = Screen()
        self.exercise = app.current()
        self.due: dict[Path, float] = {}
        self.show_checking_at: float | None = None
        self.checking_hash: str | None = None
        self.picking: str | None = None  # digits typed in the list picker
        self.checker: CheckThread | None = None
        self.finished = False

    # -- plumbing

    def post(self, event: object) -> None:
        self.events.put(event)

    def _next_event(self) -> object | None:
        timeout = None
        deadlines = list(self.due.values()) + ([self.show_checking_at] if self.show_checking_at else [])
        if deadlines:
            timeout = max(min(deadlines) - time.monotonic(), 0)
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            return None

    def run(self, checker: CheckThread) -> int:
        self.checker = checker
        self.app.set_current(self.exercise)
        if not self.manual:
            self.check_current()
        self.draw()
        while True:
            event = self._next_event()
            if event is not None:
                if isinstance(event, Stop):
                    return 0
                if self.handle(event) is False:
                    return 0
            self._flush_due()

    def handle(self, event: object) -> bool:
        if isinstance(event, FileChanged):
            self.due[event.path] = time.monotonic() + DEBOUNCE_SECONDS
        elif isinstance(event, KeyPressed):
            return self.on_key(event.key)
        elif isinstance(event, Checked):
            self.on_checked(event.exercise, event.result)
        elif isinstance(event, CheckedAll):
            self.on_checked_all(event.results)
        elif isinstance(event, Failed):
            self.screen.checking = False
            self.screen.notes = [*self.screen.notes[-2:], event.reason]
            self.draw()
        return True

    def _flush_due(self) -> None:
        now = time.monotonic()
        if self.show_checking_at is not None and self.show_checking_at <= now:
            self.show_checking_at = None
            if self.screen.checking:
                self.draw()
        for path, when in list(self.due.items()):
            if when <= now:
                del self.due[path]
                self.on_saved(path)

    # -- saves and checks

    def exercise_for(self, path: Path) -> Exercise | None:
        try:
            relative = path.resolve().relative_to(self.app.workspace.exercises_dir.resolve()).as_posix()
        except (ValueError, OSError):
            return None
        return next((e for e in self.app.course.exercises if e.path == relative), None)

    def on_saved(self, path: Path) -> None:
        exercise = self.exercise_for(path)
        if exercise is None or self.manual:
            return
        current_hash = file_hash(self.app.file(exercise))
        same_file = exercise == self.exercise
        if same_file and current_hash is not None and current_hash == self._latest_hash():
            return  # one save raises several events; the content decides whether anything changed
        if not same_file:
            self.switch_to(exercise, check=False)
        self.check_current()

    def _latest_hash(self) -> str | None:
        """The content of the check running now, or else of the verdict on screen."""
        if self.screen.checking:
            return self.checking_hash
        return self.screen.result.source_sha256 if self.screen.result else None

    def check_current(self) -> None:
        assert self.checker is not None
        self.checking_hash = file_hash(self.app.file(self.exercise))
        self.screen.checking = True
        self.show_checking_at = time.monotonic() + SHOW_CHECKING_AFTER
        self.checker.submit(("one", (self.exercise, self.app.file(self.exercise))))

    def on_checked(self, exercise: Exercise, result: Result) -> None:
        if exercise != self.exercise:
            return  # a verdict for an exercise the learner has left
        if result.source_sha256 is not None and result.source_sha256 != file_hash(self.app.file(exercise)):
            self.check_current()  # the file changed under the check: this verdict is stale
            return
        self.screen.checking = False
        self.screen.result = result
        if result.passed:
            self.on_passed(exercise, result)
        else:
            self.draw()  # the verdict first; the progress file can wait a few milliseconds
            self.app.record(result, exercise)

    def on_passed(self, exercise: Exercise, result: Result) -> None:
        self.app.record(result, exercise)
        self.app.reveal_solution(exercise)
        banner = Text(f"✓ {exercise.name} passed!", style="bold green")
        if reference_solution(self.app.course, exercise) is not None:
            banner.append(f"  Compare with the reference: rlcheck solution {exercise.name}", style="green")
        following = self.app.next_pending(exercise)
        if following is None:
            done = self.app.done_count()
            total = len(self.app.course.exercises)
            self.screen.banner = Group(
                banner,
                Text(f"🎉 All {total} exercises done ({done}/{total}). You have worked through the whole workbook.",
                     style="bold green"),
            )
            self.finished = True
            self.draw()
            return
        self.screen.banner = Group(banner, Text(f"Next up: {following.name}: open {ui.display_path(self.app.file(following))}", style="bold"))
        self.switch_to(following, check=not self.manual, keep_banner=True)
        self.draw()

    def switch_to(self, exercise: Exercise, check: bool = True, keep_banner: bool = False) -> None:
        self.exercise = exercise
        self.app.set_current(exercise)
        self.screen.result = None
        self.screen.hint = None
        self.screen.panel = None
        self.screen.checking = False
        if not keep_banner:
            self.screen.banner = None
        if check:
            self.check_current()

    def on_checked_all(self, results: list[Result]) -> None:
        for exercise, result in zip(self.app.course.exercises, results):
            if result.source_sha256 == file_hash(self.app.file(exercise)):
                self.app.record(result, exercise)
        passed = sum(r.passed for r in results)
        self.screen.checking = False
        self.screen.panel = Group(
            Text(f"Check all: {passed}/{len(results)} pass", style="bold"), ui.result_grid(results, width=3)
        )
        self.draw()

    # -- keys

    def on_key(self, key: str) -> bool:
        if self.picking is not None:
            return self.on_pick_key(key)
        key = key.lower()
        if key == "q":
            return False
        exercises = self.app.course.exercises
        index = self.app.course.index(self.exercise)
        if key == "n":
            self.switch_to(exercises[min(index + 1, len(exercises) - 1)], check=not self.manual)
        elif key == "p":
            self.switch_to(exercises[max(index - 1, 0)], check=not self.manual)
        elif key == "h":
            self.screen.hint = ui.hint_panel(self.exercise, self.app.next_hint(self.exercise))
        elif key == "r":
            self.screen.banner = None
            self.check_current()
        elif key == "c":
            self.screen.checking = True
            self.checking_hash = None  # a save during check-all still gets its own check
            assert self.checker is not None
            self.checker.submit(("all", [(e, self.app.file(e)) for e in exercises]))
        elif key == "l":
            self.picking = ""
        else:
            return True
        self.draw()
        return True

    def on_pick_key(self, key: str) -> bool:
        assert self.picking is not None
        if key.isdigit():
            self.picking += key
        elif key in ("\x7f", "\b"):
            self.picking = self.picking[:-1]
        elif key in ("\r", "\n"):
            choice = int(self.picking) if self.picking else 0
            self.picking = None
            if 1 <= choice <= len(self.app.course.exercises):
                self.switch_to(self.app.course.exercises[choice - 1], check=not self.manual)
        elif key in ("\x1b", "q", "l"):
            self.picking = None
        self.draw()
        return True

    # -- drawing

    def draw(self) -> None:
        parts: list[RenderableType] = []
        if self.screen.banner is not None:
            parts += [self.screen.banner, Text("")]
        course = self.app.course
        file = self.app.file(self.exercise)
        parts.append(ui.exercise_header(self.exercise, file, course.index(self.exercise), len(course.exercises), self.app.done_count()))
        parts.append(Text(""))
        if self.picking is not None:
            parts.append(self._picker())
        elif self.screen.panel is not None:
            parts.append(self.screen.panel)
        if self.screen.checking:
            parts.append(Text("… checking", style="bold blue"))
        elif self.screen.result is not None:
            parts.append(ui.render_result(self.screen.result))
        elif self.manual:
            parts.append(Text("Press r to check.", style="dim"))
        if self.screen.hint is not None:
            parts.append(self.screen.hint)
        for note in self.screen.notes:
            parts.append(Text(note, style="yellow"))
        for warning in self.app.store.warnings:
            parts.append(Text(warning, style="yellow"))
        parts.append(Text(""))
        parts.append(Text(KEY_HELP if self.keys else "Keys are off (stdin is not a terminal). Ctrl-C quits.", style="dim"))
        self.console.clear()
        self.console.print(Group(*parts))

    def _picker(self) -> RenderableType:
        course = self.app.course
        rows = [
            (n, e, Status.PASSED if self.app.is_done(e) else None, e == self.exercise)
            for n, e in enumerate(course.exercises, start=1)
        ]
        prompt = Text(f"Type a number and Enter to go there, Esc to cancel: {self.picking}", style="bold")
        return Group(ui.exercise_table(rows), prompt)


def run_watch(app: App, options: CheckOptions, poll: bool = False, manual: bool = False) -> int:
    runner = Runner(app.course, options, warm=True)
    keys = KeyReader(lambda e: loop.post(e))
    loop = WatchLoop(app, options, manual=manual, keys=keys.enabled)
    observer, note = start_observer(app.workspace.exercises_dir, loop.post, poll)
    if note:
        loop.screen.notes.append(note)
    checker = CheckThread(runner, loop.post)
    previous = signal.signal(signal.SIGTERM, lambda *_: loop.post(Stop()))
    try:
        keys.start()
        runner.start()
        checker.start()
        return loop.run(checker)
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        keys.stop()
        checker.close()
        runner.close()
        observer.stop()
        loop.console.print(Text(f"rlcheck: {app.done_count()}/{len(app.course.exercises)} done. See you next time.", style="bold"))
