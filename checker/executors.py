"""The judge's side of a confined executor: starting one, asking it things, stopping it.

An executor comes from a zygote (a warm process with numpy imported that forks one per
request; the warm path) or from a fresh interpreter (the cold path). Either way the judge holds
the two ends that matter: a socket for requests and replies, and a pipe with everything the
learner's code printed. Every request has a deadline; an executor that misses it is killed
with its process group, and the judge goes on.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from checker import wire
from checker.sandbox import clean_environment, kill_group

EXECUTOR_SCRIPT = Path(__file__).with_name("executor.py")
DRAIN_BYTES = 4 * 1024 * 1024  # read after a reply; a pipe holds far less than this
HELLO_SECONDS = 10.0  # a fork takes milliseconds; a fresh interpreter importing numpy, a second


@dataclass(frozen=True)
class Limits:
    memory_mb: int
    cpu_seconds: float
    landlock: bool


class ExecutorGone(Exception):
    """The executor did not answer: it ran out of time, or it ended."""

    def __init__(self, reason: str, exit_code: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.exit_code = exit_code
        self.output = Output()  # what the learner's code printed before it stopped answering
        self.took = 0.0


class ExecutorTimedOut(ExecutorGone):
    pass


@dataclass
class Output:
    """What the learner's code printed during one request."""

    text: bytes = b""
    seen: int = 0

    @property
    def truncated(self) -> bool:
        return self.seen > len(self.text)


@dataclass
class Executor:
    pid: int
    channel: socket.socket
    out_fd: int
    tmpdir: str
    owner: Spawner
    isolation: str = ""
    output_room: int = 64 * 1024  # what is still kept of the output, over the whole check
    alive: bool = True
    _reader: wire.FrameReader = field(default_factory=wire.FrameReader)
    _next_id: int = 0

    def request(self, header: dict[str, Any], blobs: list[bytes], timeout: float) -> tuple[dict[str, Any], list[bytes], Output, float]:
        """Send one request; the reply, the output printed meanwhile and the seconds it took."""
        if not self.alive:
            raise ExecutorGone("the process running your code had already ended")
        self._next_id += 1
        header = {**header, "id": self._next_id}
        start = time.monotonic()
        output = Output()
        try:
            try:
                self.channel.sendall(wire.pack(header, blobs))
            except OSError:
                self.stop()
                raise ExecutorGone("the process running your code ended", self.owner.exit_status(self.pid)) from None
            reply, reply_blobs = self._await_reply(start + timeout, output, timeout)
        except ExecutorGone as exc:
            self._drain(output)
            exc.output, exc.took = output, time.monotonic() - start
            raise
        if reply.get("id") != self._next_id:
            self.stop()
            raise ExecutorGone("the process running your code answered out of turn")
        return reply, reply_blobs, output, time.monotonic() - start

    def _await_reply(self, deadline: float, output: Output, timeout: float) -> tuple[dict[str, Any], list[bytes]]:
        with selectors.DefaultSelector() as selector:
            selector.register(self.channel, selectors.EVENT_READ)
            selector.register(self.out_fd, selectors.EVENT_READ)
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self.stop()
                    self._drain(output)
                    raise ExecutorTimedOut(f"it did not finish within {timeout:g} s")
                for key, _ in selector.select(remaining):
                    if key.fileobj is self.channel:
                        frame = self._read_channel()
                        if frame is not None:
                            self._drain(output)
                            return frame
                    else:
                        self._read_output(output, selector)

    def _read_channel(self) -> tuple[dict[str, Any], list[bytes]] | None:
        try:
            data = self.channel.recv(1 << 20)
        except OSError:
            data = b""
        if not data:
            self.stop()
            raise ExecutorGone("the process running your code ended", self.owner.exit_status(self.pid))
        try:
            frames = self._reader.feed(data)
        except wire.WireError as exc:
            self.stop()
            raise ExecutorGone(f"the process running your code sent something unreadable ({exc})") from None
        return frames[0] if frames else None

    def _read_output(self, output: Output, selector: selectors.BaseSelector | None = None) -> bool:
        try:
            data = os.read(self.out_fd, 65536)
        except (BlockingIOError, OSError):
            return False
        if not data:
            if selector is not None:
                selector.unregister(self.out_fd)
            return False
        output.seen += len(data)
        keep = data[:max(self.output_room, 0)]
        output.text += keep
        self.output_room -= len(keep)
        return True

    def _drain(self, output: Output) -> None:
        """What was written before the reply is already in the pipe: take it without waiting, and
        at most DRAIN_BYTES, so writers left running by the learner cannot keep the judge here."""
        os.set_blocking(self.out_fd, False)
        start = output.seen
        try:
            while output.seen - start < DRAIN_BYTES and self._read_output(output):
                pass
        finally:
            os.set_blocking(self.out_fd, True)

    def stop(self) -> None:
        if self.alive:
            self.alive = False
            kill_group(self.pid)

    def close(self) -> None:
        self.stop()
        for closer in (self.channel.close, lambda: os.close(self.out_fd)):
            try:
                closer()
            except OSError:
                pass
        self.owner.forget(self.pid)
        shutil.rmtree(self.tmpdir, ignore_errors=True)


