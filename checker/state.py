"""The learner's progress in ``.rlcheck/state.json``: one store that every command shares.

Every writer (watch, hint, run, reset) changes progress through :meth:`StateStore.update`,
which takes a lock file, re-reads the file, applies its change and writes the result
atomically (temp file + rename), so no command loses another's update. Readers need no lock:
a rename replaces the file whole.

A damaged or unreadable file is never fatal: progress is rebuilt empty with a warning (the
files themselves are the truth; ``verify`` never reads this). Out-of-range values are clamped
with a warning. Only a regular file is read, and only up to a cap: a FIFO or a device in place
of the file cannot hang or exhaust memory. A read-only workspace keeps working, and says that
progress cannot be saved.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from checker.files import EXERCISE_CAP, NotRegularFile, TooLarge, file_hash, file_problem, read_capped  # noqa: F401

STATE_VERSION = 1
STATE_CAP = 1024 * 1024  # bytes: a progress file is a few kilobytes
LOCK_TIMEOUT = 5.0  # seconds to wait for another rlcheck's write to finish
SHA256_HEX = frozenset("0123456789abcdef")

T = TypeVar("T")


@dataclass
class Progress:
    current: str | None = None
    passed: dict[str, str] = field(default_factory=dict)  # exercise -> hash of the passing file
    hints_shown: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "current": self.current,
            "passed": dict(sorted(self.passed.items())),
            "hints_shown": dict(sorted(self.hints_shown.items())),
        }

    @classmethod
    def from_json(cls, data: Any) -> Progress:
        """Progress from parsed JSON; ValueError if its shape or types are wrong."""
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            raise ValueError("unknown format")
        current = data.get("current")
        passed = data.get("passed", {})
        hints = data.get("hints_shown", {})
        if current is not None and not isinstance(current, str):
            raise ValueError("bad 'current'")
        if not isinstance(passed, dict) or not all(isinstance(k, str) and _is_digest(v) for k, v in passed.items()):
            raise ValueError("bad 'passed'")
        if not isinstance(hints, dict) or not all(isinstance(k, str) and _is_count(v) for k, v in hints.items()):
            raise ValueError("bad 'hints_shown'")
        return cls(current=current, passed=dict(passed), hints_shown=dict(hints))

    def clamp_hints(self, limits: dict[str, int]) -> list[str]:
        """Bring each hint count into 0..limit (its number of hints); say what changed."""
        notes = []
        for name, count in list(self.hints_shown.items()):
            fixed = max(0, min(count, limits.get(name, count)))
            if fixed != count:
                notes.append(f"the hint count of {name} was {count}, set to {fixed}")
                self.hints_shown[name] = fixed
        return notes


def _is_digest(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= SHA256_HEX


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass
class StateStore:
    path: Path
    hint_limits: dict[str, int] = field(default_factory=dict)  # exercise -> how many hints it has
    load_warning: str | None = None  # the file could not be read as it was (said once)
    save_warning: str | None = None  # the last save failed

    @property
    def warnings(self) -> list[str]:
        return [w for w in (self.load_warning, self.save_warning) if w]

    @property
    def lock_path(self) -> Path:
        return self.path.with_name("state.lock")

    def _warn_load(self, message: str) -> None:
        if self.load_warning is None:
            self.load_warning = message

    def load(self) -> Progress:
        """Read progress (no lock needed: writes replace the file whole)."""
        try:
            raw = read_capped(self.path, STATE_CAP)
        except FileNotFoundError:
            return Progress()
        except (NotRegularFile, TooLarge) as exc:
            self._warn_load(f"{self.path} {exc.strerror}; it was ignored and progress starts empty.")
            return Progress()
        except OSError as exc:
            self._warn_load(f"Could not read {self.path} ({exc}); starting with empty progress.")
            return Progress()
        try:
            progress = Progress.from_json(json.loads(raw))
        except ValueError as exc:  # bad JSON, bad UTF-8, or the wrong shape
            self._warn_load(f"{self.path} was damaged ({exc}); progress was rebuilt from scratch.")
            self._set_aside()
            return Progress()
        notes = progress.clamp_hints(self.hint_limits)
        if notes:
            self._warn_load(f"{self.path} held values out of range: {'; '.join(notes)}.")
        return progress

    def _set_aside(self) -> None:
        """Keep the damaged file next to the new one: nothing the learner had is lost."""
        try:
            os.replace(self.path, self.path.with_name("state.json.damaged"))
        except OSError:
            pass

    def update(self, change: Callable[[Progress], T], fallback: Progress) -> tuple[Progress, T]:
        """Re-read, apply ``change`` and write, under the lock: concurrent writers all keep their changes.

        Returns the progress as written and what ``change`` returned. If the file cannot be
        written, ``change`` is applied to ``fallback`` (the caller's copy) instead, with a warning.
        """
        try:
            with self._locked():
                progress = self.load()
                value = change(progress)
                self._write(progress)
        except OSError as exc:
            self.save_warning = f"Progress cannot be saved ({exc.strerror or exc}): checks still run."
            value = change(fallback)
            return fallback, value
        self.save_warning = None
        return progress, value

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(self.lock_path, flags, 0o644)
        try:
            _lock(fd, LOCK_TIMEOUT)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock, also if this process dies

    def _write(self, progress: Progress) -> None:
        data = json.dumps(progress.to_json(), indent=2) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".state-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


def _lock(fd: int, timeout: float) -> None:
    """An exclusive lock on ``fd``, waiting up to ``timeout`` seconds for another holder."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        import msvcrt

        deadline = time.monotonic() + timeout
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise OSError(errno.EWOULDBLOCK, "another rlcheck holds the progress lock") from None
            time.sleep(0.005)


def is_passed(progress: Progress, name: str, file: Path) -> bool:
    """Passed, and the file is still the one that passed (an edit since then un-passes it)."""
    recorded = progress.passed.get(name)
    return recorded is not None and recorded == file_hash(file)
