"""Hostile, broken and lying learner code through the real runner, on the cold and warm paths.

Every case ends in a verdict the learner can act on and never in a false ``passed``; afterwards
the same runner (warm: the same worker process) still checks a correct file. The attacks of
issue 11 (a lying value, a rewritten install, an injected pipe, a lingering process, a stopped
parent) run with Landlock and with it turned off. The section "Documented limits" at the end
pins down what docs/security.md says the checker does NOT guarantee, so that the document stays
true.
"""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import sys
import tempfile
import textwrap
import time
import unicodedata
from dataclasses import replace
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker import ui
from checker.catalog import Course
from checker.sandbox import MAX_FILE_BYTES, MAX_OPEN_FILES
from checker.report import Entry, github_annotations, junit_xml
from checker.result import Result, Status
from checker.runner import CheckOptions, Runner
from checker.sandbox import landlock_abi
from conftest import quiet_env, solve

GOOD = """
import numpy as np

def bellman_iteration(V, R, P, gamma):
    return np.asarray(R, float) + gamma * np.asarray(P, float) @ np.asarray(V, float)
"""
# The checks recognise this mistake by name, so a message that contains it came from a real comparison.
WRONG = "def bellman_iteration(V, R, P, gamma):\n    return V\n"
WRONG_MESSAGE = "This looks like the old values returned unchanged."

HAS_PROC = Path("/proc/self/stat").exists()
LANDLOCK_ABI = landlock_abi()[0]
needs_landlock = pytest.mark.skipif(not LANDLOCK_ABI, reason="this kernel has no Landlock")
needs_proc = pytest.mark.skipif(not HAS_PROC, reason="reads process states from /proc (Linux)")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals, fork and resource limits")


class Session:
    """One Runner kept for the whole module, so each test can check that it survived."""

    def __init__(self, course: Course, folder: Path, warm: bool, landlock: bool = True) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.course = course
        self.file = folder / "exercise.py"
        self.warm = warm
        self.landlock = landlock
        self.runner = Runner(course, self.options(2.0), warm=warm)

    def options(self, timeout: float) -> CheckOptions:
        # A short grace keeps the tests of stopped or stuck processes quick.
        return CheckOptions(timeout=timeout, landlock=self.landlock, grace=2.0)

    @property
    def worker_pid(self) -> int | None:
        worker = self.runner._worker  # the engine keeps no public handle on its worker
        return worker.pid if worker is not None else None

    def check(self, source: str | bytes, timeout: float = 2.0, exercise: str = "bellman_iteration",
              grace: float | None = None) -> Result:
        if isinstance(source, str):
            self.file.write_text(textwrap.dedent(source), encoding="utf-8")
        else:
            self.file.write_bytes(source)
        self.runner.options = self.options(timeout)
        if grace is not None:
            self.runner.options = replace(self.runner.options, grace=grace)
        self.runner.start()
        return self.runner.check(self.course.find(exercise), self.file)

    def assert_unharmed(self, same_worker: bool = True) -> None:
        """Warm: a correct file still passes, with the same worker process (unless the attack
        could reach the worker: then a replaced worker is the honest outcome). Cold: every check
        is a fresh process, nothing to harm."""
        if not self.warm:
            return
        pid = self.worker_pid
        result = self.check(GOOD)
        assert result.status is Status.PASSED, f"a correct file no longer passes: {result.summary}"
        if self.warm and same_worker:
            assert self.worker_pid == pid, "the warm worker died or was replaced"


