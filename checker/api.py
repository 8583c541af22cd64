"""The small API a curriculum uses from the engine.

A curriculum's hidden tests receive the learner's code through the ``learner`` fixture (a
proxy, see ``checker.learner``) and signal outcomes by raising these exceptions. Nothing here
knows about any subject.
"""

from __future__ import annotations

from typing import Any


class CheckFailed(AssertionError):
    """A check failed; the message is written for the learner, not for a developer.

    ``picture`` optionally carries plain data for a picture of the failure (see
    ``checker.pictures``), made here in the judge from values the check already has.
    """

    def __init__(self, message: str = "", *, picture: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.picture = picture


class NotStarted(Exception):
    """The learner has not started this part yet (an answer still ``...``)."""


class MissingName(CheckFailed):
    """The learner's file does not define a name the checks need."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"Your file does not define `{name}`. Keep the name exactly as the exercise gives it."
        )
        self.name = name
