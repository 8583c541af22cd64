"""How a command starts the checker's processes: their command line, environment and request,
and a check by a fresh judge (the path where fork does not exist, and the retry).

Every process starts with a neutral working folder and without the current folder on its
import path, so a ``checker/`` folder or a ``random.py`` in the workspace changes nothing.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

from checker import protocol
from checker.catalog import Course, Exercise
from checker.channel import Lines, await_verdict
from checker.protocol import JUDGE_ENV, CheckOptions, Message, NoVerdict
from checker.sandbox import kill_group

STARTUP_SECONDS = 60.0  # importing numpy and pytest on a slow, loaded machine


def python_command(module: str, *args: str) -> list[str]:
    # -P (3.11+): the current folder is not put on the import path. On 3.10 the neutral working
    # folder every process gets does the same job.
    safe = ["-P"] if sys.version_info >= (3, 11) else []
    return [sys.executable, *safe, "-m", module, *args]


def process_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(JUDGE_ENV)
    # The judge imports checker from wherever this process did, installed or not.
    package_parent = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH", "")) if p)
    return env


def make_request(course: Course, exercise: Exercise, file: Path, options: CheckOptions, ident: int,
                 scratch: str) -> protocol.CheckRequest:
    return protocol.CheckRequest(
        id=ident, exercise=exercise.name, file=str(file.absolute()), test_file=str(course.test_file(exercise)),
        rootdir=str(course.curriculum_dir), options=options, scratch=scratch,
    )


def check_cold(course: Course, exercise: Exercise, file: Path, options: CheckOptions, cwd: str,
               scratch: str) -> Message:
    """One check by a fresh judge process (the path used where fork is unavailable, and the retry)."""
    token = secrets.token_hex(16)
    report_r, report_w = os.pipe()
    try:
        proc = subprocess.Popen(
            python_command("checker.judge", str(report_w)),
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(report_w,), start_new_session=True, env=process_env(), cwd=cwd,
        )
    except OSError as exc:  # a working folder gone or locked, no processes left: said, never raised
        os.close(report_r)
        return NoVerdict(1, f"the checking process could not be started ({exc})")
    finally:
        os.close(report_w)
    executors: list[int] = []
    try:
        assert proc.stdin is not None
        request = make_request(course, exercise, file, options, 1, scratch)
        proc.stdin.write((token + "\n" + protocol.encode(request, token)).encode())
        proc.stdin.close()
        deadline = time.monotonic() + options.timeout + options.grace + STARTUP_SECONDS
        outcome, executors = await_verdict(Lines(report_r, token), deadline, 1, options.timeout + options.grace)
        return outcome
    except OSError as exc:
        return NoVerdict(1, f"the checking process could not be started ({exc})")
    finally:
        for pid in (proc.pid, *executors):
            kill_group(pid)
        proc.wait()
        os.close(report_r)