@pytest.fixture(scope="module")
def sessions(course, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    made = {
        (warm, landlock): Session(course, folder / f"{'warm' if warm else 'cold'}-{landlock}", warm, landlock)
        for warm in (False, True) for landlock in (True, False)
    }
    yield made
    for session in made.values():
        session.runner.close()


@pytest.fixture(params=[False, True], ids=["cold", "warm"])
def session(request, sessions) -> Session:
    return sessions[request.param, True]


@pytest.fixture
def warm(sessions) -> Session:
    """For what does not depend on how processes start (values, messages, what the screen shows):
    the judge and the executor run the same code on both paths, and the cold path is covered by
    the process-level tests that take ``session``."""
    return sessions[True, True]


@pytest.fixture(params=[True, False], ids=["landlock", "unconfined"])
def warm_either(request, sessions) -> Session:
    """The warm path with Landlock and with it turned off."""
    return sessions[True, request.param]


@pytest.fixture(params=[(False, True), (True, True), (False, False), (True, False)],
                ids=["cold-landlock", "warm-landlock", "cold-unconfined", "warm-unconfined"])
def any_session(request, sessions) -> Session:
    """Both paths, with Landlock and with it turned off (as on a kernel without it)."""
    return sessions[request.param]


def message_of(result: Result) -> str:
    first = result.first_failure
    return first.message if first is not None else ""


def process_state(pid: int) -> str | None:
    """The kernel's one-letter state of ``pid`` (R, S, Z, ...), or None when there is no such process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return text.rsplit(")", 1)[1].split()[0]


def still_running(pids: list[int], within: float = 3.0) -> list[int]:
    """The pids that are still running after ``within`` seconds. A zombie is dead: it only waits to
    be reaped by init, which in some containers never happens."""
    deadline = time.monotonic() + within
    while True:
        running = [p for p in pids if process_state(p) not in (None, "Z", "X")]
        if not running or time.monotonic() > deadline:
            return running
        time.sleep(0.05)


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def read_pids(path: Path) -> list[int]:
    return [int(line) for line in path.read_text().split()] if path.exists() else []


# ------------------------------------------------------------------ code that never finishes


@posix_only
@pytest.mark.parametrize("code", [
    "while True:\n    pass\n",
    "def bellman_iteration(V, R, P, gamma):\n    while True:\n        pass\n",
    "import time\ntime.sleep(3600)\n",
    "import time\ndef bellman_iteration(V, R, P, gamma):\n    time.sleep(3600)\n",
], ids=["loop-at-import", "loop-in-function", "sleep-at-import", "sleep-in-function"])
def test_code_that_never_finishes_times_out(session, code):
    result = session.check(code, timeout=0.5)
    assert result.status is Status.TIMEOUT
    expected = "still running after 0.5 s" if "def " not in code else "(0.5 s) ran out"
    assert expected in result.summary
    assert result.duration < 3.0, "the wall clock did not stop the check in time"
    session.assert_unharmed()


@posix_only
def test_recursion_bomb_in_python_is_stopped(session):
    code = """
    import sys
    sys.setrecursionlimit(10**6)

    def deeper(n):
        return deeper(n + 1) + 1

    def bellman_iteration(V, R, P, gamma):
        return deeper(0)
    """
    result = session.check(code, timeout=0.5)
    assert result.status in (Status.FAILED, Status.CRASHED, Status.TIMEOUT), result.summary
    assert result.summary
    assert result.duration < 3.0
    session.assert_unharmed()


@posix_only
def test_recursion_bomb_through_c_crashes_the_child_only(session):
    # Recursion through a C slot (__getattr__) uses the C stack: with a huge recursion limit the
    # interpreter overflows it and dies of SIGSEGV (Python >= 3.12 raises RecursionError instead).
    code = """
    import sys
    sys.setrecursionlimit(10**6)

    class Bottomless:
        def __getattr__(self, name):
            return getattr(self, name)

    def bellman_iteration(V, R, P, gamma):
        return Bottomless().values
    """
    result = session.check(code)
    assert result.status in (Status.CRASHED, Status.FAILED), result.summary
    if result.status is Status.CRASHED:
        assert "segmentation fault" in result.summary + message_of(result)
    else:
        assert "RecursionError" in message_of(result)
    session.assert_unharmed()


# ------------------------------------------------------------------ exits, signals and crashes


# A Python-level exit (sys.exit, KeyboardInterrupt) is caught in the executor and comes back as a
# reply like any other, on both paths alike. A process that dies is seen by whoever started it
# (the cold judge or the zygote), so those take both paths. Each runs at import and in a call.
IN_A_CALL = "def bellman_iteration(V, R, P, gamma):\n    {}\n"


@pytest.mark.parametrize("code, status, text", [
    ("import sys; sys.exit(0)", Status.ERROR, "Your file called sys.exit(0) while loading."),
    ("import sys; sys.exit(1)", Status.ERROR, "Your file called sys.exit(1) while loading."),
    ("raise SystemExit", Status.ERROR, "Your file called sys.exit(None) while loading."),
    ("raise KeyboardInterrupt", Status.ERROR, "Your file raised KeyboardInterrupt while loading"),
    (IN_A_CALL.format("import sys; sys.exit(0)"), Status.FAILED, "Your code called sys.exit(0) during the check"),
    (IN_A_CALL.format("raise SystemExit"), Status.FAILED, "Your code called sys.exit(None) during the check"),
    (IN_A_CALL.format("raise KeyboardInterrupt"), Status.FAILED, "Your code raised KeyboardInterrupt"),
], ids=["sys.exit(0)", "sys.exit(1)", "raise-SystemExit", "KeyboardInterrupt",
        "call-sys.exit(0)", "call-raise-SystemExit", "call-KeyboardInterrupt"])
def test_leaving_is_never_a_pass(warm, code, status, text):
    result = warm.check(code + "\n")
    assert result.status is status, result.summary
    assert text in result.summary + "\n" + message_of(result)
    warm.assert_unharmed()


@posix_only
@pytest.mark.parametrize("code, text", [
    ("import os; os._exit(0)", "ended with exit code 0 (does your code call sys.exit() or os._exit()?) while loading"),
    ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "was killed"),
    ("import ctypes; ctypes.string_at(0)", "segmentation fault"),
    (IN_A_CALL.format("import os; os._exit(0)"),
     "ended with exit code 0 (does your code call sys.exit() or os._exit()?) during `bellman_iteration`"),
    (IN_A_CALL.format("import os, signal; os.kill(os.getpid(), signal.SIGKILL)"), "was killed"),
    (IN_A_CALL.format("import ctypes; ctypes.string_at(0)"), "segmentation fault"),
], ids=["os._exit(0)", "SIGKILL-self", "segfault", "call-os._exit(0)", "call-SIGKILL-self", "call-segfault"])
def test_dying_is_never_a_pass(session, code, text):
    result = session.check(code + "\n")
    assert result.status is Status.CRASHED, result.summary
    assert text in result.summary + "\n" + message_of(result)
    session.assert_unharmed()


def test_breakpoint_and_input_do_not_hang(session):
    result = session.check("def bellman_iteration(V, R, P, gamma):\n    breakpoint()\n    return V\n")
    assert result.status is Status.FAILED, result.summary
    assert result.duration < 2.0
    assert WRONG_MESSAGE in message_of(result)  # pdb reads EOF from /dev/null and the call goes on
    result = session.check("name = input('name? ')\n")
    assert result.status is Status.ERROR
    assert "EOFError" in result.summary
    assert "name? " in result.output
    session.assert_unharmed()


# ------------------------------------------------------------------ memory and output


@posix_only
@pytest.mark.parametrize("code, status", [
    ("import numpy as np\ndef bellman_iteration(V, R, P, gamma):\n    big = np.ones((20 * 2**30,), dtype=np.uint8)\n    return V\n",
     Status.FAILED),
    ("big = bytearray(20 * 2**30)\n", Status.ERROR),
], ids=["numpy-20GB-in-function", "bytearray-20GB-at-import"])
def test_allocating_20_gb_is_a_memory_error(session, code, status):
    result = session.check(code)
    assert result.status is status, result.summary
    assert "MemoryError" in result.summary + message_of(result)
    session.assert_unharmed()


@pytest.mark.parametrize("body, status", [(GOOD, Status.PASSED), (WRONG, Status.FAILED)], ids=["correct", "wrong"])
def test_fifty_megabytes_of_output_is_capped_and_the_verdict_stands(warm, body, status):
    # The judge's reader caps what any executor writes: the same code on both paths.
    session = warm
    code = "import sys\nsys.stdout.write('x' * (50 * 2**20))\nsys.stdout.flush()\n" + textwrap.dedent(body)
    result = session.check(code)
    assert result.status is status, result.summary
    if status is Status.FAILED:
        assert WRONG_MESSAGE in message_of(result)
    cap = CheckOptions().output_cap
    assert result.output_truncated
    assert 0 < len(result.output) <= cap
    assert set(result.output) == {"x"}
    session.assert_unharmed()


# ------------------------------------------------------------------ what reaches the screen


GARBAGE_OUTPUT = """
import sys
sys.stdout.buffer.write(bytes(range(256)))
sys.stdout.flush()
print("\\x1b[2J\\x1b[31mRED\\x1b]0;pwned\\x07 \\x9b31m \\u202eevil")

def bellman_iteration(V, R, P, gamma):
    raise ValueError("\\x1b[5mblink\\x1b[0m")
"""
GARBAGE_SUMMARY = 'raise RuntimeError("\\x1b]0;pwned\\x07 title")\n'
GARBAGE_SYNTAX = b'x = = "\x1b[2J\x1b[31m"\n'


def rendered(result: Result) -> str:
    console = ui.make_console(file=io.StringIO(), width=200, color_system=None)
    console.print(ui.render_result(result))
    console.print(ui.results_table([result], {"bellman_iteration": "bellman"}))
    return console.file.getvalue()


@pytest.mark.parametrize("code, status, visible", [
    (GARBAGE_OUTPUT, Status.FAILED, ["\\x1b[2J", "\\x1b]0;pwned\\x07", "\\x9b", "\\u202e", "\\x1b[5mblink", "\\x00\\x01"]),
    (GARBAGE_SUMMARY, Status.ERROR, ["\\x1b]0;pwned\\x07 title"]),
    (GARBAGE_SYNTAX, Status.ERROR, ["\\x1b[2J\\x1b[31m"]),
], ids=["output-and-messages", "load-error-summary", "syntax-error-line"])
def test_escape_sequences_and_binary_output_are_shown_escaped(warm, code, status, visible):
    result = warm.check(code)
    assert result.status is status, result.summary
    text = rendered(result)
    raw = sorted({repr(ch) for ch in text if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf")})
    assert not raw, f"control characters reached the screen: {raw}"
    for needle in visible:
        assert needle in text
    warm.assert_unharmed()


def test_junit_report_stays_well_formed_with_binary_output(warm):
    result = warm.check(GARBAGE_OUTPUT)
    assert result.status is Status.FAILED
    ET.fromstring(junit_xml([Entry(result, "bellman", "exercises/01_bellman/bellman_iteration.py")]))


def test_github_annotations_carry_no_raw_escape_sequences(warm):
    result = warm.check(GARBAGE_OUTPUT)
    assert result.status is Status.FAILED
    lines = github_annotations([Entry(result, "bellman", "exercises/01_bellman/bellman_iteration.py")])
    assert lines and "blink" in lines[0]
    assert not any("\x1b" in line for line in lines)


# ------------------------------------------------------------------ files that do not load


@pytest.mark.parametrize("code, status, text", [
    ("def bellman_iteration(V, R, P, gamma)\n    return V\n", Status.ERROR, "SyntaxError on line 1"),
    ("def bellman_iteration(V, R, P, gamma):\nreturn V\n", Status.ERROR, "IndentationError on line 2"),
    ("import numpy_that_does_not_exist\n", Status.ERROR, "Your file failed to import: No module named 'numpy_that_does_not_exist'"),
    (b'x = "caf\xe9"\n', Status.ERROR, "can't decode byte 0xe9"),
    (b"x = 1\x00\n", Status.ERROR, "null bytes"),
    ("", Status.FAILED, "Your file does not define `bellman_iteration`"),
], ids=["syntax-error", "indentation-error", "missing-module", "not-utf8", "null-byte", "empty-file"])
def test_files_that_do_not_load(warm, code, status, text):
    result = warm.check(code)
    assert result.status is status, result.summary
    assert text in result.summary + "\n" + message_of(result)
    warm.assert_unharmed()


@pytest.mark.parametrize("what", ["deleted", "directory"])
def test_a_missing_file_or_a_folder_in_its_place(warm, what):
    session = warm  # the runner reads the file before any process starts
    session.check(WRONG)
    session.file.unlink()
    if what == "directory":
        session.file.mkdir()
    try:
        result = session.runner.check(session.course.find("bellman_iteration"), session.file)
    finally:
        if session.file.is_dir():
            session.file.rmdir()
    assert result.status is Status.ERROR
    expected = "is a folder, not a regular file" if what == "directory" else "does not exist"
    assert f"exercise.py {expected}. `rlcheck reset bellman_iteration` restores the original." == result.summary
    session.assert_unharmed()


# ------------------------------------------------------------------ lying values
# The learner's code runs in another process; its values reach the judge as plain data (JSON and
# numpy's own array format), so an object cannot lie about equality, conversion or its type, and
# patching anything in its own process changes nothing in the judge's.


LIAR_EQ = """
class Liar:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = object.__hash__

def bellman_iteration(V, R, P, gamma):
    return Liar()
"""
LIAR_ARRAY = """
import numpy as np

class Lie(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), bool)
    def __ne__(self, other):
        return np.zeros(np.shape(other), bool)
    def tolist(self):
        return [10.0, 2.0, 5.0]
    def __array__(self, dtype=None, copy=None):
        return np.array([10.0, 2.0, 5.0])
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return True
    def __array_function__(self, func, types, args, kwargs):
        return True
    def __float__(self):
        return 10.0

