"""The warm worker: imports everything once, then forks a fresh child per check.

``python -m checker.worker ROOTDIR CURRICULUM_DIR`` starts pytest once over all hidden tests;
its test loop becomes a server that reads one JSON request per line on stdin, forks a child
that loads the learner's file and runs that exercise's already-collected tests, and answers
on the protocol channel (the original stdout; fd 1 itself is pointed at /dev/null so no
stray print can corrupt the channel). The worker runs no threads, so forking is safe.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from checker.child import (
    _learner_fixture_factory,
    exercise_of,
    prepare_environment,
    pytest_args,
    run_checks,
    write_report,
)
from checker.supervise import supervise


def _items_by_exercise(items: list[Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for item in items:
        grouped.setdefault(exercise_of(item), []).append(item)
    return grouped


def _child(plugin: Any, items: list[Any], request: dict[str, Any], out_w: int, report_w: int) -> None:
    """In the forked child: own process group, own stdio, then the checks. Never returns."""
    try:
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out_w, 1)
        os.dup2(out_w, 2)
        # The worker's protocol pipes must be out of the learner's reach.
        os.closerange(3, report_w)
        os.closerange(report_w + 1, os.sysconf("SC_OPEN_MAX"))
        report = run_checks(plugin, items, Path(request["file"]), request["limits"], report_w)
        write_report(report_w, report)
    finally:
        os._exit(0)


def serve(plugin: Any, session: Any, requests: IO[str], replies: IO[str]) -> None:
    by_exercise = _items_by_exercise(session.items)
    # Objects that exist now are never collected in a child: children skip that GC work.
    gc.collect()
    gc.freeze()
    _send(replies, {"event": "ready", "pid": os.getpid(), "exercises": {k: len(v) for k, v in by_exercise.items()}})
    for line in requests:
        request = json.loads(line)
        items = by_exercise.get(request["exercise"], [])
        out_r, out_w = os.pipe()
        report_r, report_w = os.pipe()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            _child(plugin, items, request, out_w, report_w)
        os.close(out_w)
        os.close(report_w)
        _send(replies, {"event": "started", "id": request["id"], "pid": pid})
        run = supervise(pid, out_r, report_r, float(request["timeout"]), int(request["output_cap"]), startup=5.0)
        _send(replies, {"event": "done", "id": request["id"], "expected": len(items), "run": run.to_wire()})


def _send(channel: IO[str], message: dict[str, Any]) -> None:
    channel.write(json.dumps(message) + "\n")
    channel.flush()


def main(argv: list[str]) -> None:
    prepare_environment()
    replies = os.fdopen(os.dup(1), "w")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    import pytest

    plugin_class = _learner_fixture_factory()

    class Worker(plugin_class):  # type: ignore[misc, valid-type]
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtestloop(self, session) -> bool:  # type: ignore[no-untyped-def]
            if self.collect_errors:
                _send(replies, {"event": "failed", "error": "\n".join(self.collect_errors)})
                os._exit(3)
            serve(self, session, sys.stdin, replies)
            os._exit(0)

    test_files = sorted(str(p) for p in Path(argv[2]).glob("test_*.py"))
    pytest.main(pytest_args(test_files, argv[1]), plugins=[Worker()])
    _send(replies, {"event": "failed", "error": "pytest stopped before the worker started"})
    os._exit(3)


if __name__ == "__main__":
    main(sys.argv)
