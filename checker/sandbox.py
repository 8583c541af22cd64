"""Confinement for the process that runs the learner's code: Landlock, resource caps, environment.

The executor loads this file by path (it imports nothing of the checker), so it may only use
the standard library. On Linux with Landlock the executor becomes read-only everywhere except
its private temporary folder, cannot reach the network over TCP and, from ABI 6, cannot signal
or connect to anything outside its own sandbox. Where Landlock is missing the checks still run,
and ``Isolation.describe()`` says so plainly.

Landlock is three system calls (create a ruleset, add rules, restrict self) made here through
ctypes; the ruleset never names access rights the kernel's ABI lacks.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import time
from dataclasses import dataclass

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

DEFAULT_MEMORY_MB = 1024
MAX_OPEN_FILES = 256
MAX_FILE_BYTES = 64 * 1024 * 1024

# Syscall numbers are the same on every Linux architecture that has Landlock (x86_64, arm64, ...).
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_DUMPABLE = 4
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_CHILD_SUBREAPER = 36
_PR_SET_PDEATHSIG = 1

# Filesystem rights by the ABI that introduced them.
_FS_RIGHTS = {1: (1 << 13) - 1, 2: 1 << 13, 3: 1 << 14, 5: 1 << 15}
_FS_READ = (1 << 0) | (1 << 2) | (1 << 3)  # execute, read file, read dir
_FS_DEV_NULL = (1 << 1) | (1 << 2)  # write file, read file
_FS_TRUNCATE, _FS_IOCTL_DEV = 1 << 14, 1 << 15
_NET_TCP = (1 << 0) | (1 << 1)  # bind, connect (ABI 4)
_SCOPE_ALL = (1 << 0) | (1 << 1)  # abstract unix sockets, signals (ABI 6)

# Names that carry CI credentials or write into CI results: the learner's code gets none of them.
_SECRET_PREFIXES = ("GITHUB_", "ACTIONS_", "RUNNER_", "CI_JOB_", "GITLAB_", "BUILDKITE_", "AWS_", "AZURE_")
_SECRET_WORDS = ("TOKEN", "SECRET", "PASSWORD", "CREDENTIAL", "API_KEY", "PRIVATE_KEY")


@dataclass(frozen=True)
class Isolation:
    """What confinement is in force for a check; said once to the user, recorded in reports."""

    landlock_abi: int  # 0: none
    reason: str = ""  # why there is none, or what is missing

    def describe(self) -> str:
        if self.landlock_abi:
            extra = "" if self.landlock_abi >= 6 else ", signals not scoped (needs ABI 6)"
            return f"landlock ABI {self.landlock_abi}{extra}"
        return f"none ({self.reason})" if self.reason else "none"


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def landlock_abi() -> tuple[int, str]:
    """The kernel's Landlock ABI version, or 0 and the reason it cannot be used."""
    if os.environ.get("RLCHECK_LANDLOCK", "").lower() in ("0", "off", "no", "none"):
        return 0, "turned off by RLCHECK_LANDLOCK"
    libc = _libc()
    if libc is None:
        return 0, "Landlock is a Linux feature"
    libc.syscall.restype = ctypes.c_long
    abi = libc.syscall(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION))
    if abi < 0:
        err = ctypes.get_errno()
        why = {38: "this kernel has no Landlock", 95: "Landlock is disabled in this kernel"}.get(err, os.strerror(err))
        return 0, why
    return int(abi), ""


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _handled_fs(abi: int) -> int:
    return sum(bits for since, bits in _FS_RIGHTS.items() if abi >= since)