def bellman_iteration(V, R, P, gamma):
    return np.zeros(len(V)).view(Lie)
"""
FRAME_SNOOP = """
import sys
import numpy as np

class Snoop:
    # Finds the expected value in whoever converts it to an array: there is nobody to find.
    def __array__(self, dtype=None, copy=None):
        frame = sys._getframe(1)
        while frame is not None:
            for name in ("expected", "exp", "reference"):
                if name in frame.f_locals:
                    return np.asarray(frame.f_locals[name], dtype=float)
            frame = frame.f_back
        return np.zeros(3)

def bellman_iteration(V, R, P, gamma):
    return Snoop()
"""
COMPLEX = """
import numpy as np

def bellman_iteration(V, R, P, gamma):
    return np.asarray(R, float) + gamma * np.asarray(P, float) @ np.asarray(V, float) + 1e-3j
"""
LOOSENED_TOLERANCES = """
import checker.curriculum.checks as checks
checks.expect_close.__kwdefaults__["rtol"] = 1e9
checks.expect_close.__kwdefaults__["atol"] = 1e9
checks.is_close.__kwdefaults__["atol"] = 1e9
checks.is_close = lambda *a, **k: True
""" + WRONG
PATCHED_LIBRARIES = """
import builtins, math
import numpy as np, numpy.testing
np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: True
np.array = lambda *a, **k: None
np.testing.assert_allclose = lambda *a, **k: None
math.isclose = lambda *a, **k: True
builtins.abs = lambda x: 0
builtins.sum = lambda *a, **k: 0

