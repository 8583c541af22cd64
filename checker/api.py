"""The small API a curriculum uses from the engine.

A curriculum's hidden tests receive the learner's module through the ``learner`` fixture
and signal outcomes by raising these exceptions. Nothing here knows about any subject.
"""

from __future__ import annotations


class CheckFailed(AssertionError):
    """A check failed; the message is written for the learner, not for a developer."""


class NotStarted(Exception):
    """The learner has not started this part yet (an answer still ``...``)."""


class MissingName(CheckFailed):
    """The learner's file does not define a name the checks need."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"Your file does not define `{name}`. Keep the name exactly as the exercise gives it."
        )
        self.name = name


class LearnerModule:
    """Read-only view of the learner's module for hidden tests.

    A missing attribute becomes a learner-readable failure instead of an AttributeError
    that would point into the checker.
    """

    __slots__ = ("_module",)

    def __init__(self, module: object) -> None:
        object.__setattr__(self, "_module", module)

    def __getattr__(self, name: str) -> object:
        try:
            return getattr(self._module, name)
        except AttributeError:
            raise MissingName(name) from None

    def has(self, name: str) -> bool:
        return hasattr(self._module, name)
