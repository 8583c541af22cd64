"""What a hidden test holds of the learner's code: a proxy that asks the executor for data.

``learner.V_A`` reads an attribute and ``learner.f(x)`` calls a function; both happen in the
confined executor and come back as plain data (numbers, strings, lists, tuples, dicts, real
numpy arrays, or an :class:`Opaque` description). Arguments the learner's function changed in
place are written back into the caller's objects, so in-place checks work as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from checker.api import CheckFailed, MissingName
from checker.wire import FunctionRef, Opaque

__all__ = ["Learner", "LearnerFunction", "LearnerError", "LearnerNotImplemented", "CallTimedOut",
           "CodeEnded", "Opaque", "describe_call", "LearnerWarning"]


class LearnerError(Exception):
    """The learner's code raised: the type name, message and their own frames, as text."""

    def __init__(self, raised: dict[str, Any]) -> None:
        self.type_name = str(raised.get("type", "Exception"))
        self.text = str(raised.get("message", ""))
        self.learner_traceback = str(raised.get("traceback", ""))
        line = raised.get("line")
        self.line = line if type(line) is int else None
        self.function = raised.get("function") if isinstance(raised.get("function"), str) else None
        self.exit_code = raised.get("exit_code")
        super().__init__(f"{self.type_name}: {self.text}" if self.text else self.type_name)


class LearnerNotImplemented(LearnerError, NotImplementedError):
    """The learner's function still raises NotImplementedError: not started."""


@dataclass(frozen=True)
class LearnerWarning:
    """A warning the learner's code raised during a call (numpy's divide-by-zero, say)."""

    categories: tuple[str, ...]  # the warning's class and its bases, by name: RuntimeWarning, Warning
    message: str
    line: int | None  # in the learner's file, when it was raised there

    @property
    def category(self) -> str:
        return self.categories[0] if self.categories else "Warning"


class CallTimedOut(CheckFailed):
    """A call ran past its time limit and was stopped."""


class CodeEnded(CheckFailed):
    """The process running the learner's code ended during a call (exit, crash, kill)."""


class Session(Protocol):
    def get(self, name: str) -> Any: ...
    def call(self, function: LearnerFunction, args: tuple[Any, ...], kwargs: dict[str, Any], what: str,
             timeout: float | None, repeat: int | None = None) -> Any: ...


class Learner:
    """The ``learner`` fixture: the learner's module, read through the executor."""

    __slots__ = ("_session",)

    def __init__(self, session: Session) -> None:
        object.__setattr__(self, "_session", session)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # copy, pickle and pytest probe dunders: never the learner's
        return self._session.get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("the learner's module is read-only from the checks")

    def has(self, name: str) -> bool:
        try:
            self._session.get(name)
        except MissingName:
            return False
        return True


class LearnerFunction:
    """A function in the learner's file. Calling it runs it in the executor."""

    __slots__ = ("_session", "ref", "generation", "last_warnings")

    def __init__(self, session: Session, ref: FunctionRef, generation: int = 0) -> None:
        self._session = session
        self.ref = ref
        self.generation = generation  # which executor the handle belongs to
        self.last_warnings: list[LearnerWarning] = []  # raised during the latest call

    @property
    def __name__(self) -> str:  # type: ignore[override]
        return self.ref.name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.invoke(args, kwargs)

    def invoke(self, args: tuple[Any, ...] | list[Any], kwargs: dict[str, Any] | None = None, *,
               what: str | None = None, timeout: float | None = None, repeat: int | None = None) -> Any:
        """Call with these arguments; ``what`` describes the call in messages (default: built
        from the arguments) and ``timeout`` overrides the per-call time limit. With ``repeat``,
        the same call is made that many times in a row (sampling a random policy, say) and the
        list of results comes back: one round trip instead of thousands."""
        kwargs = kwargs or {}
        label = what or describe_call(self.ref.name, args, kwargs)
        return self._session.call(self, tuple(args), kwargs, label, timeout, repeat)

    def __repr__(self) -> str:
        return f"<function {self.ref.name} in your file>"


# ------------------------------------------------------------------ describing calls briefly


def brief(value: Any, room: int = 40) -> str:
    """A short rendering of an argument: small values in full, big arrays by their shape."""
    if isinstance(value, np.ndarray):
        if value.size <= 8 and value.ndim <= 1:
            return np.array2string(value, separator=", ", precision=4, suppress_small=True)
        head = ", ".join(f"{x:.4g}" if isinstance(x, float) else repr(x) for x in value.ravel()[:3].tolist())
        return f"array {'x'.join(map(str, value.shape))} [{head}, …]"
    if isinstance(value, (list, tuple)):
        text = repr(value)
        if len(text) <= room:
            return text
        kind = "list" if isinstance(value, list) else "tuple"
        return f"{kind} of {len(value)}"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, np.random.Generator):
        return "rng"
    text = repr(value)
    return text if len(text) <= room else text[:room - 1] + "…"


def describe_call(name: str, args: tuple[Any, ...] | list[Any], kwargs: dict[str, Any]) -> str:
    parts = [brief(a) for a in args] + [f"{k}={brief(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


# ------------------------------------------------------------------ values arriving from the executor


def realify(value: Any, what: str) -> Any:
    """Complex numbers with no imaginary part become real; any other complex value fails."""
    if isinstance(value, complex):
        if value.imag != 0:
            raise CheckFailed(f"{what}\n  returned the complex number {value}; the answer should be a real number.")
        return value.real
    if isinstance(value, np.ndarray) and value.dtype.kind == "c":
        if np.any(value.imag != 0):
            raise CheckFailed(f"{what}\n  returned an array of complex numbers; the answer should be real numbers.")
        return value.real.copy()
    if isinstance(value, list):
        return [realify(v, what) for v in value]
    if isinstance(value, tuple):
        return tuple(realify(v, what) for v in value)
    if isinstance(value, dict):
        return {k: realify(v, what) for k, v in value.items()}
    return value


def write_back(target: Any, new: Any) -> None:
    """Put what the learner's function left in an argument into the caller's object."""
    if isinstance(target, np.ndarray) and isinstance(new, np.ndarray) and target.shape == new.shape:
        try:
            target[...] = new
        except (TypeError, ValueError):
            pass
    elif isinstance(target, list) and isinstance(new, list):
        target[:] = new
    elif isinstance(target, dict) and isinstance(new, dict):
        target.clear()
        target.update(new)
    elif isinstance(target, np.random.Generator) and isinstance(new, np.random.Generator):
        target.bit_generator.state = new.bit_generator.state  # the draws the learner made, made here too