def bellman_iteration(V, R, P, gamma):
    return V
"""
PATCHED_HIDDEN_TESTS = """
import sys
import checker.curriculum.test_bellman_iteration as hidden
hidden._check = lambda *args, **kwargs: None
hidden.expect_close.__code__ = (lambda *args, **kwargs: None).__code__
for name in list(sys.modules):
    if name.startswith(("pytest", "_pytest")):
        del sys.modules[name]

def bellman_iteration(V, R, P, gamma):
    return V
"""


@pytest.mark.parametrize("code, text", [
    (LIAR_EQ, "returned Liar"),
    (LIAR_ARRAY, WRONG_MESSAGE),
    (FRAME_SNOOP, "returned Snoop"),
    (COMPLEX, "complex"),
    (LOOSENED_TOLERANCES, WRONG_MESSAGE),
    (PATCHED_LIBRARIES, WRONG_MESSAGE),
    (PATCHED_HIDDEN_TESTS, WRONG_MESSAGE),
], ids=["__eq__-always-true", "lying-ndarray-subclass", "reads-the-callers-frames", "complex-numbers",
        "loosened-kwdefaults", "patched-numpy-math-builtins", "patched-hidden-tests"])
def test_lying_values_get_an_honest_verdict(warm_either, code, text):
    result = warm_either.check(code)
    assert result.status is Status.FAILED, result.summary
    assert all(t.outcome != "passed" for t in result.tests)
    assert text in message_of(result)
    warm_either.assert_unharmed()



def test_a_lying_value_on_the_cold_path(session):
    result = session.check(LIAR_ARRAY)
    assert result.status is Status.FAILED and WRONG_MESSAGE in message_of(result)

def test_strings_that_equal_everything_do_not_order_the_steps(warm):
    code = (
        "class Anything(str):\n"
        "    def __eq__(self, other):\n"
        "        return True\n"
        "    __hash__ = str.__hash__\n"
        "PPO_LOOP = [Anything('step')] * 9\n"
    )
    result = warm.check(code, exercise="ppo_training_loop")
    assert result.status is Status.FAILED, result.summary
    assert "'step'" in message_of(result)


def test_patching_its_own_process_does_not_fail_a_correct_solution(session):
    # Patching numpy, math and builtins in the learner's own process is its own business: the
    # executor bound what it needs before the learner's code ran, and the judge is elsewhere.
    result = session.check(PATCHED_LIBRARIES.replace("def bellman_iteration", "def _old") + textwrap.dedent(GOOD))
    assert result.status is Status.PASSED, result.summary


def test_the_learner_process_holds_nothing_of_the_judge(session):
    code = """
    import sys
    print(sorted(n for n in sys.modules if n.split(".")[0] in ("checker", "pytest", "_pytest")))
    def bellman_iteration(V, R, P, gamma):
        return V
    """
    result = session.check(code)
    assert "[]" in result.output, result.output


# ------------------------------------------------------------------ confinement (issue 11, "done when")


def _our_processes_script(body: str) -> str:
    """Learner code that finds the checker's own processes: its ancestors and the judge."""
    return textwrap.dedent('''
    import os

    def cmdline(pid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                return fh.read().replace(b"\\\\0", b" ").decode(errors="replace")
        except OSError:
            return ""

    def parent(pid):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                return int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            return 0

    ours = []
    pid = os.getppid()
    while pid > 1 and any(k in cmdline(pid) for k in ("checker.worker", "checker.judge", "executor.py")):
        ours.append(pid)
        pid = parent(pid)
    workers = [p for p in ours if "checker.worker" in cmdline(p)]
    for entry in os.listdir("/proc"):
        if entry.isdigit() and parent(int(entry)) in workers and "checker.worker" in cmdline(int(entry)):
            ours.append(int(entry))  # the judge: a fork of the worker
    ''') + textwrap.dedent(body)


