"""The course manifest as Exercise objects, and where the learner's workspace is.

The engine holds no course policy of its own: which kinds of exercise exist, how many hints
each needs and what the course says to welcome and to send off a learner all come from the
manifest's ``[course]`` table. ``RLCHECK_COURSE`` points the engine at another course (a folder
with ``info.toml``, its ``test_*.py`` files, ``exercises/`` and ``solutions/``).
"""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

FORMAT_VERSION = 1
PACKAGE_DIR = Path(__file__).resolve().parent
CURRICULUM_DIR = PACKAGE_DIR / "curriculum"
MANIFEST = CURRICULUM_DIR / "info.toml"


class ManifestError(Exception):
    """The manifest is malformed; the message names the entry and the field."""


class UnknownExercise(LookupError):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"There is no exercise called '{name}'.{hint} `rlcheck list` shows them all.")
        self.name = name
        self.suggestions = suggestions


class NoWorkspace(Exception):
    pass


@dataclass(frozen=True)
class Exercise:
    name: str
    path: str  # relative to the exercises folder, with forward slashes
    topic: str
    kind: str
    hints: tuple[str, ...]

    @property
    def test_module(self) -> str:
        return f"test_{self.name}"


@dataclass(frozen=True)
class CoursePolicy:
    """What a course decides and the engine enforces or says: from the manifest's [course] table."""

    name: str = "this course"
    kinds: tuple[str, ...] = ()  # allowed kinds of exercise; empty: any
    min_hints: int = 1
    welcome: str = ""  # said when a learner starts (init, and watch before the first pass)
    final: str = "All {total} exercises done."  # said when every exercise passes; {total} is filled in

    def final_message(self, total: int) -> str:
        try:
            return self.final.format(total=total)
        except (KeyError, IndexError, ValueError):
            return self.final


@dataclass(frozen=True)
class Course:
    exercises: tuple[Exercise, ...]
    curriculum_dir: Path  # the manifest and the hidden tests
    root: Path | None  # holds the course's exercises/ (stubs) and solutions/
    policy: CoursePolicy = field(default_factory=CoursePolicy)
    by_name: dict[str, Exercise] = field(repr=False, compare=False, default_factory=dict)

    @property
    def data_dir(self) -> Path | None:  # the name older code uses
        return self.root

    def find(self, name: str) -> Exercise:
        try:
            return self.by_name[name]
        except KeyError:
            close = difflib.get_close_matches(name, list(self.by_name), n=3, cutoff=0.5)
            close += [n for n in self.by_name if name in n and n not in close][:3]
            raise UnknownExercise(name, close[:3]) from None

    def index(self, exercise: Exercise) -> int:
        return self.exercises.index(exercise)

    def test_file(self, exercise: Exercise) -> Path:
        return self.curriculum_dir / f"{exercise.test_module}.py"

    @property
    def stubs_dir(self) -> Path | None:
        return self.data_dir / "exercises" if self.data_dir else None

    @property
    def solutions_dir(self) -> Path | None:
        return self.data_dir / "solutions" if self.data_dir else None

    @property
    def topics(self) -> list[str]:
        return list(dict.fromkeys(e.topic for e in self.exercises))


@dataclass(frozen=True)
class Workspace:
    root: Path
    exercises_dir: Path

    @property
    def state_path(self) -> Path:
        return self.root / ".rlcheck" / "state.json"

    @property
    def solutions_dir(self) -> Path:
        return self.root / "solutions"

    def file(self, exercise: Exercise) -> Path:
        return self.exercises_dir / exercise.path


def _require(entry: dict[str, Any], key: str, where: str, kind: type) -> Any:
    if key not in entry:
        raise ManifestError(f"{where}: missing field '{key}'")
    value = entry[key]
    if not isinstance(value, kind):
        raise ManifestError(f"{where}: field '{key}' should be a {kind.__name__}, not {type(value).__name__}")
    return value


def _parse_entry(entry: Any, where: str, policy: CoursePolicy) -> Exercise:
    if not isinstance(entry, dict):
        raise ManifestError(f"{where}: each [[exercises]] entry must be a table")
    name = _require(entry, "name", where, str)
    where = f"{where} ('{name}')"
    if not name.isidentifier():
        raise ManifestError(f"{where}: field 'name' must be a valid Python identifier")
    path = _require(entry, "path", where, str)
    if path.startswith("/") or ".." in Path(path).parts or not path.endswith(".py"):
        raise ManifestError(f"{where}: field 'path' must be a relative path to a .py file")
    kind = _require(entry, "kind", where, str)
    if policy.kinds and kind not in policy.kinds:
        raise ManifestError(f"{where}: field 'kind' is '{kind}', expected one of {', '.join(policy.kinds)}")
    hints = _require(entry, "hints", where, list)
    if len(hints) < policy.min_hints or not all(isinstance(h, str) and h.strip() for h in hints):
        many = "one non-empty string" if policy.min_hints <= 1 else f"at least {policy.min_hints} non-empty strings"
        raise ManifestError(f"{where}: field 'hints' needs {many} (the course's [course] min_hints)")
    unknown = set(entry) - {"name", "path", "topic", "kind", "hints"}
    if unknown:
        raise ManifestError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    topic = _require(entry, "topic", where, str)
    return Exercise(name=name, path=path, topic=topic, kind=kind, hints=tuple(hints))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ManifestError(f"{path}: the manifest file is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{path}: not valid TOML: {exc}") from None


