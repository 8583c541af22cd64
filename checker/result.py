"""What a check produces: one Result per exercise, one TestResult per hidden test."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Status(str, Enum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_STARTED = "not_started"
    ERROR = "error"  # the file does not load: syntax error, import error, ...
    TIMEOUT = "timeout"
    CRASHED = "crashed"  # the checking process died or ended without a report

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass
class CallRecord:
    """One thing a hidden test asked of the learner's code: a call, an attribute read, the load."""

    what: str  # e.g. "bellman_iteration([0, 0, 0], [1, 2, 3], P (3x3), 0.9)", "V_A", "loading your file"
    output: str = ""  # what the learner's code printed during it (capped)
    output_truncated: bool = False
    duration: float = 0.0


@dataclass
class TestResult:
    __test__ = False  # not a pytest test class, despite the name

    name: str  # written by the test author: the test's docstring, or its name made readable
    outcome: str  # passed | failed | not_started | error
    message: str = ""
    traceback: str = ""
    line: int | None = None  # the learner's line most worth pointing at for this test
    test_code: str = ""  # the call or answer line the test makes, e.g. "gae([1, 0], [0.5, 0.2], 0.9, 0.95)"
    calls: list[CallRecord] = field(default_factory=list)  # in order; the last one is the failing call
    picture: dict[str, Any] | None = None  # data for a picture of the failure (kind + values), if the check gave one

    @property
    def failing_call(self) -> CallRecord | None:
        return self.calls[-1] if self.calls and self.outcome != "passed" else None


@dataclass
class Result:
    exercise: str
    file: str
    status: Status
    summary: str
    tests: list[TestResult] = field(default_factory=list)
    detail: str = ""  # a longer explanation: a traceback, the offending source line
    line: int | None = None  # the learner's line most worth pointing at
    output: str = ""  # everything the learner's code printed, in order (capped)
    output_truncated: bool = False
    load_output: str = ""  # what the file printed while it loaded (top-level prints), part of ``output``
    duration: float = 0.0
    source_sha256: str | None = None  # the content that was checked, as the child read it
    isolation: str = ""  # the confinement in force, e.g. "landlock ABI 7" or "none (no Landlock in this kernel)"

    @property
    def passed(self) -> bool:
        return self.status is Status.PASSED

    @property
    def first_failure(self) -> TestResult | None:
        return next((t for t in self.tests if t.outcome not in ("passed",)), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        return data
