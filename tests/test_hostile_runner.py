"""Hostile, broken and tampering learner code through the real runner, on the cold and warm paths.

Every case ends in a verdict the learner can act on and never in ``passed``; afterwards the same
runner (warm: the same worker process) still checks a correct file. The section
"Documented limits" at the end pins down what docs/security.md says the checker does NOT
guarantee, so that the document stays true.
"""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import sys
import textwrap
import time
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker import ui
from checker.catalog import Course
from checker.limits import MAX_FILE_BYTES, MAX_OPEN_FILES
from checker.report import Entry, github_annotations, junit_xml
from checker.result import Result, Status
from checker.runner import CheckOptions, Runner
from conftest import solve

GOOD = """
import numpy as np

def bellman_iteration(V, R, P, gamma):
    return np.asarray(R, float) + gamma * np.asarray(P, float) @ np.asarray(V, float)
"""
# The checks recognise this mistake by name, so a message that contains it came from a real comparison.
WRONG = "def bellman_iteration(V, R, P, gamma):\n    return V\n"
WRONG_MESSAGE = "This looks like the old values returned unchanged."

HAS_PROC = Path("/proc/self/stat").exists()
needs_proc = pytest.mark.skipif(not HAS_PROC, reason="reads process states from /proc (Linux)")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals, fork and resource limits")


class Session:
    """One Runner kept for the whole module, so each test can check that it survived."""

    def __init__(self, course: Course, folder: Path, warm: bool) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.course = course
        self.file = folder / "exercise.py"
        self.warm = warm
        self.runner = Runner(course, CheckOptions(timeout=2.0), warm=warm)

    @property
    def worker_pid(self) -> int | None:
        worker = self.runner._worker  # the engine keeps no public handle on its worker
        return worker.pid if worker is not None else None

    def check(self, source: str | bytes, timeout: float = 2.0, exercise: str = "bellman_iteration") -> Result:
        if isinstance(source, str):
            self.file.write_text(textwrap.dedent(source), encoding="utf-8")
        else:
            self.file.write_bytes(source)
        self.runner.options = CheckOptions(timeout=timeout)
        self.runner.start()
        return self.runner.check(self.course.find(exercise), self.file)

    def assert_unharmed(self) -> None:
        """Warm: the same worker process still passes a correct file. Cold: nothing to harm."""
        if not self.warm:
            return
        pid = self.worker_pid
        result = self.check(GOOD)
        assert result.status is Status.PASSED, f"a correct file no longer passes: {result.summary}"
        assert self.worker_pid == pid, "the warm worker died or was replaced"


