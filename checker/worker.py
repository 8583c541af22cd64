"""The warm worker: imports pytest and numpy once, then forks a judge per check.

``python -P -m checker.worker CURRICULUM_DIR ROOTDIR [REQUESTS_FD,REPLIES_FD ...]``; the first
line on stdin is the session token, then one ``CheckRequest`` per line. At start it also launches
the zygote (see ``executor.py``), a checker-free process with numpy imported that forks the
confined executors. An exercise's hidden tests are collected at its first check and kept
(``HiddenTests``); the worker says ``Collecting`` first, as that may take as long as a start.

Each extra pair of descriptors is a slot for checks at once (``verify`` on several cores): once
pytest is set up, the worker forks a copy of itself per slot, which serves that pair with
a zygote of its own. One start then serves every core, instead of one start per core.

Per request the worker forks a judge, which asks the zygote for an executor and runs the
exercise's collected tests. The worker waits for the judge's verdict with a deadline,
then stops whatever is left (the judge, its executors and any orphans they made) before it
answers. It runs no threads, so forking is safe, and it is not dumpable, so other processes of
the same user cannot read its memory or open its pipes through /proc.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import IO, Any

from checker import protocol
from checker.channel import Lines, await_verdict
from checker.executors import ExecutorGone, ZygoteSpawner, start_zygote
from checker.judge import judge, plugin_class, prepare_environment, pytest_args, select_items
from checker.sandbox import die_with_parent, kill_group, set_not_dumpable

class Zygote:
    """The zygote process, restarted when it stops answering."""

    def __init__(self) -> None:
        self.proc, control = start_zygote(os.getcwd())
        self.spawner = ZygoteSpawner(control)

    def sweep(self) -> None:
        """Stop every process the last check left behind (orphans are re-parented to the zygote)."""
        try:
            self.spawner.sweep()
        except (ExecutorGone, OSError, ValueError):
            self.restart()

    def restart(self) -> None:
        self.proc.kill()  # its executors live in sessions of their own and were stopped already
        self.proc.wait()
        self.spawner.control.close()
        self.__init__()  # type: ignore[misc]


def _judge_child(plugin: Any, items: list[Any], request: protocol.CheckRequest, report_w: int,
                 zygote: Zygote, token: str) -> None:
    """In the forked judge: own session, quiet stdio, then the checks. Never returns."""
    try:
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        keep = sorted((report_w, zygote.spawner.control.fileno()))
        os.closerange(3, keep[0])
        os.closerange(keep[0] + 1, keep[1])
        os.closerange(keep[1] + 1, os.sysconf("SC_OPEN_MAX"))

        def emit(message: protocol.Message) -> None:
            data = protocol.encode(message, token).encode()
            view = memoryview(data)
            while view:
                view = view[os.write(report_w, view):]

        spawner = zygote.spawner.within(request.scratch)
        report = judge(plugin, items, request, spawner, lambda pid: emit(protocol.ExecutorStarted(pid)))
        emit(protocol.Verdict(request.id, len(items), report))
    finally:
        os._exit(0)


def run_check(plugin: Any, items: list[Any], request: protocol.CheckRequest, zygote: Zygote, token: str,
              replies: IO[str]) -> protocol.Message:
    report_r, report_w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        _judge_child(plugin, items, request, report_w, zygote, token)
    os.close(report_w)
    _send(replies, protocol.Started(request.id, pid), token)
    deadline = time.monotonic() + request.options.timeout + request.options.grace
    try:
        outcome, executors = await_verdict(Lines(report_r, token), deadline, request.id)
    finally:
        os.close(report_r)
    for victim in (pid, *executors):
        kill_group(victim)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    zygote.sweep()
    return outcome


class HiddenTests:
    """Each exercise's hidden tests, collected at its first check and kept.

    A start then costs the imports alone, and a watch session that checks three exercises never
    imports the others' tests. Collecting happens here, before the fork, so once per worker (and
    per slot). At the first check, pytest lists the course folder's test modules once, without
    importing any; a module is looked up by the request's exact file, and the folders below are
    never entered (a learner working in place keeps files there). Its items then go through the
    same reordering hooks as in the cold judge's collection of that one file: same items, same
    order.
    """

    def __init__(self, plugin: Any, session: Any) -> None:
        self.plugin = plugin
        self.session = session
        self.modules: dict[str, Any] | None = None  # test file -> its pytest Module, not yet imported
        self.collected: dict[str, tuple[list[Any], list[str]]] = {}

    def known(self, test_file: str) -> bool:
        return test_file in self.collected

    def of(self, request: protocol.CheckRequest) -> list[Any]:
        """The exercise's hidden tests; the errors met collecting them go to the plugin, where the
        judge reads them (as it does on the cold path)."""
        if request.test_file not in self.collected:
            self.plugin.collect_errors = []
            try:
                items = select_items(self._collect(request.test_file), request.exercise)
            except BaseException as exc:  # a hidden test that exits or interrupts at import: its exercise's error
                items = []
                self.plugin.collect_errors.append(f"{type(exc).__name__}: {exc}")
            self.collected[request.test_file] = items, self.plugin.collect_errors
            _freeze()
        items, self.plugin.collect_errors = self.collected[request.test_file]
        return items

    def _collect(self, test_file: str) -> list[Any]:
        if self.modules is None:
            self.modules = _modules_in_folder(self.session)
        module = self.modules.get(str(Path(test_file).resolve()))
        if module is None:
            return []
        items = list(self.session.genitems(module))
        self.session.config.hook.pytest_collection_modifyitems(session=self.session, config=self.session.config,
                                                                items=items)
        return items


def _modules_in_folder(session: Any) -> dict[str, Any]:
    import pytest

    return {str(node.path.resolve()): node
            for folder in session.perform_collect(genitems=False)
            for node in folder.collect() if isinstance(node, pytest.Module)}


def _freeze() -> None:
    # Objects that exist now are never collected in a judge: judges skip that GC work. (No
    # gc.collect() first: the few cycles frozen with them cost less than a full collection.)
    gc.freeze()


def serve(tests: HiddenTests, requests: IO[str], replies: IO[str], token: str, zygote: Zygote) -> None:
    _freeze()
    _send(replies, protocol.Ready(os.getpid()), token)
    for line in requests:
        try:
            message = protocol.decode(line, token)
        except protocol.ForeignMessage:
            continue  # written into our stdin by someone without the token
        match message:
            case protocol.CheckRequest() as request:
                if not tests.known(request.test_file):
                    _send(replies, protocol.Collecting(request.id), token)
                answer = run_check(tests.plugin, tests.of(request), request, zygote, token, replies)
            case other:
                raise protocol.ProtocolError(f"the worker takes check requests, not {type(other).__name__}")
        _send(replies, answer, token)


Slot = tuple[int, int]  # (requests, replies): descriptors of an extra slot's pipes


def parse_slots(args: list[str]) -> list[Slot]:
    slots = []
    for arg in args:
        requests, _, replies = arg.partition(",")
        slots.append((int(requests), int(replies)))
    return slots


def fork_slots(tests: HiddenTests, slots: list[Slot], token: str, main_zygote: Zygote, main_replies: IO[str]) -> None:
    """A copy of this worker per extra slot; in this process, the slots' descriptors are closed."""
    for slot in slots:
        if os.fork() == 0:
            try:
                _serve_slot(tests, slot, slots, token, main_zygote, main_replies)
            finally:
                os._exit(0)
    for fd in (fd for slot in slots for fd in slot):
        os.close(fd)