def _policy(data: dict[str, Any], where: str) -> CoursePolicy:
    table = data.get("course", {})
    if not isinstance(table, dict):
        raise ManifestError(f"{where}: [course] must be a table")
    unknown = set(table) - {"name", "kinds", "min_hints", "welcome", "final"}
    if unknown:
        raise ManifestError(f"{where}: [course] has unknown field(s) {', '.join(sorted(unknown))}")
    kinds = table.get("kinds", [])
    if not isinstance(kinds, list) or not all(isinstance(k, str) and k for k in kinds):
        raise ManifestError(f"{where}: [course] field 'kinds' should be a list of names")
    min_hints = table.get("min_hints", 1)
    if type(min_hints) is not int or min_hints < 0:
        raise ManifestError(f"{where}: [course] field 'min_hints' should be a whole number, 0 or more")
    texts = {k: table.get(k, getattr(CoursePolicy, k)) for k in ("name", "welcome", "final")}
    for key, value in texts.items():
        if not isinstance(value, str):
            raise ManifestError(f"{where}: [course] field '{key}' should be a string")
    return CoursePolicy(kinds=tuple(kinds), min_hints=min_hints, **texts)


def read_manifest(path: Path) -> tuple[CoursePolicy, tuple[Exercise, ...]]:
    """The course's policy and its exercises, in order; a ManifestError names what is wrong."""
    data = _read_toml(path)
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise ManifestError(f"{path}: 'format_version' is {version!r}, this rlcheck reads version {FORMAT_VERSION}")
    policy = _policy(data, path.name)
    entries = data.get("exercises", [])
    if not isinstance(entries, list):
        raise ManifestError(f"{path.name}: 'exercises' must be an array of tables ([[exercises]])")
    exercises: list[Exercise] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(entries, start=1):
        exercise = _parse_entry(entry, f"{path.name}: exercise #{i}", policy)
        if exercise.name in seen:
            raise ManifestError(f"{path.name}: exercise #{i}: name '{exercise.name}' is used twice")
        if exercise.path in seen.values():
            raise ManifestError(f"{path.name}: exercise #{i} ('{exercise.name}'): path '{exercise.path}' is used twice")
        seen[exercise.name] = exercise.path
        exercises.append(exercise)
    if not exercises:
        raise ManifestError(f"{path}: the manifest lists no exercises")
    return policy, tuple(exercises)


def parse_manifest(path: Path) -> tuple[Exercise, ...]:
    return read_manifest(path)[1]


def course_root(manifest: Path) -> Path | None:
    """Where a course's stubs and solutions are: beside its manifest, inside the wheel (the
    built-in course), or the source checkout."""
    candidates = [manifest.parent]
    if manifest.parent == CURRICULUM_DIR:
        candidates += [PACKAGE_DIR / "_course", PACKAGE_DIR.parent]
    for folder in candidates:
        if (folder / "exercises").is_dir() and (folder / "solutions").is_dir():
            return folder
    return None


def chosen_manifest() -> Path:
    """The course to use: ``RLCHECK_COURSE`` (a course folder or its info.toml), else the built-in."""
    chosen = os.environ.get("RLCHECK_COURSE", "").strip()
    if not chosen:
        return MANIFEST
    path = Path(chosen).expanduser().resolve()
    return path / "info.toml" if path.is_dir() else path


def load_course(manifest: Path | None = None) -> Course:
    # Absolute: the checker's processes start in folders of their own, where a relative path
    # would name nothing.
    manifest = (manifest or chosen_manifest()).resolve()
    policy, exercises = read_manifest(manifest)
    return Course(
        exercises=exercises,
        curriculum_dir=manifest.parent,
        root=course_root(manifest),
        policy=policy,
        by_name={e.name: e for e in exercises},
    )


def find_workspace(course: Course, start: Path | None = None) -> Workspace:
    """The nearest folder at or above ``start`` whose exercises/ holds this course's files."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "exercises"
        if candidate.is_dir() and any((candidate / e.path).exists() for e in course.exercises):
            return Workspace(root=folder, exercises_dir=candidate)
    raise NoWorkspace(
        f"No rlcheck workspace found at or above {here}. "
        "Run `rlcheck init DIR` to create one, or cd into the folder that holds exercises/."
    )


def workspace_for_dir(exercises_dir: Path) -> Workspace:
    """A workspace around an explicit exercises folder (``--exercises-dir``)."""
    folder = exercises_dir.resolve()
    if not folder.is_dir():
        raise NoWorkspace(f"{exercises_dir} is not a folder.")
    return Workspace(root=folder.parent, exercises_dir=folder)
