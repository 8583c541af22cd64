"""The warm worker: fork-safe (no threads), survives bad children, restarts when it dies."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from checker.result import Status
from checker.runner import CheckOptions, Runner, WarmWorker

from conftest import REPO


@pytest.fixture
def worker(course):
    w = WarmWorker(course)
    w.start()
    yield w
    w.close()


def _file(tmp_path: Path, code: str) -> Path:
    path = tmp_path / "exercise.py"
    path.write_text(code)
    return path


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_worker_runs_no_threads_when_it_forks(worker, course):
    exercise = course.find("gae")
    assert _threads(worker.pid) == 1
    assert worker.check(exercise, REPO / "solutions" / exercise.path, CheckOptions()).passed
    assert _threads(worker.pid) == 1


@pytest.mark.parametrize("code, status", [
    ("import ctypes\nctypes.string_at(0)\n", Status.CRASHED),
    ("import time\ntime.sleep(60)\n", Status.TIMEOUT),
    ("import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n", Status.TIMEOUT),
])
def test_worker_survives_bad_children(worker, course, tmp_path, code, status):
    exercise = course.find("bellman_iteration")
    pid = worker.pid
    result = worker.check(exercise, _file(tmp_path, code), CheckOptions(timeout=1.0))
    assert result.status is status
    assert worker.pid == pid and _threads(pid) == 1
    assert worker.check(exercise, REPO / "solutions" / exercise.path, CheckOptions()).passed


def test_a_dead_worker_is_restarted(worker, course):
    exercise = course.find("bellman_iteration")
    old = worker.pid
    os.kill(old, signal.SIGKILL)
    time.sleep(0.1)
    result = worker.check(exercise, REPO / "solutions" / exercise.path, CheckOptions())
    assert result.passed
    assert worker.pid != old


def test_third_party_pytest_plugins_are_not_loaded(worker, course, tmp_path):
    exercise = course.find("bellman_values")
    code = "import os\nprint('autoload-off=' + os.environ.get('PYTEST_DISABLE_PLUGIN_AUTOLOAD', ''))\nV_A = V_B = V_C = ...\n"
    result = worker.check(exercise, _file(tmp_path, code), CheckOptions())
    assert "autoload-off=1" in result.output


def test_without_fork_the_runner_falls_back_to_fresh_processes(course, monkeypatch):
    import checker.runner as runner_module

    monkeypatch.setattr(runner_module, "FORK_AVAILABLE", False)
    runner = Runner(course, warm=True)
    assert runner.warm is False
    exercise = course.find("compute_returns")
    assert runner.check(exercise, REPO / "solutions" / exercise.path).passed


def test_a_worker_that_cannot_start_falls_back_to_fresh_processes(course, monkeypatch):
    def broken_start(self):
        raise RuntimeError("the warm worker did not start: simulated")

    monkeypatch.setattr(WarmWorker, "start", broken_start)
    exercise = course.find("compute_returns")
    with Runner(course, warm=True) as runner:
        runner.start()  # watch mode starts the worker up front; a failure there must not end it
        assert runner._worker is not None and runner._worker.pid is None
        assert runner.check(exercise, REPO / "solutions" / exercise.path).passed
        assert runner.check(exercise, REPO / "exercises" / exercise.path).status is Status.NOT_STARTED