class Spawner(Protocol):
    def spawn(self, filename: str, limits: Limits, output_room: int) -> Executor: ...
    def exit_status(self, pid: int) -> int | None: ...
    def forget(self, pid: int) -> None: ...


def working_folder(parent: str) -> str:
    """A fresh working folder for one executor, in ``parent`` (the check's own folder, which its
    starter removes whatever becomes of the executor; see ``checker.scratch``) or, without one, in
    the system's."""
    if parent:
        return tempfile.mkdtemp(prefix="", dir=parent)  # short: see checker.scratch
    return tempfile.mkdtemp(prefix="rlcheck-run-")


def _spec(filename: str, limits: Limits, tmpdir: str) -> dict[str, Any]:
    return {
        "filename": filename,
        "tmpdir": tmpdir,
        "env": clean_environment(dict(os.environ), tmpdir),
        "memory_mb": limits.memory_mb,
        "cpu_seconds": limits.cpu_seconds,
        "landlock": limits.landlock,
    }


def executor_config(channel_fd: int, spec: dict[str, Any] | None = None) -> str:
    """The executor's command-line config: our import path (absolute entries only, never the
    current folder), the descriptor it talks on, and what to run."""
    path = [p for p in sys.path if p and os.path.isabs(p) and p != os.getcwd()]
    return json.dumps({"sys_path": path, "channel_fd": channel_fd, "spec": spec})


def executor_command(mode: str, config: str) -> list[str]:
    # -I: no PYTHON* variables, no user site, no script folder on the path; main() sets the path.
    return [sys.executable, "-I", str(EXECUTOR_SCRIPT), mode, config]


def _started(executor: Executor) -> Executor:
    """The executor once it has said hello; closed (and the error raised) if it does not."""
    try:
        _await_hello(executor)
    except ExecutorGone:
        executor.close()
        raise
    return executor


def _await_hello(executor: Executor) -> None:
    output = Output()
    frame = executor._await_reply(time.monotonic() + HELLO_SECONDS, output, HELLO_SECONDS)
    header, _ = frame
    if header.get("op") != "hello":
        executor.stop()
        raise ExecutorGone("the process for your code did not start properly")
    executor.isolation = str(header.get("isolation", ""))


