"""The warm worker: fork-safe (no threads), survives bad children, restarts when it dies, and
never leaves a check without an answer."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from checker.catalog import load_course
from checker.channel import NoAnswer
from checker.result import Status
from checker.runner import CheckOptions, Runner
from checker.warm import Cancelled, WarmWorker

from conftest import REPO

needs_proc = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")


@pytest.fixture(scope="module")
def _one_runner(course):
    with Runner(course, warm=True) as made:
        yield made


@pytest.fixture
def runner(_one_runner):
    """The module's warm runner with its usual options, started. A test that kills or stops its
    worker leaves the next one to start another, as the runner does for a learner."""
    _one_runner.options = CheckOptions(timeout=2.0, grace=2.0)
    _one_runner.start()
    return _one_runner


def _file(tmp_path: Path, code: str) -> Path:
    path = tmp_path / "exercise.py"
    path.write_text(code)
    return path


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


def _worker_pid(runner: Runner) -> int | None:
    return runner._worker.pid if runner._worker else None


@needs_proc
def test_worker_runs_no_threads_when_it_forks(runner, course):
    exercise = course.find("gae")
    pid = _worker_pid(runner)
    assert pid is not None and _threads(pid) == 1
    assert runner.check(exercise, REPO / "solutions" / exercise.path).passed
    assert _threads(pid) == 1


@needs_proc
@pytest.mark.parametrize("code, status", [
    ("import ctypes\nctypes.string_at(0)\n", Status.CRASHED),
    ("import time\ntime.sleep(60)\n", Status.TIMEOUT),
    ("import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n", Status.TIMEOUT),
])
def test_worker_survives_bad_children(runner, course, tmp_path, code, status):
    exercise = course.find("bellman_iteration")
    pid = _worker_pid(runner)
    runner.options = CheckOptions(timeout=1.0, grace=2.0)
    result = runner.check(exercise, _file(tmp_path, code))
    assert result.status is status, result.summary
    assert _worker_pid(runner) == pid and _threads(pid) == 1
    assert runner.check(exercise, REPO / "solutions" / exercise.path).passed


def test_a_dead_worker_is_restarted(runner, course):
    exercise = course.find("bellman_iteration")
    old = _worker_pid(runner)
    os.kill(old, signal.SIGKILL)
    time.sleep(0.1)
    result = runner.check(exercise, REPO / "solutions" / exercise.path)
    assert result.passed
    assert _worker_pid(runner) not in (None, old)


def test_a_stopped_worker_is_replaced_and_the_check_still_answers(runner, course):
    exercise = course.find("bellman_iteration")
    old = _worker_pid(runner)
    os.kill(old, signal.SIGSTOP)
    start = time.monotonic()
    try:
        result = runner.check(exercise, REPO / "solutions" / exercise.path)
    finally:
        try:
            os.kill(old, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert result.passed, result.summary  # re-run cold after the worker missed its deadline
    assert time.monotonic() - start < 2.0 + 2 * 2.0 + 30
    assert runner.check(exercise, REPO / "solutions" / exercise.path).passed
    assert _worker_pid(runner) not in (None, old)


def test_a_check_stopped_midway_leaves_no_folder_behind(runner, course, tmp_path, monkeypatch):
    """The learner's working folder goes with its check even when the judge that made it is
    killed (here: a newer save cancels the check), and the runner's own folder goes at close."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))  # where this process makes check folders
    exercise = course.find("bellman_iteration")
    file = _file(tmp_path, "open('scribbled.txt', 'w').write('x')\nimport time\ntime.sleep(30)\n")
    outcome: list[object] = []

    def check() -> None:
        try:
            outcome.append(runner.check(exercise, file))
        except Cancelled as exc:
            outcome.append(exc)

    thread = threading.Thread(target=check)
    thread.start()
    deadline = time.monotonic() + 30
    while not (scribbled := list(temporary.glob("rl-*/*/scribbled.txt"))):
        assert time.monotonic() < deadline, "the learner's file never ran in its check's folder"
        time.sleep(0.01)
    runner.cancel()
    thread.join(30)
    assert outcome and isinstance(outcome[0], Cancelled), outcome
    assert not scribbled[0].parent.exists() and list(temporary.iterdir()) == []
    assert runner.check(exercise, REPO / "solutions" / exercise.path).passed
    cwd = Path(runner.cwd)
    runner.close()
    assert not cwd.exists() and list(temporary.iterdir()) == []


def test_third_party_pytest_plugins_are_not_loaded(runner, course, tmp_path):
    exercise = course.find("bellman_values")
    code = "import os\nprint('autoload-off=' + os.environ.get('PYTEST_DISABLE_PLUGIN_AUTOLOAD', ''))\nV_A = V_B = V_C = ...\n"
    result = runner.check(exercise, _file(tmp_path, code))
    assert "autoload-off=1" in result.output


def test_without_fork_the_runner_falls_back_to_fresh_processes(course, monkeypatch):
    import checker.runner as runner_module

    monkeypatch.setattr(runner_module, "FORK_AVAILABLE", False)
    with Runner(course, warm=True) as runner:
        assert runner.warm is False
        exercise = course.find("compute_returns")
        assert runner.check(exercise, REPO / "solutions" / exercise.path).passed


