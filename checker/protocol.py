"""The typed messages between the checker's processes, and the one place that decodes them.

The command (``Runner``) talks to a warm worker over its stdin and stdout; a judge reports to
whoever started it over a pipe. Each message is one JSON line carrying its type and a session
token the starter chose: a line without the right token, of an unknown type, or with the wrong
fields is a ``ProtocolError``, never a guess. (Learner code runs elsewhere, confined, and talks
only to its judge, over ``checker.wire``.)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Union

from checker.blas import ONE_BLAS_THREAD

DEFAULT_MEMORY_MB = 1024
NOT_DONE_MARKER = "# I AM NOT DONE"  # a line learners delete when a fix/order exercise is done

# The environment of the checker's own processes, set before numpy is imported: one BLAS thread
# keeps fork safe and lets a memory cap coexist with OpenBLAS; no third-party pytest plugin can
# slow or change the checks. Bytecode is written as usual (it is the checker's own, in its install):
# an install made without it (``uv pip install``) would otherwise compile the checker and the
# hidden tests in every worker. The executor alone never writes any, so no learner folder gets a cache.
JUDGE_ENV = {**ONE_BLAS_THREAD, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}


class ProtocolError(Exception):
    """A message that is not one of ours: a broken peer, or something writing where it should not."""


class ForeignMessage(ProtocolError):
    """A line without this session's token: written into our pipe by someone else. Skipped."""


@dataclass(frozen=True)
class CheckOptions:
    timeout: float = 10.0  # seconds of the learner's code for one exercise, all calls together
    call_timeout: float = 5.0  # one call, unless a hidden test asks for less
    load_timeout: float = 3.0  # running the top level of the learner's file
    memory_mb: int = DEFAULT_MEMORY_MB
    output_cap: int = 64 * 1024
    landlock: bool = True  # confine the learner's code where the kernel allows it
    grace: float = 10.0  # beyond the budget, for the judge's own work; then it is stopped


@dataclass(frozen=True)
class CheckRequest:
    id: int
    exercise: str
    file: str
    test_file: str
    rootdir: str
    options: CheckOptions = field(default_factory=CheckOptions)
    # Where the check's executors make their working folders. The runner makes it and removes it
    # after the check: a judge stopped mid-check (a newer save, a timeout) cannot clean up itself.
    scratch: str = ""


@dataclass(frozen=True)
class Ready:
    pid: int


@dataclass(frozen=True)
class Collecting:
    id: int  # the request whose exercise's hidden tests the worker imports before it answers


@dataclass(frozen=True)
class Started:
    id: int
    judge_pid: int


@dataclass(frozen=True)
class ExecutorStarted:
    pid: int


@dataclass(frozen=True)
class Verdict:
    id: int
    expected: int  # hidden tests collected for the exercise
    report: dict[str, Any]


@dataclass(frozen=True)
class NoVerdict:
    id: int
    reason: str  # a plain sentence: why the judge gave no verdict


@dataclass(frozen=True)
class WorkerFailed:
    error: str


Message = Union[CheckRequest, Ready, Collecting, Started, ExecutorStarted, Verdict, NoVerdict, WorkerFailed]
_TYPES: dict[str, type] = {cls.__name__: cls for cls in (CheckRequest, Ready, Collecting, Started, ExecutorStarted,
                                                          Verdict, NoVerdict, WorkerFailed)}


def encode(message: Message, token: str) -> str:
    return json.dumps({"type": type(message).__name__, "token": token, **asdict(message)}) + "\n"


def decode(line: str | bytes, token: str) -> Message:
    try:
        data = json.loads(line)
    except ValueError:
        raise ProtocolError(f"not a message: {line[:80]!r}") from None
    if not isinstance(data, dict):
        raise ProtocolError("a message must be a JSON object")
    if data.pop("token", None) != token:
        raise ForeignMessage("a message without this session's token")
    kind = _TYPES.get(str(data.pop("type", "")))
    if kind is None:
        raise ProtocolError(f"an unknown message type {data.get('type')!r}")
    names = {f.name for f in fields(kind)}
    if set(data) != names and not (kind is CheckRequest and set(data) <= names):
        raise ProtocolError(f"{kind.__name__} with fields {sorted(data)}, expected {sorted(names)}")
    if kind is CheckRequest and isinstance(data.get("options"), dict):
        data["options"] = CheckOptions(**data["options"])
    try:
        return kind(**data)
    except TypeError as exc:
        raise ProtocolError(f"a malformed {kind.__name__}: {exc}") from None
