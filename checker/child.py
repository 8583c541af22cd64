"""Runs inside the checking process: loads the learner's file, runs its hidden tests, reports.

The same code runs in a child forked from the warm worker and in a fresh process started
for one check (``python -m checker.child``), so both paths report identically. The report
travels over its own pipe, never stdout: the learner's output cannot be mistaken for it,
and a process that ends early (``sys.exit``, ``os._exit``, a crash) simply has no report.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import traceback
import types
from pathlib import Path
from typing import Any

NOT_DONE_MARKER = "# I AM NOT DONE"
LEARNER_MODULE = "exercise"

# Set before numpy is imported: one BLAS thread keeps fork safe and lets a memory cap
# coexist with OpenBLAS; no third-party pytest plugins can slow or change the checks.
CHILD_ENV = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
    "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
}


def prepare_environment() -> None:
    os.environ.update(CHILD_ENV)
    sys.dont_write_bytecode = True


def pytest_args(test_files: list[str], rootdir: str) -> list[str]:
    return [
        *test_files,
        "--rootdir", rootdir,
        "-c", os.devnull,  # ignore any pytest config found around the learner's workspace
        "--noconftest",
        "--capture=no",
        "-p", "no:cacheprovider",
        "-p", "no:terminal",
        "-p", "no:unraisableexception",
        "-p", "no:threadexception",
        "-p", "no:faulthandler",
        "-p", "no:logging",
        "-p", "no:junitxml",
        "-p", "no:pastebin",
        "-p", "no:stepwise",
        "-p", "no:warnings",
        "-p", "no:doctest",
        "-W", "default",
    ]


# ------------------------------------------------------------------ describing exceptions


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # a learner's exception may refuse to print
        return "<exception that cannot be printed>"


def _learner_frames(tb: types.TracebackType | None, learner_file: str) -> list[traceback.FrameSummary]:
    return [f for f in traceback.extract_tb(tb) if f.filename == learner_file]


def describe_exception(exc: BaseException, learner_file: str) -> dict[str, Any]:
    """Outcome, message, learner-only traceback and line for an exception from a test."""
    from checker.api import CheckFailed, NotStarted

    frames = _learner_frames(exc.__traceback__, learner_file)
    line = frames[-1].lineno if frames else None
    trace = "".join(traceback.format_list(frames)) if frames else ""
    name = type(exc).__name__
    if isinstance(exc, NotStarted):
        return {"outcome": "not_started", "message": f"Not started: {_safe_str(exc)}.", "traceback": "", "line": None}
    if isinstance(exc, NotImplementedError) and frames:
        return {
            "outcome": "not_started",
            "message": f"`{frames[-1].name}` is not written yet: it still raises NotImplementedError.",
            "traceback": "",
            "line": line,
        }
    if isinstance(exc, CheckFailed):
        return {"outcome": "failed", "message": _safe_str(exc), "traceback": "", "line": None}
    if isinstance(exc, SystemExit):
        message = f"Your code called sys.exit({exc.code!r}) during the check; a check cannot pass that way."
    elif isinstance(exc, AssertionError) and not frames:
        message = _safe_str(exc) or "A check failed."
    elif frames:
        message = f"Your code raised {name}: {_safe_str(exc)}"
    else:
        message = f"The check could not use what your code returned: {name}: {_safe_str(exc)}"
    if trace:
        trace += f"{name}: {_safe_str(exc)}\n"
    return {"outcome": "failed", "message": message, "traceback": trace, "line": line}


# ------------------------------------------------------------------ loading the learner's file


def read_source(path: Path) -> tuple[bytes | None, dict[str, Any] | None]:
    try:
        return path.read_bytes(), None
    except IsADirectoryError:
        return None, _load_error(f"{path.name} is a folder, not a file.")
    except FileNotFoundError:
        return None, _load_error(f"{path.name} does not exist. `rlcheck reset` restores it.")
    except OSError as exc:
        return None, _load_error(f"{path.name} cannot be read: {exc.strerror}.")


def load_learner(path: Path, source: bytes) -> tuple[types.ModuleType | None, dict[str, Any]]:
    """Execute the learner's source as a module; never write or read a stale .pyc."""
    try:
        code = compile(source, str(path), "exec", dont_inherit=True)
    except SyntaxError as exc:  # includes IndentationError and undecodable bytes
        return None, _syntax_error(exc)
    except ValueError as exc:  # null bytes, on some Python versions
        return None, _load_error(f"{path.name} is not a Python source file: {exc}.")
    module = types.ModuleType(LEARNER_MODULE)
    module.__file__ = str(path)
    sys.modules[LEARNER_MODULE] = module
    try:
        exec(code, module.__dict__)
    except NotImplementedError:
        return module, {"status": "not_started", "message": "", "detail": "", "line": None}
    except BaseException as exc:  # the learner's top level may raise anything, SystemExit included
        info = describe_exception(exc, str(path))
        if isinstance(exc, (ImportError, ModuleNotFoundError)):
            message = f"Your file failed to import: {_safe_str(exc)}"
        elif isinstance(exc, SystemExit):
            message = f"Your file called sys.exit({exc.code!r}) while loading."
        else:
            message = f"Your file raised {type(exc).__name__} while loading: {_safe_str(exc)}"
        return None, _load_error(message, detail=info["traceback"], line=info["line"])
    marker = any(line.strip() == NOT_DONE_MARKER for line in source.decode("utf-8", "replace").splitlines())
    return module, {"status": "ok", "message": "", "detail": "", "line": None, "marker": marker}



