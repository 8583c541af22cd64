"""Shared fixtures: a scratch workspace, the real CLI in a subprocess, direct checks of code."""

from __future__ import annotations

import compileall
import fcntl
import os
import pickle
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from checker.catalog import Course, load_course
from checker.blas import ONE_BLAS_THREAD
from checker.result import Result
from checker.runner import CheckOptions, Runner
from temporary import use_ram_if_possible

REPO = Path(__file__).resolve().parents[1]
TEMPORARY_FILES = pytest.StashKey[str]()  # where the suite's temporary files go, and why

# Before a test module imports numpy: the tests that compute in this process (pictures,
# diagnoses, references) take half the CPU without a BLAS thread pool spinning beside them.
os.environ.update(ONE_BLAS_THREAD)


def pytest_configure(config: pytest.Config) -> None:
    """Compile the checkout's modules once, as a plain pip install does at install time.

    The suite starts a few thousand Python processes (commands, workers, judges). Where
    PYTHONDONTWRITEBYTECODE is set, as on CI machines, no process writes bytecode, and each would
    compile the checker and every hidden test again. Reading bytecode is not affected by it.
    """
    if not hasattr(config, "workerinput"):  # once, in the process that starts xdist's workers
        for folder in (REPO / "checker", REPO / "tests" / "courses"):
            compileall.compile_dir(folder, quiet=1)
        config.stash[TEMPORARY_FILES] = use_ram_if_possible(bool(config.option.basetemp))
    # The same for the test modules: pytest caches their rewritten asserts as bytecode, unless
    # bytecode is off; then each xdist worker would rewrite all of them again at collection.
    sys.dont_write_bytecode = False


def pytest_report_header(config: pytest.Config) -> str:
    return f"temporary files: {config.stash.get(TEMPORARY_FILES, 'as the workers were told')}"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """One worker per core, and one more: many tests wait on a subprocess or a pseudo-terminal,
    and the extra worker uses a core while they wait (on 2 cores: 109 s against 125 s, and 4
    workers 119 s, measured one after the other)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores + 1


# The files that take longest (timeouts, pseudo-terminals, real installs), longest first. Each
# xdist worker takes a whole file at a time, in this order (pyproject: --dist loadfile
# --no-loadscope-reorder; by default xdist would order files by their number of tests, and a
# long file of few tests, started last, ran alone at the end). Other files follow in their order.
LONGEST_FIRST = ("test_hostile_runner.py", "test_watch.py", "test_hostile_watch.py", "test_package.py",
                 "test_cli.py", "test_attacks.py", "test_worker.py", "test_lower_bounds.py", "test_check_pictures.py",
                 "test_variants.py", "test_verify_ci.py", "test_show.py", "test_help.py", "test_curriculum.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: a file's own order stays


def rlcheck_command() -> list[str]:
    script = Path(sys.executable).parent / "rlcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker"]


def quiet_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"NO_COLOR": "1", "COLUMNS": "120", "TERM": "dumb", "PYTHONIOENCODING": "utf-8"})
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    env.update(extra)
    return env


@dataclass
class Completed:
    code: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout + self.stderr


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """What ``build`` makes in a fresh folder, made by the first xdist worker that asks; the others
    wait for it and share it (xdist's recipe for a fixture set up once per run). ``build`` returns
    a path inside the folder."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return build(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / name  # the run's folder, above each worker's
    with open(shared.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = shared.with_suffix(".made")
        if not made.exists():  # a build that failed left no mark: the next worker tries again
            shutil.rmtree(shared, ignore_errors=True)
            shared.mkdir()
            made.write_text(str(build(shared)))
        return Path(made.read_text())


@pytest.fixture(scope="session")
def junit_schema():
    """The Jenkins xunit JUnit schema: the consumer every JUnit report is validated against. Built
    in the xdist workers that run a test taking it, not at every worker's collection."""
    import xmlschema

    return xmlschema.XMLSchema(str(REPO / "tests" / "data" / "jenkins-xunit-junit-10.xsd"))


@pytest.fixture(scope="session")
def course() -> Course:
    return load_course()


@pytest.fixture(scope="session")
def _committed_stubs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stubs") / "ws"
    shutil.copytree(REPO / "exercises", root / "exercises")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "stubs"], cwd=root, check=True)
    # One pack instead of a loose file per object: each test copies this folder (half its files).
    subprocess.run(["git", "gc", "-q"], cwd=root, check=True)
    return root


