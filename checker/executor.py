"""The confined executor: runs the learner's file and answers the judge's questions with data.

This file is run as a script, never imported by the checker, and it imports nothing of the
checker but two sibling files loaded by path (``wire.py``, ``sandbox.py``, both standard library
and numpy only). The hidden tests, the reference computations and every expected value live in
the judge, another process: nothing here can read or bend them.

    python -I executor.py zygote CONFIG   stays up with numpy imported; forks an executor per request
    python -I executor.py single CONFIG   is one executor (the cold path), talking on fd 3

An executor starts in its own session, with a clean environment, a private temporary folder as
its working folder, resource caps and (on Linux) Landlock; then it answers, one frame at a time:
``load`` (compile and run the learner's source), ``get`` (a module attribute) and ``call`` (a
function, with its arguments, sent back too when the function changed them in place).
"""

from __future__ import annotations

import fcntl
import importlib.util
import json
import os
import socket
import sys
import time
import traceback
import types
import warnings
from builtins import (  # bound now: learner code shares this process's builtins and may patch them
    BaseException, getattr, isinstance, len, list, open, repr, str, type,
)
from pathlib import Path
from typing import Any

LEARNER_MODULE = "exercise"
CHANNEL_FD = 3
MAX_MESSAGE = 4096


def _sibling(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(f"_rlcheck_{name}", Path(__file__).with_name(f"{name}.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


wire = _sibling("wire")
sandbox = _sibling("sandbox")


# ------------------------------------------------------------------ answering the judge


class Executor:
    """The learner's module and the callables handed to the judge, by handle."""

    def __init__(self, channel: socket.socket, filename: str) -> None:
        self.channel = channel
        self.filename = filename
        self.module: types.ModuleType | None = None
        self.handles: list[Any] = []
        self.stdio = (sys.stdout, sys.stderr)

    def serve(self) -> None:
        while True:
            frame = wire.read_frame(self.channel.recv)
            if frame is None:
                return
            header, blobs = frame
            reply, out_blobs = self.answer(header, blobs)
            reply["id"] = header.get("id")
            self.flush()  # the output of a request reaches its pipe before the reply does
            self.channel.sendall(wire.pack(reply, out_blobs))

    def answer(self, header: dict[str, Any], blobs: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        try:
            match header.get("op"):
                case "load":
                    return self.load(blobs[0]), []
                case "get":
                    return self.get(str(header["name"]))
                case "call":
                    return self.call(header, blobs)
                case other:
                    return {"op": "refused", "message": f"unknown request {other!r}"}, []
        except wire.WireError as exc:
            return {"op": "refused", "message": str(exc)}, []

    def flush(self) -> None:
        for stream in (*self.stdio, sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # the learner may have closed or replaced the streams
                pass

    def load(self, source: bytes) -> dict[str, Any]:
        try:
            code = compile(source, self.filename, "exec", dont_inherit=True)
        except SyntaxError as exc:
            return {"op": "load_failed", "kind": "syntax", **_syntax(exc)}
        except ValueError as exc:  # null bytes, on some Python versions
            return {"op": "load_failed", "kind": "error", "message": f"not a Python source file: {exc}",
                    "detail": "", "line": None}
        module = types.ModuleType(LEARNER_MODULE)
        module.__file__ = self.filename
        sys.modules[LEARNER_MODULE] = module
        try:
            exec(code, module.__dict__)
        except BaseException as exc:  # the top level may raise anything, SystemExit included
            return {"op": "load_failed", "kind": "raised", "raised": self.describe(exc)}
        self.module = module
        return {"op": "loaded"}

    def get(self, name: str) -> tuple[dict[str, Any], list[bytes]]:
        if self.module is None:
            return {"op": "refused", "message": "nothing is loaded"}, []
        try:
            value = getattr(self.module, name)
        except AttributeError:
            return {"op": "missing", "name": name}, []
        except BaseException as exc:
            return {"op": "raised", "raised": self.describe(exc)}, []
        return self.reply_value({"op": "value"}, value)

    def call(self, header: dict[str, Any], blobs: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        handle = header.get("handle")
        if type(handle) is not int or not 0 <= handle < len(self.handles):
            return {"op": "refused", "message": "no such function"}, []
        args = list(wire.decode(header["args"], blobs))
        kwargs = wire.decode(header["kwargs"], blobs)
        before = [_fingerprint(a) for a in args], {k: _fingerprint(v) for k, v in kwargs.items()}
        repeat = header.get("repeat")
        function = self.handles[handle]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")  # a check may care about a warning the learner's code raises
            try:
                if type(repeat) is int:  # the same call many times (sampling), in one request
                    result = [function(*args, **kwargs) for _ in range(repeat)]
                else:
                    result = function(*args, **kwargs)
            except BaseException as exc:
                return {"op": "raised", "raised": self.describe(exc)}, []
        encoder = wire.Encoder(self.register)
        reply: dict[str, Any] = {"op": "returned", "warnings": [self.warning(w) for w in caught[:20]]}
        same = [i for i, a in enumerate(args) if result is a]
        reply["value"] = {"$arg": same[0]} if same else self.encode(encoder, result)
        reply["args"] = {str(i): self.encode(encoder, a) for i, a in enumerate(args) if _fingerprint(a) != before[0][i]}
        reply["kwargs"] = {k: self.encode(encoder, v) for k, v in kwargs.items() if _fingerprint(v) != before[1][k]}
        return reply, encoder.blobs

    def reply_value(self, reply: dict[str, Any], value: Any) -> tuple[dict[str, Any], list[bytes]]:
        encoder = wire.Encoder(self.register)
        reply["value"] = self.encode(encoder, value)
        return reply, encoder.blobs

    def encode(self, encoder: Any, value: Any) -> Any:
        try:
            return encoder.encode(value)
        except BaseException as exc:  # the learner's object fought back while being read
            return {"$opaque": [type(value).__name__, f"a value that could not be read ({type(exc).__name__})"]}

    def register(self, function: Any) -> dict[str, Any]:
        self.handles.append(function)
        name = getattr(function, "__name__", None)
        return {"$function": [len(self.handles) - 1, name if isinstance(name, str) else "function"]}

    def warning(self, caught: warnings.WarningMessage) -> list[Any]:
        kinds = [c.__name__ for c in getattr(caught.category, "__mro__", ()) if isinstance(c, type) and issubclass(c, Warning)]
        line = caught.lineno if caught.filename == self.filename else None
        return [kinds or ["Warning"], _safe_str(caught.message)[:500], line]

    def describe(self, exc: BaseException) -> dict[str, Any]:
        """The exception as the learner should see it: only the frames of their own file."""
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == self.filename]
        kind = type(exc).__name__
        message = _safe_str(exc)
        trace = "".join(traceback.format_list(frames)) + f"{kind}: {message}\n" if frames else ""
        return {
            "type": kind,
            "message": message,
            "traceback": trace[-8000:],
            "line": frames[-1].lineno if frames else None,
            "function": frames[-1].name if frames else None,
            "not_implemented": isinstance(exc, NotImplementedError),
            "exit_code": repr(exc.code)[:100] if isinstance(exc, SystemExit) else None,
        }


def _fingerprint(value: Any) -> Any:
    # What an argument looked like, to tell which ones the learner's function changed in place.
    try:
        data, blobs = wire.encode_value(value)
        return json.dumps(data, sort_keys=True), blobs
    except BaseException:
        return None


def _safe_str(exc: BaseException) -> str:
    try:
        text = str(exc)
    except BaseException:
        return "<an exception that cannot be printed>"
    return text if len(text) <= 2000 else text[:2000] + "…"


def _syntax(exc: SyntaxError) -> dict[str, Any]:
    where = f" on line {exc.lineno}" if exc.lineno else ""
    detail = ""
    if exc.text:
        caret = " " * max((exc.offset or 1) - 1, 0) + "^"
        detail = f"{exc.lineno:>4} | {exc.text.rstrip()}\n     | {caret}\n"
    return {"message": f"{type(exc).__name__}{where}: {exc.msg}", "detail": detail, "line": exc.lineno}


# ------------------------------------------------------------------ becoming an executor


def become_executor(channel_fd: int, out_fd: int, spec: dict[str, Any]) -> None:
    """In the new process: confine, then serve the judge. Never returns."""
    code = 0
    try:
        # Park both descriptors above the ones being rearranged, so no dup2 clobbers the other.
        channel_fd, out_fd = (fcntl.fcntl(fd, fcntl.F_DUPFD, 100) for fd in (channel_fd, out_fd))
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out_fd, 1)
        os.dup2(out_fd, 2)
        os.dup2(channel_fd, CHANNEL_FD)
        os.closerange(CHANNEL_FD + 1, os.sysconf("SC_OPEN_MAX"))
        home = spec["tmpdir"]
        os.chdir(home)
        os.environ.clear()
        os.environ.update(spec["env"])
        sys.stdout = open(1, "w", buffering=1, encoding="utf-8", errors="backslashreplace", closefd=False)
        sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="backslashreplace", closefd=False)
        sandbox.die_with_parent()
        sys.breakpointhook = lambda *args, **kwargs: None  # nobody could answer a debugger here
        sandbox.apply_limits(spec["memory_mb"], spec["cpu_seconds"])
        isolation = sandbox.confine(home, spec["landlock"])
        channel = socket.socket(fileno=CHANNEL_FD)
        hello = {"op": "hello", "pid": os.getpid(), "isolation": isolation.describe(), "abi": isolation.landlock_abi}
        channel.sendall(wire.pack(hello))
        Executor(channel, spec["filename"]).serve()
    except BaseException:
        code = 70
    finally:
        os._exit(code)


# ------------------------------------------------------------------ the zygote


def zygote(control: socket.socket) -> None:
    """Fork one executor per ``spawn`` request; ``sweep`` stops every process left behind."""
    sandbox.become_subreaper()
    sandbox.die_with_parent()
    statuses: dict[int, int] = {}
    buffer = b""
    while True:
        data, fds, _flags, _addr = socket.recv_fds(control, MAX_MESSAGE, 4)
        if not data:
            return
        buffer += data
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            request = json.loads(line)
            reply = _zygote_answer(control, request, fds, statuses)
            fds = []
            control.sendall(json.dumps(reply).encode() + b"\n")
        for fd in fds:  # fds that arrived without a request to use them
            os.close(fd)
        _reap(statuses)


def _zygote_answer(control: socket.socket, request: dict[str, Any], fds: list[int],
                   statuses: dict[int, int]) -> dict[str, Any]:
    match request.get("op"):
        case "spawn" if len(fds) == 2:
            pid = os.fork()
            if pid == 0:
                control.close()
                os.setsid()
                become_executor(fds[0], fds[1], request["spec"])
            for fd in fds:
                os.close(fd)
            return {"id": request["id"], "pid": pid}
        case "status":
            return {"id": request["id"], "status": _wait_for(int(request["pid"]), statuses)}
        case "sweep":
            _reap(statuses)  # executors that ended are no orphans: the sweep then mostly finds nothing
            killed = sandbox.sweep_children()
            _reap(statuses)
            return {"id": request["id"], "killed": killed}
        case other:
            for fd in fds:
                os.close(fd)
            return {"id": request.get("id"), "error": f"unknown request {other!r}"}


def _reap(statuses: dict[int, int]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        statuses[pid] = os.waitstatus_to_exitcode(status)
        if len(statuses) > 256:
            statuses.pop(next(iter(statuses)))


def _wait_for(pid: int, statuses: dict[int, int], seconds: float = 1.0) -> int | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _reap(statuses)
        if pid in statuses:
            return statuses.pop(pid)
        time.sleep(0.002)
    return None


def main(argv: list[str]) -> None:
    mode, config = argv[1], json.loads(argv[2])
    # Only the parent's own import path: never the current folder or the script's folder.
    sys.path[:] = [p for p in config["sys_path"] if p and os.path.isabs(p)]
    sys.dont_write_bytecode = True
    import numpy  # noqa: F401  (imported once here, so that every executor starts with it)

    match mode:
        case "zygote":
            zygote(socket.socket(fileno=config["channel_fd"]))
        case "single":
            become_executor(config["channel_fd"], 1, config["spec"])
        case _:
            raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv)