def _load_error(message: str, detail: str = "", line: int | None = None) -> dict[str, Any]:
    return {"status": "error", "message": message, "detail": detail, "line": line}


def _syntax_error(exc: SyntaxError) -> dict[str, Any]:
    kind = type(exc).__name__
    where = f" on line {exc.lineno}" if exc.lineno else ""
    detail = ""
    if exc.text:
        text = exc.text.rstrip("\n")
        caret = " " * max((exc.offset or 1) - 1, 0) + "^"
        detail = f"{exc.lineno:>4} | {text}\n     | {caret}\n"
    return _load_error(f"{kind}{where}: {exc.msg}", detail=detail, line=exc.lineno)


# ------------------------------------------------------------------ the pytest side


def _learner_fixture_factory():
    import pytest
    from _pytest.reports import TestReport

    from checker.api import LearnerModule

    class ExercisePlugin:
        """Provides the ``learner`` fixture and records each hidden test's outcome."""

        def __init__(self) -> None:
            self.module: types.ModuleType | None = None
            self.learner_file = ""
            self.records: list[dict[str, Any]] = []
            self.collect_errors: list[str] = []

        @pytest.fixture
        def learner(self) -> LearnerModule:
            return LearnerModule(self.module)

        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_makereport(self, item, call):  # type: ignore[no-untyped-def]
            # Our own minimal report: pytest's default renders a long failure repr that
            # nobody reads here and that costs more than running the test.
            if call.when == "call" or (call.when == "setup" and call.excinfo is not None):
                self.records.append(self._record(item, call))
            outcome = "passed" if call.excinfo is None else "failed"
            return TestReport(item.nodeid, item.location, {}, outcome, None if outcome == "passed" else "see rlcheck report", call.when)

        def pytest_collectreport(self, report) -> None:  # type: ignore[no-untyped-def]
            if report.failed:
                self.collect_errors.append(str(report.longrepr))

        def _record(self, item, call) -> dict[str, Any]:  # type: ignore[no-untyped-def]
            name = test_name(item)
            if call.excinfo is None:
                return {"name": name, "outcome": "passed", "message": "", "traceback": "", "line": None}
            return {"name": name, **describe_exception(call.excinfo.value, self.learner_file)}

    return ExercisePlugin


def run_checks(
    plugin: Any, items: list[Any], learner_path: Path, limits: dict[str, Any], report_fd: int
) -> dict[str, Any]:
    """Load the learner's file and run ``items``; return the report. Runs in the child."""
    from checker.limits import apply_limits
    from checker.supervise import STARTED

    apply_limits(**limits)
    report: dict[str, Any] = {"tests": [], "collected": len(items), "aborted": None, "internal_error": None}
    if plugin.collect_errors:
        report["internal_error"] = "The hidden tests failed to load:\n" + "\n".join(plugin.collect_errors)
        return report
    os.write(report_fd, STARTED)
    source, problem = read_source(learner_path)
    if source is None:
        report["load"] = problem
        return report
    # The hash of exactly the bytes checked lets watch mode tell a stale verdict from a fresh one.
    report["source_sha256"] = hashlib.sha256(source).hexdigest()
    guarded = snapshot_checker()
    module, load = load_learner(learner_path, source)
    report["load"] = load
    if module is None or load["status"] != "ok":
        return report
    plugin.module = module
    plugin.learner_file = str(learner_path)
    try:
        for item in items:
            item.ihook.pytest_runtest_protocol(item=item, nextitem=None)
    except BaseException as exc:  # pytest lets KeyboardInterrupt and its own Exit through
        report["aborted"] = f"The checks stopped early: your code raised {type(exc).__name__}: {_safe_str(exc)}"
    report["tests"] = plugin.records
    changed = tampered(guarded)
    if changed:
        report["tests"] = []  # results judged by a patched judge mean nothing
        names = ", ".join(changed[:3]) + (f", and {len(changed) - 3} more" if len(changed) > 3 else "")
        report["aborted"] = (f"Your code replaced part of the checker or of a library it relies on "
                             f"({names}), so its verdict cannot be trusted. Remove that and save again.")
    return report