@pytest.fixture(scope="module")
def sessions(course, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    made = {warm: Session(course, folder / ("warm" if warm else "cold"), warm) for warm in (False, True)}
    yield made
    for session in made.values():
        session.runner.close()


@pytest.fixture(params=[False, True], ids=["cold", "warm"])
def session(request, sessions) -> Session:
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
    assert "still running after 0.5 s" in result.summary
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
        assert "segmentation fault" in result.summary
    else:
        assert "RecursionError" in message_of(result)
    session.assert_unharmed()


# ------------------------------------------------------------------ exits, signals and crashes


@posix_only
@pytest.mark.parametrize("code, status, text", [
    ("import sys\nsys.exit(0)\n", Status.ERROR, "Your file called sys.exit(0) while loading."),
    ("import sys\nsys.exit(1)\n", Status.ERROR, "Your file called sys.exit(1) while loading."),
    ("raise SystemExit\n", Status.ERROR, "Your file called sys.exit(None) while loading."),
    ("raise KeyboardInterrupt\n", Status.ERROR, "Your file raised KeyboardInterrupt while loading"),
    ("import os\nos._exit(0)\n", Status.CRASHED, "ended (exit code 0) before the checks finished"),
    ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n", Status.CRASHED, "was killed"),
    ("import ctypes\nctypes.string_at(0)\n", Status.CRASHED, "segmentation fault"),
], ids=["sys.exit(0)", "sys.exit(1)", "raise-SystemExit", "KeyboardInterrupt", "os._exit(0)", "SIGKILL-self", "segfault"])
def test_leaving_at_import_is_never_a_pass(session, code, status, text):
    result = session.check(code)
    assert result.status is status, result.summary
    assert text in result.summary
    session.assert_unharmed()


@posix_only
@pytest.mark.parametrize("body, status, text", [
    ("import sys; sys.exit(0)", Status.FAILED, "Your code called sys.exit(0) during the check"),
    ("raise SystemExit", Status.FAILED, "Your code called sys.exit(None) during the check"),
    ("raise KeyboardInterrupt", Status.FAILED, "The checks stopped early: your code raised KeyboardInterrupt"),
    ("import os; os._exit(0)", Status.CRASHED, "ended (exit code 0) before the checks finished"),
    ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", Status.CRASHED, "was killed"),
    ("import ctypes; ctypes.string_at(0)", Status.CRASHED, "segmentation fault"),
], ids=["sys.exit(0)", "raise-SystemExit", "KeyboardInterrupt", "os._exit(0)", "SIGKILL-self", "segfault"])
def test_leaving_during_the_check_is_never_a_pass(session, body, status, text):
    result = session.check(f"def bellman_iteration(V, R, P, gamma):\n    {body}\n")
    assert result.status is status, result.summary
    assert text in result.summary + "\n" + message_of(result)
    session.assert_unharmed()


def test_breakpoint_and_input_do_not_hang(session):
    result = session.check("def bellman_iteration(V, R, P, gamma):\n    breakpoint()\n    return V\n")
    assert result.status is Status.FAILED
    assert result.line == 2  # the learner is pointed at their breakpoint() line
    assert result.duration < 2.0
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
def test_fifty_megabytes_of_output_is_capped_and_the_verdict_stands(session, body, status):
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
def test_escape_sequences_and_binary_output_are_shown_escaped(session, code, status, visible):
    result = session.check(code)
    assert result.status is status, result.summary
    text = rendered(result)
    raw = sorted({repr(ch) for ch in text if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf")})
    assert not raw, f"control characters reached the screen: {raw}"
    for needle in visible:
        assert needle in text
    session.assert_unharmed()


def test_junit_report_stays_well_formed_with_binary_output(session):
    result = session.check(GARBAGE_OUTPUT)
    assert result.status is Status.FAILED
    ET.fromstring(junit_xml([Entry(result, "bellman", "exercises/01_bellman/bellman_iteration.py")]))


def test_github_annotations_carry_no_raw_escape_sequences(session):
    result = session.check(GARBAGE_OUTPUT)
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
def test_files_that_do_not_load(session, code, status, text):
    result = session.check(code)
    assert result.status is status, result.summary
    assert text in result.summary + "\n" + message_of(result)
    session.assert_unharmed()


@pytest.mark.parametrize("what", ["deleted", "directory"])
def test_a_missing_file_or_a_folder_in_its_place(session, what):
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
    expected = "is a folder, not a file" if what == "directory" else "does not exist"
    assert f"exercise.py {expected}. `rlcheck reset bellman_iteration` restores the original." == result.summary
    session.assert_unharmed()


# ------------------------------------------------------------------ tampering


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
PATCHED_LIBRARIES = """
import builtins, math
import numpy as np, numpy.testing
np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: True
np.array_equal = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
np.testing.assert_array_almost_equal = lambda *a, **k: None
math.isclose = lambda *a, **k: True
builtins.abs = lambda x: 0

def bellman_iteration(V, R, P, gamma):
    return V
"""
FORGET_TEST_MODULES = """
import sys
for name in list(sys.modules):
    if name.startswith(("checker", "pytest", "_pytest")):
        del sys.modules[name]

def bellman_iteration(V, R, P, gamma):
    return V
"""


@pytest.mark.parametrize("code, text", [
    (PATCHED_LIBRARIES, "more), so its verdict cannot be trusted"),
    (LIAR_EQ, "which is not an array of numbers"),
    (LIAR_ARRAY, "got:      [0., 0., 0.]"),
    (FORGET_TEST_MODULES, WRONG_MESSAGE),
], ids=["numpy.allclose-testing-abs-isclose", "__eq__-always-true", "lying-ndarray-subclass", "hidden-test-modules-deleted"])
def test_tampering_does_not_change_the_verdict(session, code, text):
    result = session.check(code)
    assert result.status is Status.FAILED, result.summary
    assert all(t.outcome != "passed" for t in result.tests)
    assert text in result.summary + "\n" + message_of(result)
    session.assert_unharmed()


def test_patching_a_library_is_reported_by_name(session):
    result = session.check("import builtins\nbuiltins.abs = lambda x: 0\n" + GOOD)
    assert result.status is Status.FAILED, result.summary  # even a correct solution
    assert "(builtins.abs)" in result.summary
    session.assert_unharmed()


def test_swapping_the_code_of_a_hidden_test_function_is_caught(session):
    result = session.check("""
    import sys
    for name, module in list(sys.modules.items()):
        if name.endswith("test_bellman_iteration"):
            module._check.__code__ = (lambda *args, **kwargs: None).__code__

    def bellman_iteration(V, R, P, gamma):
        return V
    """)
    assert result.status is Status.FAILED, result.summary
    assert "checker.curriculum.test_bellman_iteration._check" in result.summary
    session.assert_unharmed()


@pytest.mark.parametrize("target", ["_check", "expect_close", "call"])
def test_rebinding_a_name_in_the_hidden_tests_is_caught(session, target):
    result = session.check(f"""
    import sys
    for name, module in list(sys.modules.items()):
        if name.endswith("test_bellman_iteration"):
            module.{target} = lambda *args, **kwargs: (None, "")

    def bellman_iteration(V, R, P, gamma):
        return V
    """)
    assert result.status is Status.FAILED, result.summary
    assert f"replaced part of the checker or of a library it relies on (checker.curriculum.test_bellman_iteration.{target})" in result.summary
    assert result.tests == []  # results judged by a patched judge are thrown away
    session.assert_unharmed()


# The hidden tests' reference computations run after the learner's code, with whatever numpy and
# builtins are by then, so rebinding a name there counts as tampering and is named in the verdict.
def test_patching_numpy_array_does_not_change_the_expected_values(session):
    result = session.check("""
    import numpy as np
    _array = np.array
    np.array = lambda *args, **kwargs: _array(*args, **kwargs) * 0

    def bellman_iteration(V, R, P, gamma):
        return [0.0] * len(V)
    """)
    assert result.status is Status.FAILED, result.summary
    assert "(numpy.array)" in result.summary


def test_patching_builtins_sum_does_not_change_the_expected_values(session):
    result = session.check("""
    import builtins
    import numpy as np
    builtins.sum = lambda *args, **kwargs: 0

    def bellman_iteration(V, R, P, gamma):
        return np.asarray(R, dtype=float)
    """)
    assert result.status is Status.FAILED, result.summary
    assert "(builtins.sum)" in result.summary


def test_patching_builtins_zip_does_not_make_every_comparison_true(session):
    result = session.check("""
    import builtins, sys
    _zip = builtins.zip

    def zip(*args, **kwargs):
        if sys._getframe(1).f_globals.get("__name__", "").endswith(".checks"):
            return iter(())
        return _zip(*args, **kwargs)

    builtins.zip = zip

    def bellman_iteration(V, R, P, gamma):
        return [0.0] * len(V)
    """)
    assert result.status is Status.FAILED, result.summary


@posix_only
@pytest.mark.parametrize("code, text", [
    ("import os\nos.closerange(3, 4096)\n" + GOOD, "before the checks finished"),
    ("import os\nfor fd in range(3, 256):\n    try:\n        os.write(fd, b'{\"tests\": []}')\n"
     "    except OSError:\n        pass\n" + GOOD, "the report was not readable"),
], ids=["closes-every-fd", "writes-junk-to-every-fd"])
def test_tampering_with_the_report_channel_is_never_a_pass(session, code, text):
    # Even a correct solution: a report that does not arrive intact is not a pass.
    result = session.check(code)
    assert result.status is Status.CRASHED, result.summary
    assert text in result.summary
    session.assert_unharmed()


@posix_only
@needs_proc
@pytest.mark.parametrize("ends", ["returns", "times-out"])
def test_processes_the_learner_starts_die_with_the_check(session, tmp_path, ends):
    pid_file = tmp_path / "pids"
    tail = "    while True:\n        pass\n" if ends == "times-out" else "    return V\n"
    code = (
        "import os, subprocess, time\n"
        "child = subprocess.Popen(['sleep', '300'])\n"
        "forked = os.fork()\n"
        "if forked == 0:\n"
        "    time.sleep(300)\n"
        "    os._exit(0)\n"
        f"with open({str(pid_file)!r}, 'w') as fh:\n"
        "    fh.write(f'{child.pid}\\n{forked}\\n')\n"
        "def bellman_iteration(V, R, P, gamma):\n" + tail
    )
    result = session.check(code, timeout=0.5)
    pids = read_pids(pid_file)
    try:
        assert result.status is (Status.TIMEOUT if ends == "times-out" else Status.FAILED), result.summary
        assert len(pids) == 2
        assert still_running(pids) == []
    finally:
        kill_all(pids)
    session.assert_unharmed()


KILLS_ITS_WORKER = """
import os, signal, time
with open({pid_file!r}, "a") as fh:
    fh.write(f"{{os.getpid()}}\\n")
with open(f"/proc/{{os.getppid()}}/cmdline", "rb") as fh:
    parent_is_the_worker = b"checker.worker" in fh.read()
if parent_is_the_worker:
    os.kill(os.getppid(), signal.SIGKILL)
    time.sleep(300)

def bellman_iteration(V, R, P, gamma):
    return V
"""


@pytest.fixture(scope="module")
def worker_killed(course, tmp_path_factory):
    """One warm check whose learner code kills the worker, then one correct check on the same runner."""
    if sys.platform == "win32" or not HAS_PROC:
        pytest.skip("POSIX fork and /proc")
    folder = tmp_path_factory.mktemp("worker-killer")
    pid_file, file = folder / "pids", folder / "exercise.py"
    file.write_text(KILLS_ITS_WORKER.format(pid_file=str(pid_file)))
    exercise = course.find("bellman_iteration")
    with Runner(course, CheckOptions(timeout=2.0), warm=True) as runner:
        runner.start()
        first_worker = runner._worker.pid
        killed = runner.check(exercise, file)
        file.write_text(textwrap.dedent(GOOD))
        after = runner.check(exercise, file)
        second_worker = runner._worker.pid if runner._worker else None
    pids = read_pids(pid_file)
    outcome = {"killed": killed, "after": after, "workers": (first_worker, second_worker),
               "pids": pids, "left_running": still_running(pids, within=1.0)}
    yield outcome
    kill_all(pids)


def test_a_learner_who_kills_the_warm_worker_still_gets_a_verdict(worker_killed):
    killed, after = worker_killed["killed"], worker_killed["after"]
    # The check falls back to a fresh process, where the file runs normally and fails normally.
    assert killed.status is Status.FAILED, killed.summary
    assert WRONG_MESSAGE in message_of(killed)
    # The next check starts a new worker.
    assert after.status is Status.PASSED, after.summary
    first_worker, second_worker = worker_killed["workers"]
    assert second_worker is not None and second_worker != first_worker


def test_a_learner_who_kills_the_warm_worker_leaves_no_process_behind(worker_killed):
    assert len(worker_killed["pids"]) == 2  # the forked child and the cold fallback
    assert worker_killed["left_running"] == []


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
def test_wrong_types_and_shapes(session, body, status, text):
    result = session.check(f"def bellman_iteration(V, R, P, gamma):\n    {body}\n")
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


def test_learner_code_that_writes_passed_into_the_progress_file(cli, workspace):
    (workspace / "exercises/01_bellman/bellman_iteration.py").write_text(FORGES_PROGRESS)
    state_file = workspace / ".rlcheck" / "state.json"

    run = cli("run", "bellman_iteration", cwd=workspace)
    assert run.code == 1, run.text
    assert "✗ failed" in run.stdout and WRONG_MESSAGE in run.stdout
    # `run` saves its own view of progress after the check, which overwrites the forgery.
    passed = json.loads(state_file.read_text())["passed"]
    assert "bellman_iteration" not in passed and "bellman_values" not in passed

    verify = cli("verify", "bellman_iteration", cwd=workspace)
    assert verify.code == 1, verify.text
    assert "0/1 exercises pass" in verify.stdout
    # `verify` never reads nor writes progress, so the forged file stays, and `list`, which shows
    # what the progress file says about the files as they are, shows both exercises as passed.
    assert listed(cli, workspace)["bellman_iteration"] == "passed"
    assert listed(cli, workspace)["bellman_values"] == "passed"


@pytest.mark.parametrize("content", [b'{"version": 1, "passed": {', b"", b"\xff\xfe\x00garbage", b"[1, 2]",
                                     b'{"version": 1, "passed": {"bellman_iteration": 7}}'],
                         ids=["truncated-json", "empty", "binary", "wrong-shape", "wrong-types"])
def test_a_damaged_progress_file_is_set_aside_and_rebuilt(cli, workspace, content):
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


def test_limit_code_that_patches_pytest_itself_can_forge_a_pass(session):
    # Rebound names and swapped function code in the checker, numpy, math and builtins are caught
    # (see the tampering section); a method replaced on one of pytest's classes is not.
    result = session.check("""
    import _pytest.python

    _pytest.python.Function.runtest = lambda self: None

    def bellman_iteration(V, R, P, gamma):
        return V
    """)
    assert result.status is Status.PASSED


@posix_only
def test_limit_code_that_writes_the_report_itself_can_forge_a_pass(sessions):
    # Cold path: the report pipe's number is on the command line of the checking process.
    result = sessions[False].check("""
    import json, os, sys
    report = {"tests": [{"name": "forged", "outcome": "passed"}] * 9, "collected": 9, "load": {"status": "ok"}}
    os.write(int(sys.argv[2]), json.dumps(report).encode())
    os._exit(0)
    """)
    assert result.status is Status.PASSED


@posix_only
@needs_proc
def test_limit_a_grandchild_that_calls_setsid_escapes_the_group_kill(session, tmp_path):
    pid_file = tmp_path / "pids"
    result = session.check(
        "import subprocess\n"
        "child = subprocess.Popen(['sleep', '300'], start_new_session=True,\n"
        "                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\n" + WRONG
    )
    pids = read_pids(pid_file)
    try:
        assert result.status is Status.FAILED
        assert len(pids) == 1 and still_running(pids, within=0.3) == pids
    finally:
        kill_all(pids)


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
