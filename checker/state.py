"""The learner's progress in ``.rlcheck/state.json``, written atomically.

A damaged or unreadable file is never fatal: progress is rebuilt empty with a warning (the
files themselves are the truth; ``verify`` never reads this). A read-only workspace keeps
working, and says that progress cannot be saved.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STATE_VERSION = 1


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


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
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            raise ValueError("unknown format")
        current = data.get("current")
        passed = data.get("passed", {})
        hints = data.get("hints_shown", {})
        if current is not None and not isinstance(current, str):
            raise ValueError("bad 'current'")
        if not isinstance(passed, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in passed.items()):
            raise ValueError("bad 'passed'")
        if not isinstance(hints, dict) or not all(isinstance(k, str) and isinstance(v, int) for k, v in hints.items()):
            raise ValueError("bad 'hints_shown'")
        return cls(current=current, passed=dict(passed), hints_shown=dict(hints))


@dataclass
class StateStore:
    path: Path
    load_warning: str | None = None  # the file could not be read as it was
    save_warning: str | None = None  # the last save failed

    @property
    def warnings(self) -> list[str]:
        return [w for w in (self.load_warning, self.save_warning) if w]

    def load(self) -> Progress:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Progress()
        except OSError as exc:
            self.load_warning = f"Could not read {self.path} ({exc}); starting with empty progress."
            return Progress()
        try:
            return Progress.from_json(json.loads(raw))
        except ValueError as exc:  # bad JSON, bad UTF-8, or the wrong shape
            self.load_warning = f"{self.path} was damaged ({exc}); progress was rebuilt from scratch."
            self._set_aside()
            return Progress()

    def _set_aside(self) -> None:
        """Keep the damaged file next to the new one: nothing the learner had is lost."""
        try:
            os.replace(self.path, self.path.with_name("state.json.damaged"))
        except OSError:
            pass

    def save(self, progress: Progress) -> bool:
        """Write atomically (temp file + rename); False, with a warning, if that is impossible."""
        data = json.dumps(progress.to_json(), indent=2) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
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
        except OSError as exc:
            self.save_warning = f"Progress cannot be saved ({exc.strerror or exc}): checks still run."
            return False
        return True


def is_passed(progress: Progress, name: str, file: Path) -> bool:
    """Passed, and the file is still the one that passed (an edit since then un-passes it)."""
    recorded = progress.passed.get(name)
    return recorded is not None and recorded == file_hash(file)
