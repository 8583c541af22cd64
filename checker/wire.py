"""The wire between the judge and the confined executor: frames of JSON and numpy arrays.

Both sides use this module. The executor loads it by file path because it imports nothing of
the checker, so this file may only import the standard library and numpy.

Nothing is ever pickled: arrays travel in numpy's own ``.npy`` format read with
``allow_pickle=False``, everything else as JSON. Whatever the learner's code returns, the judge
rebuilds it from these base types, so a subclass with a lying ``__eq__`` or ``__array__``, an
object that inspects the caller's frames, or a string equal to everything cannot reach it.
"""

from __future__ import annotations

import io
import json
import math
import struct
from builtins import (  # bound now: learner code shares the executor's builtins and may patch them
    bool, callable, complex, dict, float, int, isinstance, issubclass, len, list, repr, str, tuple, type,
)
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import numpy.lib.format
import numpy.random  # imported now, not lazily after learner code has patched numpy

MAX_FRAME_BYTES = 64 * 1024 * 1024  # a reply bigger than this is refused, not buffered
MAX_DEPTH = 32
MAX_DICT_ITEMS = 10_000  # far more than any answer needs; bounds the judge's work on a forged reply
MAX_TEXT = 256 * 1024  # one string; longer ones arrive cut, with a note
MAX_REPR = 200
_HEADER = struct.Struct(">I")
# Array element kinds the judge accepts: bool, ints, floats, complex (judged later), text.
ARRAY_KINDS = frozenset("biufcUS")
# Random generators cross as their bit generator's state, a table of plain numbers.
BIT_GENERATORS = frozenset({"PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"})


class WireError(Exception):
    """A frame or value that does not follow the format: the other side is broken or lying."""


@dataclass(frozen=True)
class Opaque:
    """A value the learner's code produced that cannot cross as data (a generator, a class
    instance, bytes, a set, ...): only its type name and a short description arrive."""

    type_name: str
    text: str

    def __repr__(self) -> str:
        return self.text


@dataclass(frozen=True)
class FunctionRef:
    """A callable in the executor, named by a handle the executor keeps for it."""

    handle: int
    name: str


# ------------------------------------------------------------------ frames


def pack(header: dict[str, Any], blobs: list[bytes] = ()) -> bytes:  # type: ignore[assignment]
    """One frame: total length, header length, JSON header, then the blobs back to back."""
    head = json.dumps({**header, "blobs": [len(b) for b in blobs]}, allow_nan=True).encode()
    body = _HEADER.pack(len(head)) + head + b"".join(blobs)
    return _HEADER.pack(len(body)) + body


def unpack(body: bytes) -> tuple[dict[str, Any], list[bytes]]:
    if len(body) < _HEADER.size:
        raise WireError("a frame too short to hold a header")
    (head_len,) = _HEADER.unpack_from(body)
    start = _HEADER.size
    try:
        header = json.loads(body[start:start + head_len])
    except (ValueError, RecursionError) as exc:  # a header of nested brackets overflows the parser
        raise WireError(f"an unreadable frame header ({exc})") from None
    if not isinstance(header, dict) or not isinstance(header.get("blobs"), list):
        raise WireError("a frame header that is not a table with blob sizes")
    blobs, at = [], start + head_len
    for size in header["blobs"]:
        if not isinstance(size, int) or size < 0 or at + size > len(body):
            raise WireError("a frame whose blob sizes do not add up")
        blobs.append(body[at:at + size])
        at += size
    if at != len(body):
        raise WireError("a frame with bytes left over")
    return header, blobs


class FrameReader:
    """Collects bytes from a stream and cuts them into frames, refusing oversized ones."""

    def __init__(self, limit: int = MAX_FRAME_BYTES) -> None:
        self.limit = limit
        self.buffer = bytearray()

    def feed(self, data: bytes) -> list[tuple[dict[str, Any], list[bytes]]]:
        self.buffer += data
        frames = []
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            if size > self.limit:
                raise WireError(f"a frame of {size} bytes, over the limit of {self.limit}")
            if len(self.buffer) < _HEADER.size + size:
                break
            body = bytes(self.buffer[_HEADER.size:_HEADER.size + size])
            del self.buffer[:_HEADER.size + size]
            frames.append(unpack(body))
        return frames


