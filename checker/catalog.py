"""The course manifest as Exercise objects, and where the learner's workspace is."""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

KINDS = ("implement", "answer", "fix", "choice", "order")
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
class Course:
    exercises: tuple[Exercise, ...]
    curriculum_dir: Path
    data_dir: Path | None  # holds the shipped exercises/ and solutions/
    by_name: dict[str, Exercise] = field(repr=False, compare=False, default_factory=dict)

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


def _parse_entry(entry: Any, where: str) -> Exercise:
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
    if kind not in KINDS:
        raise ManifestError(f"{where}: field 'kind' is '{kind}', expected one of {', '.join(KINDS)}")
    hints = _require(entry, "hints", where, list)
    if len(hints) < 2 or not all(isinstance(h, str) and h.strip() for h in hints):
        raise ManifestError(f"{where}: field 'hints' needs at least two non-empty strings (a nudge, then the method)")
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


def parse_manifest(path: Path) -> tuple[Exercise, ...]:
    data = _read_toml(path)
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise ManifestError(f"{path}: 'format_version' is {version!r}, this rlcheck reads version {FORMAT_VERSION}")
    entries = data.get("exercises", [])
    if not isinstance(entries, list):
        raise ManifestError(f"{path.name}: 'exercises' must be an array of tables ([[exercises]])")
    exercises: list[Exercise] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(entries, start=1):
        exercise = _parse_entry(entry, f"{path.name}: exercise #{i}")
        if exercise.name in seen:
            raise ManifestError(f"{path.name}: exercise #{i}: name '{exercise.name}' is used twice")
        if exercise.path in seen.values():
            raise ManifestError(f"{path.name}: exercise #{i} ('{exercise.name}'): path '{exercise.path}' is used twice")
        seen[exercise.name] = exercise.path
        exercises.append(exercise)
    if not exercises:
        raise ManifestError(f"{path}: the manifest lists no exercises")
    return tuple(exercises)


def course_data_dir() -> Path | None:
    """Where the shipped stubs and solutions are: inside the wheel, or the source checkout."""
    packaged = PACKAGE_DIR / "_course"
    if packaged.is_dir():
        return packaged
    checkout = PACKAGE_DIR.parent
    if (checkout / "exercises").is_dir() and (checkout / "solutions").is_dir():
        return checkout
    return None


def load_course(manifest: Path = MANIFEST) -> Course:
    exercises = parse_manifest(manifest)
    return Course(
        exercises=exercises,
        curriculum_dir=manifest.parent,
        data_dir=course_data_dir(),
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
