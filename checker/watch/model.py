"""Watch mode's one state type and the effects its transitions ask for, as plain data.

The model is everything the screen shows and the machine decides from; effects are what the
loop must do (run a check, record a pass, ...). Both are frozen dataclasses, so a transition
can only make a new model, and tests compare them whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Union

from checker.result import Result

MAX_NOTES = 3


# ------------------------------------------------------------------ the model


@dataclass(frozen=True)
class Size:
    columns: int = 80
    rows: int = 24


@dataclass(frozen=True)
class Verdict:
    """The normal screen: the current exercise's verdict."""


@dataclass(frozen=True)
class Picker:
    """The list of exercises: a cursor, the digits typed so far, a complaint about the last number."""

    selected: int
    typed: str = ""
    error: str = ""


@dataclass(frozen=True)
class Grid:
    """Check-all's results; stays until a key or a save."""

    results: tuple[Result, ...]


@dataclass(frozen=True)
class Detail:
    """One failing check in full, with all of its call's output, scrolled to a line."""

    scroll: int = 0


@dataclass(frozen=True)
class Diff:
    """The learner's file against the reference."""

    exercise: str
    lines: tuple[str, ...]
    scroll: int = 0


@dataclass(frozen=True)
class Picture:
    """The failing check's picture, full size: all of it that fits (``frame`` None), or one frame.

    ``revealed``: the learner asked to see a picture that shows the answer.
    """

    frame: int | None = None
    revealed: bool = False


View = Union[Verdict, Picker, Grid, Detail, Diff, Picture]


@dataclass(frozen=True)
class CheckingOne:
    digest: str | None  # the content being checked; None until the loop has read it
    slow: bool = False  # long enough to say so on screen


@dataclass(frozen=True)
class CheckingAll:
    done: int
    total: int


@dataclass(frozen=True)
class Banner:
    """A pass just happened: of ``passed``; ``following`` is where watch moved on to, if it did."""

    passed: str
    following: str | None = None
    all_done: bool = False


@dataclass(frozen=True)
class Model:
    names: tuple[str, ...]
    current: str
    done: frozenset[str] = frozenset()
    manual: bool = False
    size: Size = Size()
    view: View = Verdict()
    result: Result | None = None
    checking: CheckingOne | CheckingAll | None = None
    reviewing: bool = False  # the exercise had passed when the learner came to it: no moving on
    selected: int = 0  # which failing check is shown in full
    banner: Banner | None = None
    hint: int | None = None  # index of the hint shown for the current exercise
    notes: tuple[str, ...] = ()
    welcome: str = ""  # the course's welcome, shown until the first save
    flash: str = ""  # a one-off sentence, gone at the next key
    verdicts: Mapping[str, Result] = field(default_factory=dict)  # the last verdict of each exercise

    @property
    def index(self) -> int:
        return self.names.index(self.current)

    @property
    def latest_digest(self) -> str | None:
        """The content of the check running now, or else of the verdict on screen."""
        if isinstance(self.checking, CheckingOne):
            return self.checking.digest
        return self.result.source_sha256 if self.result is not None else None


# ------------------------------------------------------------------ effects


@dataclass(frozen=True)
class RunCheck:
    exercise: str


@dataclass(frozen=True)
class RunCheckAll:
    pass


@dataclass(frozen=True)
class Record:
    exercise: str
    result: Result


@dataclass(frozen=True)
class RecordAll:
    results: tuple[Result, ...]


@dataclass(frozen=True)
class SetCurrent:
    exercise: str


@dataclass(frozen=True)
class TakeHint:
    exercise: str


@dataclass(frozen=True)
class RevealSolution:
    exercise: str


@dataclass(frozen=True)
class LoadDiff:
    exercise: str


@dataclass(frozen=True)
class Exit:
    pass


Effect = Union[RunCheck, RunCheckAll, Record, RecordAll, SetCurrent, TakeHint, RevealSolution, LoadDiff, Exit]
Step = tuple[Model, tuple[Effect, ...]]
