"""Reading files from a workspace that nothing in it can turn against us.

An exercise file or the progress file may have been replaced by a FIFO, a device, a folder or
something huge. Only a regular file is read, without blocking on open, and only up to a cap.
The judge, the runner and the progress store all read through here.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

EXERCISE_CAP = 2 * 1024 * 1024  # bytes: an exercise file is a few kilobytes


class NotRegularFile(OSError):
    """The path exists but is a FIFO, a device, a folder or a socket."""


class TooLarge(OSError):
    """The file is over the size cap."""


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def read_capped(path: Path, cap: int) -> bytes:
    """The bytes of a regular file of at most ``cap`` bytes; never blocks on a FIFO or a device.

    Raises FileNotFoundError, NotRegularFile, TooLarge or another OSError.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO without a writer returns at once
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, f"is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > cap:
            raise TooLarge(errno.EFBIG, f"is {_size(info.st_size)}, over the {_size(cap)} limit")
        chunks, total = [], 0
        while total <= cap:
            chunk = os.read(fd, min(1 << 16, cap + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > cap:  # it grew while being read
            raise TooLarge(errno.EFBIG, f"is over the {_size(cap)} limit")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} kB"


def why_unreadable(path: Path, exc: OSError) -> str:
    """The sentence for a file ``read_capped`` refused."""
    if isinstance(exc, FileNotFoundError):
        return f"{path.name} does not exist."
    if isinstance(exc, IsADirectoryError):
        return f"{path.name} is a folder, not a regular file."
    if isinstance(exc, (NotRegularFile, TooLarge)):
        return f"{path.name} {exc.strerror}."
    return f"{path.name} cannot be read ({exc.strerror or exc})."


def file_problem(path: Path, cap: int = EXERCISE_CAP) -> str | None:
    """Why ``path`` cannot be read as an exercise file, in a sentence; None if it can."""
    try:
        read_capped(path, cap)
    except OSError as exc:
        return why_unreadable(path, exc)
    return None


def file_hash(path: Path, cap: int = EXERCISE_CAP) -> str | None:
    """The SHA-256 of a regular file up to ``cap`` bytes; None if it is missing or cannot be read."""
    try:
        return hashlib.sha256(read_capped(path, cap)).hexdigest()
    except OSError:
        return None