REWRITES_THE_INSTALL = """
import importlib.util, pathlib
root = pathlib.Path(importlib.util.find_spec("checker").origin).parent
for target in (root / "__init__.py", root / "curriculum" / "test_bellman_iteration.py", root / "new_file.py"):
    try:
        with open(target, "ab"):
            pass  # opened for writing is enough to know; nothing is written
        print("write:ALLOWED", target.name)
    except OSError as exc:
        print("write:denied", target.name, type(exc).__name__)
(root / "new_file.py").unlink(missing_ok=True) if (root / "new_file.py").exists() else None
"""


@needs_landlock
def test_the_learner_cannot_rewrite_the_installed_checker(warm):
    # The same Landlock rules on both paths; the private folder differs (the next test).
    result = warm.check(REWRITES_THE_INSTALL + textwrap.dedent(GOOD))
    assert result.status is Status.PASSED, result.summary
    assert result.output.count("write:denied") == 3, result.output
    assert "ALLOWED" not in result.output
    assert result.isolation.startswith("landlock ABI")


@needs_landlock
def test_the_learner_can_write_only_its_private_folder(session, tmp_path):
    outside = tmp_path / "outside.txt"
    code = f"""
    import os, tempfile
    for target in ({str(outside)!r}, os.path.expanduser("~/.bashrc-rlcheck-probe")):
        try:
            open(target, "w").write("x")
            print("outside:ALLOWED")
        except OSError:
            print("outside:denied")
    with tempfile.NamedTemporaryFile("w") as fh:
        fh.write("scratch")
        print("private:ok", os.getcwd() == os.path.dirname(fh.name))
    """
    result = session.check(textwrap.dedent(code) + textwrap.dedent(GOOD))
    assert result.status is Status.PASSED, result.summary
    assert "private:ok True" in result.output, result.output
    # ~ is the private folder too, so only the file beside the test is outside.
    assert "outside:denied" in result.output and not outside.exists()


def test_folders_locked_by_learner_code_are_still_removed(session, tmp_path, monkeypatch):
    """Landlock leaves file modes alone: the code can chmod its own folder, the check's folder
    above it and the runner's working folder, if it knows where that is. The check's folder and
    all in it are still removed, and the next check runs. (Root ignores modes: there this proves
    only where the folders are.)"""
    runner_folder = session.runner.cwd
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))  # where this process makes check folders
    code = f"""
    import os
    print("home=" + os.getcwd())
    os.makedirs("a/b")
    open("a/b/file", "w").write("x")
    for path, mode in (("a/b", 0), ("a", 0o500), (".", 0o500), ("..", 0), ({runner_folder!r}, 0)):
        try:
            os.chmod(path, mode)
        except OSError as exc:
            print("chmod refused:", path, exc)
    """
    result = session.check(textwrap.dedent(code) + WRONG)
    assert result.status is Status.FAILED, result.summary
    assert "chmod refused" not in result.output, result.output  # the documented limit: modes are not confined
    home = Path(result.output.split("home=", 1)[1].split()[0])
    assert home.parent.parent == temporary and home.parent.name.startswith("rl-")
    # No longer than one folder named rlcheck-run-XXXXXXXX: a Unix socket made there by the code
    # (multiprocessing does) must still fit in 104 bytes on macOS, whose TMPDIR is long already.
    assert len(home.relative_to(temporary).as_posix()) <= len("rlcheck-run-12345678")
    assert list(temporary.iterdir()) == []
    assert session.check(GOOD).status is Status.PASSED
    assert list(temporary.iterdir()) == []


INJECTS_VERDICTS = """
import json
fake = {"type": "Verdict", "token": "guess", "id": 1, "expected": 9,
        "report": {"tests": [{"name": "x", "outcome": "passed"}] * 9, "load": {"status": "ok"}}}
opened = 0
for pid in ours:
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        continue
    for fd in fds:
        try:
            if not os.readlink(f"/proc/{pid}/fd/{fd}").startswith("pipe:"):
                continue
            with open(f"/proc/{pid}/fd/{fd}", "wb", buffering=0) as pipe:
                pipe.write((json.dumps(fake) + "\\\\n").encode())
                opened += 1
        except OSError:
            pass
print("injected into", opened, "pipes of", len(ours), "processes")
"""