class ColdSpawner:
    """A fresh interpreter per executor: slower, and the path where fork does not exist.

    ``prestart`` launches the first executor at once, so that its start (numpy's import) runs
    while the judge is still importing pytest and the hidden tests.
    """

    def __init__(self, prestart: tuple[str, Limits, int] | None = None, folder: str = "") -> None:
        self._procs: dict[int, subprocess.Popen[bytes]] = {}
        self._folder = folder
        self._ready: tuple[tuple[str, Limits, int], Executor] | None = None
        if prestart is not None:
            self._ready = (prestart, self._launch(*prestart))

    def spawn(self, filename: str, limits: Limits, output_room: int) -> Executor:
        ready, self._ready = self._ready, None
        if ready is not None and ready[0] == (filename, limits, output_room):
            executor = ready[1]
        else:
            if ready is not None:
                ready[1].close()
            executor = self._launch(filename, limits, output_room)
        return _started(executor)

    def _launch(self, filename: str, limits: Limits, output_room: int) -> Executor:
        tmpdir = working_folder(self._folder)
        mine, theirs = socket.socketpair()
        out_r, out_w = os.pipe()
        proc = subprocess.Popen(
            executor_command("single", executor_config(theirs.fileno(), _spec(filename, limits, tmpdir))),
            stdin=subprocess.DEVNULL, stdout=out_w, stderr=out_w,
            pass_fds=(theirs.fileno(),), start_new_session=True, cwd=tmpdir,
        )
        theirs.close()
        os.close(out_w)
        self._procs[proc.pid] = proc
        return Executor(proc.pid, mine, out_r, tmpdir, self, output_room=output_room)

    def exit_status(self, pid: int) -> int | None:
        proc = self._procs.get(pid)
        if proc is None:
            return None
        try:
            return proc.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            return None

    def forget(self, pid: int) -> None:
        proc = self._procs.pop(pid, None)
        if proc is not None:
            try:
                proc.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                pass


class ZygoteSpawner:
    """Asks the zygote (numpy already imported) to fork an executor: a few milliseconds."""

    def __init__(self, control: socket.socket, folder: str = "") -> None:
        self.control = control
        self._folder = folder
        self._next = 0
        self._buffer = b""

    def within(self, folder: str) -> ZygoteSpawner:
        """The same zygote, with the executors' working folders made in ``folder``."""
        return ZygoteSpawner(self.control, folder)

    def ask(self, request: dict[str, Any], fds: list[int] = (), timeout: float = 5.0) -> dict[str, Any]:  # type: ignore[assignment]
        self._next += 1
        # The worker and each judge it forks share this socket: ids name the asker too.
        ident = f"{os.getpid()}-{self._next}"
        request = {**request, "id": ident}
        socket.send_fds(self.control, [json.dumps(request).encode() + b"\n"], list(fds))
        deadline = time.monotonic() + timeout
        while True:
            # Replies to requests of a judge that was killed mid-question are skipped by id.
            while b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                try:
                    reply = json.loads(line)
                except ValueError:
                    continue  # the tail of a reply whose head a killed judge had read
                if isinstance(reply, dict) and reply.get("id") == ident:
                    return reply
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ExecutorGone("the process that starts checks did not answer")
            self.control.settimeout(remaining)
            try:
                data = self.control.recv(65536)
            except (socket.timeout, OSError):
                data = b""
            finally:
                self.control.settimeout(None)
            if not data:
                raise ExecutorGone("the process that starts checks has ended")
            self._buffer += data

    def spawn(self, filename: str, limits: Limits, output_room: int) -> Executor:
        tmpdir = working_folder(self._folder)
        mine, theirs = socket.socketpair()
        out_r, out_w = os.pipe()
        try:
            reply = self.ask({"op": "spawn", "spec": _spec(filename, limits, tmpdir)}, [theirs.fileno(), out_w])
        except (ExecutorGone, OSError):
            shutil.rmtree(tmpdir, ignore_errors=True)
            raise
        finally:
            theirs.close()
            os.close(out_w)
        executor = Executor(int(reply["pid"]), mine, out_r, tmpdir, self, output_room=output_room)
        return _started(executor)

    def exit_status(self, pid: int) -> int | None:
        try:
            return self.ask({"op": "status", "pid": pid}, timeout=2.0).get("status")
        except (ExecutorGone, OSError, ValueError):
            return None

    def forget(self, pid: int) -> None:
        pass

    def sweep(self) -> int:
        return int(self.ask({"op": "sweep"}).get("killed", 0))


def start_zygote(cwd: str) -> tuple[subprocess.Popen[bytes], socket.socket]:
    """The zygote process and our end of its control socket."""
    mine, theirs = socket.socketpair()
    proc = subprocess.Popen(
        executor_command("zygote", executor_config(theirs.fileno())),
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        pass_fds=(theirs.fileno(),), cwd=cwd, env=clean_environment(dict(os.environ), cwd),
    )
    theirs.close()
    return proc, mine
