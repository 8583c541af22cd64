"""Resource caps for the checking process, where the platform offers them.

The parent's wall clock and a kill of the whole process group are what really bound a check;
these caps turn a runaway allocation or a file-writing loop into an ordinary, reportable
failure instead of a machine in trouble. ``resource`` does not exist on Windows: there the
caps are skipped and only the wall clock holds (documented in docs/security.md).
"""

from __future__ import annotations

import os

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

DEFAULT_MEMORY_MB = 1024
MAX_OPEN_FILES = 256
MAX_FILE_BYTES = 64 * 1024 * 1024


def _address_space_in_use() -> int:
    """Virtual memory already mapped (numpy and pytest are loaded before the cap is set)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 512 * 1024 * 1024


def _lower(limit: int, value: int) -> None:
    soft, hard = resource.getrlimit(limit)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    if soft == resource.RLIM_INFINITY or value < soft:
        try:
            resource.setrlimit(limit, (value, hard))
        except (ValueError, OSError):
            pass


def apply_limits(memory_mb: int = DEFAULT_MEMORY_MB, cpu_seconds: float | None = None) -> None:
    if resource is None:
        return
    # The cap is on top of what the process already maps, so a learner gets memory_mb to use.
    _lower(resource.RLIMIT_AS, _address_space_in_use() + memory_mb * 1024 * 1024)
    _lower(resource.RLIMIT_NOFILE, MAX_OPEN_FILES)
    _lower(resource.RLIMIT_FSIZE, MAX_FILE_BYTES)
    _lower(resource.RLIMIT_CORE, 0)
    if cpu_seconds:
        # CPU already spent on start-up does not count against the learner.
        usage = resource.getrusage(resource.RUSAGE_SELF)
        _lower(resource.RLIMIT_CPU, int(usage.ru_utime + usage.ru_stime + cpu_seconds) + 2)