@pytest.fixture
def workspace(tmp_path: Path, _committed_stubs: Path) -> Path:
    """A learner's clone: the stubs, committed to git as the course repository ships them."""
    root = tmp_path / "ws"
    shutil.copytree(_committed_stubs, root, symlinks=True)
    return root


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None,
            timeout: float = 180) -> Completed:
    """`rlcheck ARGS...` in a real subprocess."""
    proc = subprocess.run(
        [*rlcheck_command(), *args], cwd=cwd, env=env or quiet_env(), input=stdin,
        capture_output=True, text=True, timeout=timeout,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )
    return Completed(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli() -> Callable[..., Completed]:
    return run_cli


def solve(workspace: Path, exercise_path: str) -> None:
    shutil.copyfile(REPO / "solutions" / exercise_path, workspace / "exercises" / exercise_path)


@pytest.fixture(scope="session")
def warm_runner(course: Course):
    """One warm runner for the session (per xdist worker): a worker starts once, not per test."""
    with Runner(course, CheckOptions(), warm=True) as runner:
        yield runner


VARIANTS = Path(__file__).resolve().parent / "variants"


def variant_files() -> list[Path]:
    """The known-wrong and alternative-correct learner files (see test_variants)."""
    return sorted(p for p in VARIANTS.glob("*/*.py") if p.name.startswith(("wrong_", "right_")))


@pytest.fixture(scope="session")
def variant_results(tmp_path_factory: pytest.TempPathFactory, course: Course) -> dict[Path, Result]:
    """Every variant file checked once per run, through one warm worker as learners' files are;
    shared by the modules that read the verdicts (test_variants, test_check_pictures) and by the
    xdist workers (the results travel between them pickled: they are this suite's own objects)."""

    def check_all(folder: Path) -> Path:
        files = variant_files()
        with Runner(course, CheckOptions(timeout=10), warm=True) as runner:
            results = list(runner.check_many([(course.find(p.parent.name), p) for p in files]))
        (folder / "results.pickle").write_bytes(pickle.dumps(dict(zip(files, results))))
        return folder / "results.pickle"

    return pickle.loads(built_once(tmp_path_factory, "variants", check_all).read_bytes())


@pytest.fixture
def check_code(course: Course, tmp_path: Path, warm_runner: Runner) -> Callable[..., Result]:
    """Check a piece of learner code as the given exercise, through the real runner (cold: a fresh
    one; warm: the session's, with this call's time limit)."""

    def check(source: str | bytes, exercise: str = "bellman_iteration", warm: bool = False,
              timeout: float = 5.0) -> Result:
        target = tmp_path / "learner" / "exercise.py"
        target.parent.mkdir(exist_ok=True)
        if isinstance(source, str):
            target.write_text(textwrap.dedent(source), encoding="utf-8")
        else:
            target.write_bytes(source)
        if warm:
            warm_runner.options = CheckOptions(timeout=timeout)
            return warm_runner.check(course.find(exercise), target)
        with Runner(course, CheckOptions(timeout=timeout)) as runner:
            return runner.check(course.find(exercise), target)

    return check


# ------------------------------------------------------------------ watch screens without a terminal


@pytest.fixture
def context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """What the watch screen needs beyond its model: the course, with the learner's files under
    a scratch folder that is the working folder (so paths show as exercises/...)."""
    from checker.watch.screen import Context

    monkeypatch.chdir(tmp_path)
    course = load_course()
    paths = {e.name: tmp_path / "exercises" / e.path for e in course.exercises}
    return Context(course, paths, frozenset(e.name for e in course.exercises))


def screen(model, context) -> str:
    """One watch frame as plain text, drawn without colour at the model's width."""
    import io

    from rich.console import Console

    from checker.watch.screen import frame_text, render

    console = Console(width=model.size.columns, file=io.StringIO(), no_color=True)
    return frame_text(render(model, context, console))