def restrict(writable: str, abi: int) -> None:
    """Make this process (and its future children) read-only outside ``writable``. Raises OSError."""
    libc = _libc()
    if libc is None:
        raise OSError("no libc")
    libc.syscall.restype = ctypes.c_long
    handled = _handled_fs(abi)
    attr = _RulesetAttr(handled, _NET_TCP if abi >= 4 else 0, _SCOPE_ALL if abi >= 6 else 0)
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    ruleset = libc.syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        dev_null = _FS_DEV_NULL | (handled & (_FS_TRUNCATE | _FS_IOCTL_DEV))
        for path, access in (("/", _FS_READ), (writable, handled), (os.devnull, dev_null)):
            _add_rule(libc, int(ruleset), path, access)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if libc.syscall(_SYS_RESTRICT_SELF, ctypes.c_int(int(ruleset)), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(int(ruleset))


def _add_rule(libc: ctypes.CDLL, ruleset: int, path: str, access: int) -> None:
    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    try:
        rule = _PathBeneath(access, fd)
        if libc.syscall(_SYS_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH),
                        ctypes.byref(rule), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule({path}) failed")
    finally:
        os.close(fd)


def confine(writable: str, want_landlock: bool = True) -> Isolation:
    """Landlock this process if possible; always returns what is in force."""
    if not want_landlock:
        return Isolation(0, "turned off for this run")
    abi, reason = landlock_abi()
    if not abi:
        return Isolation(0, reason)
    try:
        restrict(writable, abi)
    except OSError as exc:
        return Isolation(0, f"Landlock could not be applied: {exc}")
    return Isolation(abi)


# ------------------------------------------------------------------ process hygiene


def clean_environment(env: dict[str, str], home: str) -> dict[str, str]:
    """The environment the learner's code sees: no CI credentials or CI output files."""
    kept = {
        k: v for k, v in env.items()
        if not k.startswith(_SECRET_PREFIXES) and not any(word in k.upper() for word in _SECRET_WORDS)
    }
    # A breakpoint() left in the learner's code must not wait for a debugger nobody can reach.
    kept.update({"HOME": home, "TMPDIR": home, "TEMP": home, "TMP": home, "PYTHONBREAKPOINT": "0"})
    kept.pop("CI", None)
    return kept


def set_not_dumpable() -> None:
    """Other processes of this user cannot read this one's memory or open its /proc fds."""
    libc = _libc()
    if libc is not None:
        libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def die_with_parent() -> None:
    """Be killed when the process that started us ends (Linux), so nothing outlives its checker."""
    libc = _libc()
    if libc is not None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def become_subreaper() -> bool:
    """Orphans of our children become ours, so they can be found and stopped after a check."""
    libc = _libc()
    return libc is not None and libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0


def child_pids() -> list[int]:
    """This process's children, read from /proc (Linux)."""
    me = os.getpid()
    found = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 1 and int(fields[1]) == me:
            found.append(int(entry))
    return found


def kill_group(pid: int) -> None:
    for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            kill()
        except (ProcessLookupError, PermissionError, OSError):
            pass


def sweep_children(keep: frozenset[int] = frozenset(), rounds: int = 20) -> int:
    """Kill every child of this process except ``keep`` (and their groups), reaping them; repeat
    while orphans keep arriving. Returns how many were killed."""
    killed = 0
    for _ in range(rounds):
        if not has_children():
            break
        victims = [pid for pid in child_pids() if pid not in keep]
        if not victims:
            break
        for pid in victims:
            kill_group(pid)
            killed += 1
        time.sleep(0.001)
        reap_children()
    return killed


def has_children() -> bool:
    """Whether this process has a child, live or not yet reaped (reaping none). One system call,
    where listing them reads every process's /proc entry: most sweeps find nothing."""
    if not hasattr(os, "waitid"):
        return True
    try:
        os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return False
    return True


def reap_children() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


# ------------------------------------------------------------------ resource caps


def _address_space_in_use() -> int:
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
    """Caps that turn a runaway allocation or file-writing loop into an ordinary failure."""
    if resource is None:
        return
    # On top of what is already mapped (numpy is loaded), so the learner gets memory_mb to use.
    _lower(resource.RLIMIT_AS, _address_space_in_use() + memory_mb * 1024 * 1024)
    _lower(resource.RLIMIT_NOFILE, MAX_OPEN_FILES)
    _lower(resource.RLIMIT_FSIZE, MAX_FILE_BYTES)
    _lower(resource.RLIMIT_CORE, 0)
    if cpu_seconds:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        _lower(resource.RLIMIT_CPU, int(usage.ru_utime + usage.ru_stime + cpu_seconds) + 2)