def test_a_worker_that_cannot_start_falls_back_to_fresh_processes_and_says_so_once(course, monkeypatch):
    def broken_start(self):
        raise RuntimeError("simulated")

    monkeypatch.setattr(WarmWorker, "start", broken_start)
    heard: list[str] = []
    exercise = course.find("compute_returns")
    with Runner(course, warm=True, on_notice=heard.append) as runner:
        runner.start()  # watch mode starts the worker up front; a failure there must not end it
        assert runner._worker is not None and runner._worker.pid is None
        assert runner.check(exercise, REPO / "solutions" / exercise.path).passed
        assert runner.check(exercise, REPO / "exercises" / exercise.path).status is Status.NOT_STARTED
    assert len(heard) == 1 and "could not start (simulated)" in heard[0]


def test_a_checker_folder_in_the_working_folder_is_not_imported(course, tmp_path, monkeypatch):
    fake = tmp_path / "checker"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise SystemExit('the workspace checker/ was imported')\n")
    (fake / "worker.py").write_text("raise SystemExit('the workspace checker/ was imported')\n")
    monkeypatch.chdir(tmp_path)
    heard: list[str] = []
    exercise = course.find("compute_returns")
    with Runner(course, warm=True, on_notice=heard.append) as runner:
        assert runner.check(exercise, REPO / "solutions" / exercise.path).passed
        assert runner.check(exercise, REPO / "exercises" / exercise.path).status is Status.NOT_STARTED
    assert heard == []  # the warm worker started: nothing fell back


# ------------------------------------------------------------------ slots: one start, every core


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture
def slotted(course):
    worker = WarmWorker(course, str(REPO), slots=3)
    assert worker.ensure_started(), worker.failure
    yield worker
    for slot in (worker, *worker.clones):
        slot.close()


@needs_proc
def test_slots_are_copies_of_one_started_worker_each_with_its_own_group(slotted):
    pids = [slotted.pid, *(clone.pid for clone in slotted.clones)]
    assert len(set(pids)) == 3 and None not in pids
    assert all(_parent(pid) == slotted.pid for pid in pids[1:])  # forked, not started again
    assert len({os.getpgid(pid) for pid in pids}) == 3
    assert all(_threads(pid) == 1 for pid in pids)


@needs_proc
def test_slots_check_at_once_and_a_killed_slot_is_replaced_alone(slotted, course):
    exercise = course.find("bellman_iteration")
    solution, stub = REPO / "solutions" / exercise.path, REPO / "exercises" / exercise.path
    options = CheckOptions(timeout=2.0, grace=2.0)
    for slot in (slotted, *slotted.clones):
        assert slot.check(exercise, solution, options).report["tests"][0]["outcome"] == "passed"
    victim, other = slotted.clones
    old = victim.pid
    os.kill(old, signal.SIGKILL)
    with pytest.raises(NoAnswer):  # the stopped slot says so at its next check, and is closed
        victim.check(exercise, solution, options)
    assert victim.ensure_started() and victim.pid not in (None, old)  # a worker of its own now
    assert victim.check(exercise, stub, options).report["tests"][0]["outcome"] == "not_started"
    assert other.check(exercise, solution, options).report["tests"][0]["outcome"] == "passed"


@needs_proc
def test_slots_end_with_the_worker(slotted):
    clones = [clone.pid for clone in slotted.clones]
    slotted.close()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in clones) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not any(_alive(pid) for pid in clones)


def test_check_many_starts_one_worker_for_all_its_threads(course, monkeypatch):
    started: list[int] = []
    real_start = WarmWorker.start

    def counting_start(self):
        started.append(self.slots)
        real_start(self)

    monkeypatch.setattr(WarmWorker, "start", counting_start)
    exercises = course.exercises[:6]
    pairs = [(e, REPO / "solutions" / e.path) for e in exercises]
    with Runner(course, warm=True) as runner:
        results = list(runner.check_many(pairs, jobs=3))
    assert [r.exercise for r in results] == [e.name for e in exercises] and all(r.passed for r in results)
    assert started == [3]