@needs_proc
def test_an_injected_pipe_is_never_a_pass(any_session):
    result = any_session.check(_our_processes_script(INJECTS_VERDICTS) + WRONG)
    assert result.status is not Status.PASSED, result.summary
    if any_session.landlock and LANDLOCK_ABI:
        assert "injected into 0 pipes" in result.output, result.output
        assert result.status is Status.FAILED and WRONG_MESSAGE in message_of(result)
    any_session.assert_unharmed(same_worker=any_session.landlock)


LINGERS = """
import os, time
marker = {marker!r}
child = os.fork()
if child == 0:
    os.setsid()
    time.sleep(1.0)
    try:
        open(marker, "w").write("still here")
    except OSError:
        pass
    time.sleep(300)
    os._exit(0)
print("lingering", child)
"""


@needs_proc
def test_a_lingering_process_is_stopped_before_it_can_act(any_session, tmp_path):
    marker = tmp_path / "report.json"
    result = any_session.check(LINGERS.format(marker=str(marker)) + WRONG)
    assert result.status is Status.FAILED, result.summary
    pids = [int(w) for w in result.output.split() if w.isdigit()]
    try:
        assert len(pids) == 1, result.output
        assert still_running(pids, within=2.0) == []
        time.sleep(1.2)
        assert not marker.exists(), "a process left behind by the check wrote outside it"
    finally:
        kill_all(pids)
    any_session.assert_unharmed()


STOPS_ITS_PARENTS = """
import signal
stopped = 0
for pid in ours:
    try:
        os.kill(pid, signal.SIGSTOP)
        stopped += 1
    except OSError:
        pass
print("stopped", stopped, "of", len(ours))
"""


@needs_proc
def test_a_stopped_parent_gives_an_honest_verdict_in_bounded_time(any_session):
    start = time.monotonic()
    result = any_session.check(_our_processes_script(STOPS_ITS_PARENTS) + WRONG, timeout=1.0, grace=1.0)
    took = time.monotonic() - start
    assert result.status is not Status.PASSED, result.summary
    assert took < 30, f"a stopped parent held the check for {took:.0f} s"
    if any_session.landlock and LANDLOCK_ABI >= 6:
        assert "stopped 0 of" in result.output, result.output  # signals out of the sandbox are refused
        assert result.status is Status.FAILED and WRONG_MESSAGE in message_of(result)
    else:
        assert result.status in (Status.FAILED, Status.CRASHED), result.summary
    any_session.assert_unharmed(same_worker=any_session.landlock)


def test_isolation_is_reported(sessions):
    confined = sessions[True, True].check(WRONG)
    unconfined = sessions[True, False].check(WRONG)
    assert unconfined.isolation == "none (turned off for this run)"
    if LANDLOCK_ABI:
        assert confined.isolation.startswith(f"landlock ABI {LANDLOCK_ABI}")
    assert any("without confinement" in n for n in sessions[True, False].runner.notices)


def test_landlock_unavailable_is_said_not_hidden(monkeypatch):
    from checker import sandbox

    monkeypatch.setenv("RLCHECK_LANDLOCK", "off")
    assert sandbox.landlock_abi() == (0, "turned off by RLCHECK_LANDLOCK")
    assert sandbox.confine("/tmp").describe() == "none (turned off by RLCHECK_LANDLOCK)"
    monkeypatch.delenv("RLCHECK_LANDLOCK")
    monkeypatch.setattr(sandbox, "_libc", lambda: None)
    assert sandbox.confine("/tmp").describe() == "none (Landlock is a Linux feature)"


def test_the_learner_environment_has_no_ci_secrets(session, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_secret")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", "/tmp/summary.md")
    monkeypatch.setenv("ACTIONS_RUNTIME_TOKEN", "secret")
    monkeypatch.setenv("RUNNER_TEMP", "/tmp/runner")
    monkeypatch.setenv("MY_API_KEY", "secret")
    session.runner.close()  # a fresh worker, started with this environment
    code = ("import os\nprint(sorted(k for k in os.environ if 'GITHUB' in k or 'ACTIONS' in k or 'RUNNER' in k "
            "or 'KEY' in k or 'TOKEN' in k))\n") + WRONG
    result = session.check(code)
    assert "[]" in result.output, result.output


PYTHONPATH_SHADOWS = {
    "random.py": "raise SystemExit('the workspace random.py was imported')\n",
    "numpy.py": "raise SystemExit('the workspace numpy.py was imported')\n",
    "json.py": "raise SystemExit('the workspace json.py was imported')\n",
}


def test_a_module_named_like_the_standard_library_beside_the_exercise_changes_nothing(session):
    folder = session.file.parent
    for name, content in PYTHONPATH_SHADOWS.items():
        (folder / name).write_text(content)
    try:
        result = session.check("import random, json\n" + textwrap.dedent(GOOD))
        assert result.status is Status.PASSED, result.summary
        result = session.check(WRONG)
        assert result.status is Status.FAILED and WRONG_MESSAGE in message_of(result)
    finally:
        for name in PYTHONPATH_SHADOWS:
            (folder / name).unlink()



