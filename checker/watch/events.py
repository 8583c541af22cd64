"""Everything that can happen to watch mode, as typed events, and the sources that report them.

Sources run on their own threads (the file observer, the key reader, the check thread, the
resize signal) and only ever post an event; the loop is the one reader. Events the loop makes
itself (``Saved`` after a burst of file events, answers to effects) are here too, so that the
state machine's ``match`` can name every event there is.
"""

from __future__ import annotations

import os
import select
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Union

from checker.result import Result

POLL_INTERVAL = 0.25


# ------------------------------------------------------------------ from the sources


@dataclass(frozen=True)
class FileChanged:
    """The observer saw a .py file change (one save can raise several)."""

    path: Path


@dataclass(frozen=True)
class KeyPressed:
    """One key: a character, or a name from KEY_NAMES for keys that send sequences."""

    key: str


@dataclass(frozen=True)
class Resized:
    columns: int
    rows: int


@dataclass(frozen=True)
class Checked:
    """A verdict for one exercise; ``on_disk`` is the file's hash when it arrived."""

    exercise: str
    result: Result
    on_disk: str | None


@dataclass(frozen=True)
class CheckAllProgress:
    done: int
    total: int


@dataclass(frozen=True)
class CheckedAll:
    """Every exercise's verdict; ``fresh[i]`` says the file still holds what was checked."""

    results: tuple[Result, ...]
    fresh: tuple[bool, ...]


@dataclass(frozen=True)
class CheckFailed:
    """The check itself could not run (a bug in rlcheck, not in the learner's code)."""

    reason: str


@dataclass(frozen=True)
class Stop:
    """SIGTERM, SIGHUP or a terminal gone: quit as if q was pressed."""


# ------------------------------------------------------------------ made by the loop


@dataclass(frozen=True)
class Saved:
    """A burst of file events settled on one exercise's file.

    ``recorded``: progress held a pass for it before this save; ``done``: that pass is for
    the bytes the file holds now.
    """

    exercise: str
    digest: str | None
    recorded: bool
    done: bool


@dataclass(frozen=True)
class CheckStarted:
    """A check of ``exercise`` was submitted for the content with this hash."""

    exercise: str
    digest: str | None


@dataclass(frozen=True)
class CheckingSlow:
    """A check has run long enough that the screen should say so."""


@dataclass(frozen=True)
class HintTaken:
    exercise: str
    index: int


@dataclass(frozen=True)
class DiffLoaded:
    """The learner's file against the reference, as unified diff lines (empty: identical)."""

    exercise: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Noted:
    """A line to keep on screen (e.g. that polling replaces native file events)."""

    text: str


Event = Union[FileChanged, KeyPressed, Resized, Checked, CheckAllProgress, CheckedAll, CheckFailed, Stop,
              Saved, CheckStarted, CheckingSlow, HintTaken, DiffLoaded, Noted]
Post = Callable[[Event], None]


# ------------------------------------------------------------------ file events


def start_observer(folder: Path, post: Post, poll: bool) -> tuple[Any, str]:
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
                if raw and os.fsdecode(raw).endswith(".py"):
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


def stop_observer(observer: Any, seconds: float = 2.0) -> None:
    """Stop watchdog, waiting at most ``seconds``. Its stop joins its inotify thread without a
    deadline: if that thread never ended, quitting would wait forever. Its threads are daemons,
    so the process ends without them."""
    stopper = threading.Thread(target=observer.stop, name="rlcheck-observer-stop", daemon=True)
    stopper.start()
    stopper.join(seconds)


# ------------------------------------------------------------------ keys

SEQUENCES = {
    "\x1b[A": "up", "\x1b[B": "down", "\x1b[C": "right", "\x1b[D": "left",
    "\x1bOA": "up", "\x1bOB": "down", "\x1bOC": "right", "\x1bOD": "left",
    "\x1b[5~": "pageup", "\x1b[6~": "pagedown",
    "\x1b[H": "home", "\x1b[F": "end", "\x1bOH": "home", "\x1bOF": "end", "\x1b[1~": "home", "\x1b[4~": "end",
}
SINGLE = {"\r": "enter", "\n": "enter", "\x7f": "backspace", "\b": "backspace", "\x1b": "escape"}
KEY_NAMES = frozenset(SEQUENCES.values()) | frozenset(SINGLE.values())


def decode_keys(data: str) -> list[str]:
    """Keystrokes as read from a terminal, one name or character each; unknown sequences dropped."""
    keys: list[str] = []
    i = 0
    while i < len(data):
        if data[i] == "\x1b" and i + 1 < len(data) and data[i + 1] in "[O":
            end = i + 2
            while end < len(data) and not (data[end].isalpha() or data[end] == "~"):
                end += 1
            sequence = data[i:end + 1]
            if sequence in SEQUENCES:
                keys.append(SEQUENCES[sequence])
            i = end + 1
            continue
        keys.append(SINGLE.get(data[i], data[i]))
        i += 1
    return keys


class KeyReader:
    """Reads keystrokes from a terminal in cbreak mode and restores the terminal on stop."""

    def __init__(self, post: Post) -> None:
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
            try:
                data = os.read(self.fd, 64)
            except OSError:  # EIO: the terminal hung up
                data = b""
            if not data:  # the terminal is gone: nobody can press q any more
                self.post(Stop())
                return
            for key in decode_keys(data.decode("utf-8", "ignore")):
                self.post(KeyPressed(key))

    def stop(self) -> None:
        os.write(self._wake_w, b"x")
        if self._thread.is_alive():
            self._thread.join(timeout=1)
        if self._saved is not None and self.fd is not None:
            import termios

            try:
                termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)
            except termios.error:
                pass  # the terminal hung up: there is nothing left to restore
            self._saved = None
        for fd in (self._wake_r, self._wake_w):
            os.close(fd)