def read_frame(fd_read: Callable[[int], bytes]) -> tuple[dict[str, Any], list[bytes]] | None:
    """Blocking read of one frame through ``fd_read(n)``; None at a clean end of stream."""
    head = _read_exactly(fd_read, _HEADER.size)
    if head is None:
        return None
    (size,) = _HEADER.unpack(head)
    if size > MAX_FRAME_BYTES:
        raise WireError(f"a frame of {size} bytes, over the limit")
    body = _read_exactly(fd_read, size)
    if body is None:
        raise WireError("the stream ended inside a frame")
    return unpack(body)


def _read_exactly(fd_read: Callable[[int], bytes], size: int) -> bytes | None:
    chunks, got = [], 0
    while got < size:
        chunk = fd_read(size - got)
        if not chunk:
            if got == 0:
                return None
            raise WireError("the stream ended inside a frame")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


# ------------------------------------------------------------------ values: encoding


class Encoder:
    """Turns a value into JSON plus blobs. ``functions`` decides what a callable becomes: the
    executor registers it under a handle; the judge refuses (its arguments are data)."""

    def __init__(self, functions: Callable[[Any], Any] | None = None) -> None:
        self.blobs: list[bytes] = []
        self.functions = functions

    def encode(self, value: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            return _opaque("nested", "a value nested too deeply")
        kind = type(value)
        if value is None or kind is bool:
            return value
        if value is Ellipsis:
            return {"$ellipsis": True}
        if isinstance(value, np.generic) and not isinstance(value, (np.void, np.object_)):
            return self.encode(value.item(), depth + 1)
        if issubclass(kind, bool):
            return bool(value)
        if issubclass(kind, int):
            return int.__int__(value)
        if issubclass(kind, float):
            return _float(float.__float__(value))
        if issubclass(kind, complex):
            return {"$complex": [_float(complex.real.__get__(value)), _float(complex.imag.__get__(value))]}
        if issubclass(kind, str):
            return _text(str.__str__(value))
        if isinstance(value, np.ndarray):
            return self._array(value)
        if kind is np.random.Generator:
            return {"$rng": self.encode(value.bit_generator.state, depth + 1)}
        if issubclass(kind, (list, tuple)):
            items = [self.encode(v, depth + 1) for v in list.__iter__(value)] if issubclass(kind, list) \
                else [self.encode(v, depth + 1) for v in tuple.__iter__(value)]
            return items if issubclass(kind, list) else {"$tuple": items}
        if issubclass(kind, dict):
            return {"$dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in dict.items(value)]}
        if callable(value) and self.functions is not None:
            return self.functions(value)
        return _opaque(_type_name(value), _describe(value))

    def _array(self, value: np.ndarray) -> Any:
        base = np.ndarray.view(value, np.ndarray)
        if base.dtype.kind not in ARRAY_KINDS or base.dtype.hasobject:
            return _opaque("ndarray", f"an array of {base.dtype} (not numbers)")
        if base.nbytes > MAX_FRAME_BYTES // 2:
            return _opaque("ndarray", f"an array of {base.nbytes} bytes, too large to check")
        buffer = io.BytesIO()
        np.lib.format.write_array(buffer, np.ascontiguousarray(base), allow_pickle=False)
        self.blobs.append(buffer.getvalue())
        return {"$nd": len(self.blobs) - 1}


def _float(value: float) -> Any:
    # JSON has no NaN or infinity; tag them so both sides agree on what was sent.
    return value if math.isfinite(value) else {"$float": repr(value)}


def _text(value: str) -> str:
    return value if len(value) <= MAX_TEXT else value[:MAX_TEXT] + f"… ({len(value)} characters in all)"


def _opaque(type_name: str, text: str) -> dict[str, Any]:
    return {"$opaque": [type_name[:100], text[:MAX_REPR * 2]]}


def _type_name(value: Any) -> str:
    try:
        return type(value).__name__
    except Exception:
        return "object"


def _describe(value: Any) -> str:
    try:
        text = repr(value)  # runs the learner's __repr__: only ever called in the executor
    except BaseException:
        text = f"<{_type_name(value)} object>"
    return text if len(text) <= MAX_REPR else text[:MAX_REPR] + "…"


# ------------------------------------------------------------------ values: decoding


def decode(data: Any, blobs: list[bytes], depth: int = 0) -> Any:
    """Rebuild a value from JSON and blobs using base types only; anything else is a WireError."""
    if depth > MAX_DEPTH + 1:
        raise WireError("a value nested too deeply")
    if data is None or type(data) in (bool, int, float, str):
        return data
    if type(data) is list:
        return [decode(v, blobs, depth + 1) for v in data]
    if type(data) is not dict or len(data) != 1:
        raise WireError("an untagged table in a value")
    (tag, body), = data.items()
    match tag:
        case "$nd":
            return _array_from(blobs, body)
        case "$float":
            if body not in ("nan", "inf", "-inf"):
                raise WireError("a bad special float")
            return float(body)
        case "$complex":
            re, im = (decode(v, blobs, depth + 1) for v in _pair(body))
            if not all(type(x) in (int, float) for x in (re, im)):
                raise WireError("a complex number that is not made of numbers")
            try:
                return complex(float(re), float(im))
            except OverflowError:
                raise WireError("a complex number too large") from None
        case "$tuple":
            return tuple(decode(v, blobs, depth + 1) for v in _list(body))
        case "$dict":
            if len(_list(body)) > MAX_DICT_ITEMS:
                # Keys crafted to collide in one hash bucket would cost the judge quadratic time.
                raise WireError(f"a dictionary of more than {MAX_DICT_ITEMS} entries")
            return {_key(decode(k, blobs, depth + 1)): decode(v, blobs, depth + 1) for k, v in map(_pair, _list(body))}
        case "$ellipsis":
            return Ellipsis
        case "$rng":
            return _generator(decode(body, blobs, depth + 1))
        case "$opaque":
            type_name, text = _pair(body)
            return Opaque(str(type_name), str(text))
        case "$function":
            handle, name = _pair(body)
            if type(handle) is not int:
                raise WireError("a function handle that is not a number")
            return FunctionRef(handle, str(name))
        case _:
            raise WireError(f"an unknown value tag {tag!r}")


def _array_from(blobs: list[bytes], index: Any) -> np.ndarray:
    if type(index) is not int or not 0 <= index < len(blobs) or blobs[index] is None:
        raise WireError("an array reference to a blob that does not exist (or was used already)")
    # Each blob is read once: the encoder gives every array its own, and a reference repeated
    # would let a few bytes of header stand for gigabytes of arrays.
    blob, blobs[index] = blobs[index], None  # type: ignore[call-overload]
    stream = io.BytesIO(blob)
    try:
        version = np.lib.format.read_magic(stream)
        if version not in ((1, 0), (2, 0)):
            raise ValueError(f"npy version {version}")
        read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
        shape, _, dtype = read_header(stream)
        # The header must describe exactly the bytes after it: numpy allocates what it claims first.
        if dtype.kind not in ARRAY_KINDS or dtype.hasobject or any(n < 0 for n in shape) or \
                math.prod(shape) * dtype.itemsize != len(blob) - stream.tell() or \
                (dtype.itemsize == 0 and math.prod(shape) != 0):
            raise WireError("an array whose header does not match its data")
        stream.seek(0)
        array = np.lib.format.read_array(stream, allow_pickle=False)
    except (ValueError, OSError, EOFError, MemoryError) as exc:
        raise WireError(f"an unreadable array ({exc})") from None
    if type(array) is not np.ndarray or array.dtype.kind not in ARRAY_KINDS or array.dtype.hasobject:
        raise WireError("an array of a kind that is not numbers or text")
    return array


def _generator(state: Any) -> np.random.Generator:
    name = state.get("bit_generator") if isinstance(state, dict) else None
    if name not in BIT_GENERATORS:
        raise WireError("a random generator of an unknown kind")
    bit_generator = getattr(np.random, name)()
    try:
        bit_generator.state = state
    except (TypeError, ValueError, KeyError, OverflowError) as exc:
        raise WireError(f"a random generator with a bad state ({exc})") from None
    return np.random.Generator(bit_generator)


def _pair(body: Any) -> list[Any]:
    if type(body) is not list or len(body) != 2:
        raise WireError("a malformed tagged value")
    return body


def _list(body: Any) -> list[Any]:
    if type(body) is not list:
        raise WireError("a malformed tagged value")
    return body


def _key(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        raise WireError("a dictionary key that cannot be a key") from None
    return value


def encode_value(value: Any, functions: Callable[[Any], Any] | None = None) -> tuple[Any, list[bytes]]:
    encoder = Encoder(functions)
    data = encoder.encode(value)
    return data, encoder.blobs