# ------------------------------------------------------------------ wrong types and shapes


@pytest.mark.parametrize("body, status, text", [
    ("n = len(V)\n    return [R[s] + gamma * sum(P[s][t] * V[t] for t in range(n)) for s in range(n)]", Status.PASSED, ""),
    ("return 3.0", Status.FAILED, "expected shape (3,), got shape ()"),
    ("import numpy as np; return np.zeros((len(V), 2))", Status.FAILED, "expected shape (3,), got shape (3, 2)"),
    ("import numpy as np; return np.full(len(V), np.nan)", Status.FAILED, "Your result contains NaN or infinity"),
    ("import numpy as np; return np.full(len(V), np.inf)", Status.FAILED, "Your result contains NaN or infinity"),
    ("return (float(r) for r in R)", Status.FAILED, "returned a generator; return a list or a numpy array instead."),
    ("return None", Status.FAILED, "returned None. Did you forget the `return` statement?"),
    ("return 'ten'", Status.FAILED, "returned str 'ten'; expected numbers."),
], ids=["list", "scalar", "wrong-shape", "nan", "inf", "generator", "none", "string"])
def test_wrong_types_and_shapes(warm, body, status, text):
    result = warm.check(f"def bellman_iteration(V, R, P, gamma):\n    {body}\n")
    assert result.status is status, result.summary
    if status is Status.FAILED:
        assert text in message_of(result)
        assert message_of(result).startswith("bellman_iteration(")  # names the call and its inputs


# ------------------------------------------------------------------ resource limits


@posix_only
def test_resource_limits_are_applied_in_the_child(session):
    resource = pytest.importorskip("resource")
    code = """
    import json, os, resource

    def bellman_iteration(V, R, P, gamma):
        with open("/proc/self/statm") as fh:
            mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limits = {name: resource.getrlimit(getattr(resource, name))[0]
                  for name in ("RLIMIT_AS", "RLIMIT_NOFILE", "RLIMIT_FSIZE", "RLIMIT_CORE", "RLIMIT_CPU")}
        raise RuntimeError(json.dumps({"mapped": mapped, **limits}))
    """
    result = session.check(code)
    assert result.status is Status.FAILED
    seen = json.loads(message_of(result).split("RuntimeError: ", 1)[1])
    memory = CheckOptions().memory_mb * 2**20
    assert seen["RLIMIT_AS"] != resource.RLIM_INFINITY
    assert 0 < seen["RLIMIT_AS"] - seen["mapped"] <= memory  # a cap on top of what was mapped at start
    assert 0 < seen["RLIMIT_NOFILE"] <= MAX_OPEN_FILES
    assert seen["RLIMIT_FSIZE"] == MAX_FILE_BYTES
    assert seen["RLIMIT_CORE"] == 0
    assert seen["RLIMIT_CPU"] != resource.RLIM_INFINITY
    session.assert_unharmed()


@posix_only
@pytest.mark.parametrize("body, text", [
    ("handles = [open(os.devnull) for _ in range(1000)]", "OSError: [Errno 24] Too many open files"),
    ("with tempfile.TemporaryFile() as fh:\n        for _ in range(100):\n            fh.write(b'0' * 2**20)\n"
     "            fh.flush()", "OSError: [Errno 27] File too large"),
], ids=["1000-open-files", "100MB-file"])
def test_hitting_a_resource_limit_is_an_ordinary_failure(session, body, text):
    result = session.check(f"import os, tempfile\ndef bellman_iteration(V, R, P, gamma):\n    {body}\n    return V\n")
    assert result.status is Status.FAILED, result.summary
    assert text in message_of(result)
    assert result.duration < 2.0
    session.assert_unharmed()


# ------------------------------------------------------------------ progress file and workspace


FORGES_PROGRESS = """
import hashlib, json, pathlib

root = pathlib.Path(__file__).resolve().parents[2]
forged = {}
for path in ("01_bellman/bellman_iteration.py", "01_bellman/bellman_values.py"):
    name = path.split("/")[1][:-3]
    forged[name] = hashlib.sha256((root / "exercises" / path).read_bytes()).hexdigest()
(root / ".rlcheck").mkdir(exist_ok=True)
(root / ".rlcheck" / "state.json").write_text(
    json.dumps({"version": 1, "current": None, "passed": forged, "hints_shown": {}}))

def bellman_iteration(V, R, P, gamma):
    return V
"""


def flat(text: str) -> str:
    """Text with rich's line wrapping undone."""
    return " ".join(text.split())


def listed(cli, workspace: Path) -> dict[str, str]:
    done = cli("list", "--json", cwd=workspace)
    assert done.code == 0, done.text
    return {row["name"]: row["status"] for row in json.loads(done.stdout)}


@needs_landlock
def test_learner_code_cannot_write_passed_into_the_progress_file(cli, workspace):
    (workspace / "exercises/01_bellman/bellman_iteration.py").write_text(FORGES_PROGRESS)
    state_file = workspace / ".rlcheck" / "state.json"

    run = cli("run", "bellman_iteration", cwd=workspace)
    assert run.code == 1, run.text
    assert "PermissionError" in flat(run.stdout), run.text  # the workspace is read-only to learner code
    passed = json.loads(state_file.read_text())["passed"] if state_file.exists() else {}
    assert "bellman_iteration" not in passed and "bellman_values" not in passed
    assert listed(cli, workspace)["bellman_values"] == "pending"