# The hidden tests compute their expected values after the learner's code has run, with
# whatever these modules hold by then; rebinding a name in them is tampering, like patching the
# checker itself. Names added later are fine (numpy imports submodules lazily).
GUARDED_LIBRARIES = ("builtins", "math", "numpy", "numpy.linalg", "numpy.random", "numpy.testing")

Snapshot = dict[str, tuple[types.ModuleType, dict[str, tuple[Any, Any]]]]


def _guarded(name: str) -> bool:
    return name == "checker" or name.startswith("checker.") or name in GUARDED_LIBRARIES


def _binding(value: Any) -> tuple[Any, Any]:
    # A function keeps its identity when its __code__ is swapped, so the code is part of the binding.
    return value, value.__code__ if isinstance(value, types.FunctionType) else None


def snapshot_checker() -> Snapshot:
    """The checker's modules and the libraries its tests rely on, with what their names are bound
    to, taken before learner code runs."""
    return {
        name: (module, {key: _binding(value) for key, value in vars(module).items()})
        for name, module in list(sys.modules.items())
        if _guarded(name) and isinstance(module, types.ModuleType)
    }


def tampered(guarded: Snapshot) -> list[str]:
    """Names the learner's code rebound in the guarded modules (patching the judge is no pass)."""
    changed = []
    for name, (module, before) in guarded.items():
        now = vars(module)
        for key, (value, code) in before.items():
            current, current_code = _binding(now.get(key, _MISSING))
            if current is not value or current_code is not code:
                changed.append(f"{name}.{key}")
    return changed


_MISSING = object()


def write_report(fd: int, report: dict[str, Any]) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # the learner may have closed or replaced the streams
            pass
    data = json.dumps(report, default=str).encode()
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.close(fd)


def test_name(item: Any) -> str:
    """The check's name as its author wrote it: the first line of the test's docstring, with
    ``{param}`` filled from its parameters; without a docstring, the function's name made
    readable, followed by the parameter id as written."""
    function = getattr(item, "function", None)
    doc = (getattr(function, "__doc__", None) or "").strip().splitlines()
    callspec = getattr(item, "callspec", None)
    params = dict(callspec.params) if callspec is not None else {}
    if doc:
        try:
            return doc[0].strip().rstrip(".").format(**params)
        except (KeyError, IndexError, ValueError):
            pass
    base = str(getattr(item, "originalname", item.name)).removeprefix("test_").replace("_", " ")
    return f"{base} ({callspec.id})" if callspec is not None else base


def exercise_of(item: Any) -> str:
    """The exercise a collected hidden test belongs to: test_<name>.py checks <name>."""
    return item.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")


def select_items(items: list[Any], exercise: str) -> list[Any]:
    return [i for i in items if exercise_of(i) == exercise]


# ------------------------------------------------------------------ a fresh process per check


def main(argv: list[str]) -> None:
    """``python -m checker.child REQUEST_JSON REPORT_FD``: one check in this process."""
    request = json.loads(argv[1])
    report_fd = int(argv[2])
    prepare_environment()
    import pytest

    plugin_class = _learner_fixture_factory()

    class OneShot(plugin_class):  # type: ignore[misc, valid-type]
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtestloop(self, session) -> bool:  # type: ignore[no-untyped-def]
            items = select_items(session.items, request["exercise"])
            report = run_checks(self, items, Path(request["file"]), request["limits"], report_fd)
            write_report(report_fd, report)
            os._exit(0)

    pytest.main(pytest_args([request["test_file"]], request["rootdir"]), plugins=[OneShot()])
    os._exit(70)  # only reached if pytest never got to the test loop: no report was written


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    main(sys.argv)