def _serve_slot(tests: HiddenTests, slot: Slot, slots: list[Slot], token: str, main_zygote: Zygote,
                main_replies: IO[str]) -> None:
    os.setpgid(0, 0)  # a group of its own: a slot that is stopped leaves the others running
    die_with_parent()
    if os.getppid() == 1:
        return  # the worker ended before the line above
    # Nothing of the main worker's channels stays open here, or its end would not be seen.
    main_replies.close()
    main_zygote.spawner.control.close()
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    for fd in (fd for other in slots if other != slot for fd in other):
        os.close(fd)
    requests, replies = os.fdopen(slot[0], "r"), os.fdopen(slot[1], "w")
    serve(tests, requests, replies, token, Zygote())


def _send(channel: IO[str], message: protocol.Message, token: str) -> None:
    channel.write(protocol.encode(message, token))
    channel.flush()


def main(argv: list[str]) -> None:
    prepare_environment()
    set_not_dumpable()
    slots = parse_slots(argv[3:])
    token = sys.stdin.readline().strip()
    replies = os.fdopen(os.dup(1), "w")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    zygote = Zygote()
    import pytest

    base = plugin_class()

    class Worker(base):  # type: ignore[misc, valid-type]
        @pytest.hookimpl(tryfirst=True)
        def pytest_collection(self, session) -> bool:  # type: ignore[no-untyped-def]
            return True  # each exercise's file at its first check (see HiddenTests)

        @pytest.hookimpl(tryfirst=True)
        def pytest_runtestloop(self, session) -> bool:  # type: ignore[no-untyped-def]
            tests = HiddenTests(self, session)
            os.dup2(devnull, 2)  # from here on nothing the worker prints can matter
            fork_slots(tests, slots, token, zygote, replies)
            serve(tests, sys.stdin, replies, token, zygote)
            os._exit(0)

    pytest.main(pytest_args([argv[1]], argv[2]), plugins=[Worker()])
    _send(replies, protocol.WorkerFailed("pytest stopped before the worker started"), token)
    os._exit(3)


if __name__ == "__main__":
    main(sys.argv)
