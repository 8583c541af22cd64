"""The folders a check works in: made by the command that asked for the check, and removed by it
whatever the check's processes did to them.

Each check gets a folder of its own in the system's temporary folder, and each executor of the
check makes its private working folder inside it. The command removes the check's folder when
the check ends, so a judge killed mid-check (a newer save, a missed deadline) leaves nothing.
Names are short on purpose: the learner's TMPDIR is the executor's folder, and a Unix socket
made there (multiprocessing does) must fit in 104 bytes on macOS, with a long TMPDIR already.

Landlock does not cover file modes: confined code can still chmod the folders it reaches, its
own and the check's. Their owner can always set the modes back, so removal does that and tries
again; what still cannot go (a tree nested deeper than that, or one a lingering process keeps
writing to) is reported to the caller, who tries again later.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import suppress
from typing import Any

PASSES = 8  # each pass unlocks one more level of folders made unreadable


def make_check_folder() -> str:
    return tempfile.mkdtemp(prefix="rl-")


def remove_tree(path: str) -> bool:
    """Remove ``path`` and all it holds; True when it is gone. Never raises."""
    path = os.path.abspath(path)
    refused: list[str] = []

    def note(_function: Any, failed: str, _error: Any) -> None:
        refused.append(failed)

    # onerror is deprecated from 3.12, for onexc (which takes the same three arguments here).
    handler = {"onexc": note} if sys.version_info >= (3, 12) else {"onerror": note}
    for _ in range(PASSES):
        refused.clear()
        try:
            shutil.rmtree(path, **handler)  # type: ignore[arg-type]
        except RecursionError:  # before 3.12 rmtree recurses per level: a deep enough tree stays
            break
        if not os.path.lexists(path) or not refused:
            break
        for failed in refused:
            for folder in (os.path.dirname(failed), failed):
                if os.path.commonpath([folder, path]) == path:  # never a folder above: /tmp is not ours
                    _unlock(folder)
    return not os.path.lexists(path)


def usable(folder: str) -> bool:
    """``folder`` is still a folder this process can work in, its modes set back first if
    learner code changed them."""
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        _unlock(folder)
    return os.path.isdir(folder) and not os.path.islink(folder) and os.access(folder, os.R_OK | os.W_OK | os.X_OK)


def _unlock(folder: str) -> None:
    # A symlink is skipped: chmod would change its target, wherever that is.
    if os.path.isdir(folder) and not os.path.islink(folder):
        with suppress(OSError):
            os.chmod(folder, 0o700)
