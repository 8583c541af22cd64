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
class TestResult:
    __test__ = False  # not a pytest test class, despite the name

    name: str
    outcome: str  # passed | failed | not_started | error
    message: str = ""
    traceback: str = ""
    line: int | None = None


@dataclass
class Result:
    exercise: str
    file: str
    status: Status
    summary: str
    tests: list[TestResult] = field(default_factory=list)
    detail: str = ""  # a longer explanation: a traceback, the offending source line
    line: int | None = None  # the learner's line most worth pointing at
    output: str = ""
    output_truncated: bool = False
    duration: float = 0.0
    source_sha256: str | None = None  # the content that was checked, as the child read it

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
