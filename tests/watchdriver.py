"""Drive ``rlcheck watch`` in a real pseudo-terminal and read its screen as plain text."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pexpect

from conftest import quiet_env, rlcheck_command

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][A-Z0-9]")
CLEAR = "\x1b[2J"  # the watcher clears the screen before each redraw
KEYS = {"up": "\x1b[A", "down": "\x1b[B", "pageup": "\x1b[5~", "pagedown": "\x1b[6~", "escape": "\x1b",
        "enter": "\r"}


class Watch:
    def __init__(self, workspace: Path, *args: str, columns: int = 120, rows: int = 50,
                 env: dict[str, str] | None = None, keep_size_env: bool = False) -> None:
        command = rlcheck_command()
        env = dict(env or quiet_env(TERM="xterm-256color"))
        if not keep_size_env:
            env.pop("COLUMNS", None)  # the pseudo-terminal's own size decides the layout
            env.pop("LINES", None)  # (pytest-xdist's workers set both)
        self.child = pexpect.spawn(
            command[0], [*command[1:], "watch", *args], cwd=str(workspace),
            env=env, encoding="utf-8", codec_errors="replace",
            dimensions=(rows, columns), timeout=30,
        )
        self.raw = ""
        self.mark = 0

    def _pump(self, timeout: float) -> None:
        try:
            self.raw += self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            pass

    @property
    def text(self) -> str:
        return ANSI.sub("", self.raw)

    def since_mark(self) -> str:
        return ANSI.sub("", self.raw[self.mark:])

    def set_mark(self) -> None:
        """Later waits only look at what is drawn after this point."""
        self._pump(0.01)
        self.mark = len(self.raw)

    def wait_for(self, *needles: str, timeout: float = 20.0) -> str:
        """Wait until one of the needles is drawn since the mark; a needle may wrap anywhere it
        has a space (where it wraps depends on the terminal's width and on the path's length)."""
        deadline = time.monotonic() + timeout
        while True:
            found = _first_drawn(self.since_mark(), needles)
            if found is not None:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"none of {needles!r} appeared on screen; last output:\n{self.since_mark()[-3000:]}")
            if not self.child.isalive():
                self._pump(0.05)
                if _first_drawn(self.since_mark(), needles) is None:
                    raise AssertionError(f"watch exited; last output:\n{self.since_mark()[-3000:]}")
            self._pump(0.05)

    def press(self, key: str) -> None:
        """Send a key (a character, or a name in KEYS); later waits look only at what follows."""
        self.set_mark()
        self.child.send(KEYS.get(key, key))

    def frame(self) -> str:
        """The last screen drawn, as plain text."""
        return ANSI.sub("", self.raw.rsplit(CLEAR, 1)[-1]).replace("\r", "")

    def frame_with(self, *needles: str, timeout: float = 20.0) -> str:
        """Wait until a screen drawn since the mark holds every needle, and is drawn whole; return it."""
        deadline = time.monotonic() + timeout
        while True:
            frame, size = self.frame(), len(self.raw)
            if CLEAR in self.raw[self.mark:] and all(n in frame for n in needles):
                self._pump(0.1)  # a screen arrives in pieces: it is whole once the output pauses
                if len(self.raw) == size:
                    return frame
                continue
            if time.monotonic() > deadline or not self.child.isalive():
                raise AssertionError(f"the screen never held all of {needles!r}; last screen:\n{frame[-3000:]}")
            self._pump(0.05)

    def resize(self, rows: int, columns: int) -> None:
        self.set_mark()
        self.child.setwinsize(rows, columns)  # the child gets SIGWINCH

    def quit(self) -> int:
        self.press("q")
        self.child.expect(pexpect.EOF, timeout=15)
        self.raw += self.child.before or ""
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -1

    def kill(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)


def _first_drawn(screen: str, needles: tuple[str, ...]) -> str | None:
    unwrapped = " ".join(screen.split())
    return next((n for n in needles if n in screen or " ".join(n.split()) in unwrapped), None)


def write_in_place(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:  # truncate + write, like most editors
        fh.write(text)


def write_by_rename(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.swp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)  # vim / JetBrains safe-write
