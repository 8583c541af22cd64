"""Reading the checker's own processes: newline-ended messages, each read with a deadline.

The command reads its warm worker this way, and whoever started a judge (the worker, or the
command on the cold path) reads the judge's events until its verdict.
"""

from __future__ import annotations

import os
import selectors
import time

from checker import protocol
from checker.protocol import Message, NoVerdict


class NoAnswer(Exception):
    """A process we started did not answer in time, or ended: it has been killed."""


class Lines:
    """Reads newline-ended messages from a pipe, each read with a deadline."""

    def __init__(self, fd: int, token: str) -> None:
        self.fd = fd
        self.token = token
        self.buffer = b""

    def next(self, deadline: float) -> Message:
        while True:
            while b"\n" not in self.buffer:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise NoAnswer("did not answer in time")
                with selectors.DefaultSelector() as selector:
                    selector.register(self.fd, selectors.EVENT_READ)
                    if not selector.select(remaining):
                        continue
                data = os.read(self.fd, 1 << 20)
                if not data:
                    raise NoAnswer("ended")
                self.buffer += data
            line, self.buffer = self.buffer.split(b"\n", 1)
            try:
                return protocol.decode(line, self.token)
            except protocol.ForeignMessage:
                continue  # written into our pipe by someone without the token: not an answer
            except protocol.ProtocolError as exc:
                raise NoAnswer(f"sent something that is not an answer ({exc})") from None


def await_verdict(lines: Lines, deadline: float, request_id: int,
                  after_start: float | None = None) -> tuple[Message, list[int]]:
    """The judge's verdict, or why there is none; and the executors it reported starting.

    ``after_start``: once the judge starts the learner's code, only this many more seconds (its
    own start-up, importing pytest and the tests, may take longer than the check itself).
    """
    executors: list[int] = []
    while True:
        try:
            message = lines.next(deadline)
        except NoAnswer as exc:
            return NoVerdict(request_id, f"the judge {exc}"), executors
        match message:
            case protocol.ExecutorStarted(pid=pid):
                executors.append(pid)
                if after_start is not None:
                    deadline = min(deadline, time.monotonic() + after_start)
            case protocol.Verdict():
                return message, executors
            case _:
                return NoVerdict(request_id, f"the judge sent {type(message).__name__}"), executors