@needs_proc
def test_a_sweep_sees_children_whether_live_or_ended_and_skips_the_scan_only_without_any():
    from checker import sandbox

    pid = os.fork()
    if pid == 0:  # a fresh process: no children of its own
        try:
            seen = [sandbox.has_children()]
            child = os.fork()
            if child == 0:
                time.sleep(30)
                os._exit(0)
            seen.append(sandbox.has_children())  # live
            os.kill(child, signal.SIGKILL)
            while Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                time.sleep(0.001)
            seen.append(sandbox.has_children())  # ended, not reaped: still one
            seen.append(sandbox.sweep_children() == 1 and not sandbox.has_children())
            os._exit(0 if seen == [False, True, True, True] else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


# ------------------------------------------------------------------ hidden tests, collected per exercise


@pytest.fixture
def arith(tmp_path) -> Path:
    """A copy of the three-exercise course, to break as a test needs; its stubs sit inside it."""
    shutil.copytree(REPO / "tests" / "courses" / "arith", tmp_path / "arith", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "arith"


def test_each_hidden_test_module_loads_at_its_first_check_and_a_broken_one_fails_alone(arith, tmp_path):
    """A start imports no hidden test; a module that cannot load, or that exits, fails its own
    exercise, and the same worker goes on checking the others."""
    imported = tmp_path / "square-was-imported"
    (arith / "test_square.py").write_text(f"open({str(imported)!r}, 'w').close()\n" + (arith / "test_square.py").read_text())
    (arith / "test_seven.py").write_text("raise RuntimeError('a hidden test broken on purpose')\n")
    (arith / "test_add.py").write_text("raise SystemExit('a hidden test that exits at import')\n")
    course = load_course(arith / "info.toml")
    with Runner(course, warm=True) as runner:
        runner.start()
        pid = _worker_pid(runner)
        assert pid is not None and not imported.exists()

        for name, why in (("seven", "broken on purpose"), ("add", "exits at import")):
            exercise = course.find(name)
            for _ in range(2):  # the second time from what the worker kept
                broken = runner.check(exercise, arith / "solutions" / exercise.path)
                assert broken.status is Status.ERROR and "problem in the course" in broken.summary
                assert why in broken.detail
        assert not imported.exists()

        square = course.find("square")
        assert runner.check(square, arith / "solutions" / square.path).passed
        assert imported.exists() and _worker_pid(runner) == pid


def test_a_test_file_in_the_learners_folder_is_never_taken_for_the_hidden_tests(arith):
    """Working in place, the learner's files sit under the course folder: a `test_add.py` of
    theirs that passes anything changes no verdict."""
    (arith / "exercises" / "01_basics" / "test_add.py").write_text("def test_anything():\n    pass\n")
    (arith / "solutions" / "01_basics" / "test_add.py").write_text("def test_anything():\n    pass\n")
    course = load_course(arith / "info.toml")
    add = course.find("add")
    for warm in (True, False):
        with Runner(course, warm=warm) as runner:
            assert runner.check(add, arith / "exercises" / add.path).status is Status.NOT_STARTED
            assert runner.check(add, arith / "solutions" / add.path).passed


def test_warm_and_cold_collect_an_exercise_alike(arith):
    """The same items in the same order: here pytest reorders the tests around a module-scoped
    parametrized fixture, on both paths."""
    (arith / "test_add.py").write_text(
        (arith / "test_add.py").read_text() + textwrap.dedent("""

            @pytest.fixture(scope="module", params=[1, 2])
            def size(request):
                return request.param


            def test_a(size):
                \"\"\"a, size {size}\"\"\"


            def test_b(size):
                \"\"\"b, size {size}\"\"\"
            """))
    course = load_course(arith / "info.toml")
    add = course.find("add")
    names = []
    for warm in (True, False):
        with Runner(course, warm=warm) as runner:
            result = runner.check(add, arith / "solutions" / add.path)
        assert result.passed, result.summary
        names.append([t.name for t in result.tests])
    assert names[0] == names[1]
    assert names[0][-4:] == ["a, size 1", "b, size 1", "a, size 2", "b, size 2"]


def test_a_slow_hidden_test_import_may_take_as_long_as_a_start(arith):
    """Collecting happens in a check, but the worker says so first: a module slower to import
    than the judge's grace keeps its worker warm."""
    (arith / "test_add.py").write_text("import time\ntime.sleep(1.5)\n" + (arith / "test_add.py").read_text())
    course = load_course(arith / "info.toml")
    add = course.find("add")
    with Runner(course, CheckOptions(timeout=2.0, grace=0.5), warm=True) as runner:
        runner.start()
        pid = _worker_pid(runner)
        assert runner.check(add, arith / "solutions" / add.path).passed
        assert _worker_pid(runner) == pid


def test_collection_never_lists_the_folders_above_the_course(tmp_path):
    """pytest walks down to a test file from the highest folder it may consider; the judge keeps
    that to the course folder (a course under /tmp would have every check list all of /tmp)."""
    course_dir = tmp_path / "crowded" / "arith"
    shutil.copytree(REPO / "tests" / "courses" / "arith", course_dir, ignore=shutil.ignore_patterns("__pycache__"))
    for i in range(20):
        (tmp_path / "crowded" / f"sibling{i}").mkdir()
    script = textwrap.dedent(f"""
        import pytest
        from checker.judge import pytest_args

        class Seen:
            def pytest_collect_directory(self, path, parent):
                print("DIR", path)

        pytest.main(pytest_args([{str(course_dir / "test_add.py")!r}], {str(course_dir)!r}) + ["--collect-only"],
                    plugins=[Seen()])
        """)
    seen = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"})
    listed = [Path(line[4:]) for line in seen.stdout.splitlines() if line.startswith("DIR ")]
    assert listed, seen.stdout + seen.stderr
    assert all(path == course_dir or course_dir in path.parents for path in listed), listed