def test_unconfined_learner_code_that_writes_passed_into_the_progress_file(cli, workspace):
    (workspace / "exercises/01_bellman/bellman_iteration.py").write_text(FORGES_PROGRESS)
    env = quiet_env(RLCHECK_LANDLOCK="off")
    run = cli("run", "bellman_iteration", cwd=workspace, env=env)
    assert run.code == 1, run.text
    verify = cli("verify", "bellman_iteration", cwd=workspace, env=env)
    assert verify.code == 1, verify.text
    # Without Landlock the forgery lands: `verify` never reads progress and is not fooled; `list`
    # shows what the progress file says (documented in docs/security.md).
    assert listed(cli, workspace)["bellman_values"] == "passed"


def test_a_damaged_progress_file_is_set_aside_and_rebuilt(cli, workspace):
    # One damage end to end; the store meets every kind of damage in test_state.
    content = b'{"version": 1, "passed": {"bellman_iteration": 7}}'
    solve(workspace, "01_bellman/bellman_iteration.py")
    state_file = workspace / ".rlcheck" / "state.json"
    state_file.parent.mkdir()
    state_file.write_bytes(content)
    run = cli("run", "bellman_iteration", cwd=workspace)
    assert run.code == 0, run.text
    assert "All 9 checks pass." in run.stdout
    assert "was damaged" in flat(run.stderr) and "progress was rebuilt from scratch" in flat(run.stderr)
    assert flat(run.stderr).count("was damaged") == 1, run.stderr  # said once, not again after the check
    assert (state_file.parent / "state.json.damaged").read_bytes() == content
    assert "bellman_iteration" in json.loads(state_file.read_text())["passed"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_progress_file_is_not_fatal(cli, workspace):
    solve(workspace, "01_bellman/bellman_iteration.py")
    state_file = workspace / ".rlcheck" / "state.json"
    state_file.parent.mkdir()
    state_file.write_text('{"version": 1, "current": null, "passed": {}, "hints_shown": {}}')
    state_file.chmod(0)
    try:
        run = cli("run", "bellman_iteration", cwd=workspace)
    finally:
        state_file.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert run.code == 0, run.text
    assert "All 9 checks pass." in run.stdout
    assert "Could not read" in flat(run.stderr) and "starting with empty progress" in flat(run.stderr)


def _read_only_progress_by_file(workspace: Path) -> None:
    (workspace / ".rlcheck").write_text("not a folder")  # blocks saving even for root


def _read_only_progress_by_mode(workspace: Path) -> None:
    folder = workspace / ".rlcheck"
    folder.mkdir()
    (folder / "state.json").write_text('{"version": 1, "current": null, "passed": {}, "hints_shown": {}}')
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)


@pytest.mark.parametrize("make_read_only", [
    _read_only_progress_by_file,
    pytest.param(_read_only_progress_by_mode, marks=pytest.mark.skipif(
        os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")),
], ids=["file-in-place-of-.rlcheck", "read-only-.rlcheck"])
def test_a_read_only_workspace_still_checks(cli, workspace, make_read_only):
    solve(workspace, "01_bellman/bellman_iteration.py")
    make_read_only(workspace)
    try:
        run = cli("run", "bellman_iteration", cwd=workspace)
        hint = cli("hint", "bellman_iteration", cwd=workspace)
    finally:
        if (workspace / ".rlcheck").is_dir():
            (workspace / ".rlcheck").chmod(stat.S_IRWXU)
    assert run.code == 0, run.text
    assert "✓ passed  All 9 checks pass." in run.stdout
    assert "Progress cannot be saved" in flat(run.stderr) and "checks still run" in flat(run.stderr)
    # Without saving, hints cannot advance: the learner is told why they see the same one again.
    assert hint.code == 0, hint.text
    assert "Progress cannot be saved" in flat(hint.stderr)


# ------------------------------------------------------------------ documented limits
# What docs/security.md says the checker does NOT guarantee. These pass on purpose: if one starts
# failing, the checker got stronger and the document must be updated with it.


def test_limit_unconfined_code_can_write_outside_its_folder(sessions, tmp_path):
    outside = tmp_path / "written-by-learner"
    result = sessions[True, False].check(f"open({str(outside)!r}, 'w').write('x')\n" + WRONG)
    assert result.status is Status.FAILED
    assert outside.exists()


@posix_only
def test_limit_the_caps_are_soft_limits_that_code_can_lift(session):
    resource = pytest.importorskip("resource")
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard != resource.RLIM_INFINITY:
        pytest.skip("this machine has a hard address-space limit")
    result = session.check("""
    import resource
    import numpy as np
    resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    untouched = np.zeros(2 * 2**30, dtype=np.uint8)  # 2 GiB of address space, no page touched

    def bellman_iteration(V, R, P, gamma):
        return np.asarray(R, float) + gamma * np.asarray(P, float) @ np.asarray(V, float)
    """)
    assert result.status is Status.PASSED, result.summary


def test_limit_learner_code_can_read_the_hidden_tests_and_solutions(session):
    code = """
    import importlib.util, pathlib
    root = pathlib.Path(importlib.util.find_spec("checker").origin).parent
    print("read", len((root / "curriculum" / "test_bellman_iteration.py").read_text()) > 0)
    """
    result = session.check(textwrap.dedent(code) + WRONG)
    assert "read True" in result.output
