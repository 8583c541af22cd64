"""A learner attacking the checker itself, through the real runner (warm and cold paths).

Each attack wants a false pass, a hang, a crash of the checker, a leak of expected values, or
lost progress. The honest outcome is always: a verdict that is not a pass (and does not blame
the course for the learner's code), in bounded time, with the runner still working afterwards.

Many attacks speak the wire themselves: the learner's code writes frames straight into fd 3, the
executor's channel to the judge, and can find the id of the request being answered in the
executor's own stack frames. A forged reply can only say what the learner's function could have
returned anyway (values are data), so what these tests look at is how the judge survives
malformed or oversized frames.
"""

from __future__ import annotations

import textwrap
import time

import pytest

from checker.result import Status
from test_hostile_runner import WRONG_MESSAGE, Session, message_of, posix_only

# Learner-side helpers: build a frame by hand and send it on the executor's channel.
FORGE = '''
import json, os, socket, struct, sys

def _frame(header, blobs=(), raw=None):
    head = raw if raw is not None else json.dumps({**header, "blobs": [len(b) for b in blobs]}).encode()
    body = struct.pack(">I", len(head)) + head + b"".join(blobs)
    return struct.pack(">I", len(body)) + body

def _send(data):
    socket.socket(fileno=os.dup(3)).sendall(data)

def _request_id():
    frame = sys._getframe(1)
    while frame is not None:  # Executor.call holds the request it is answering
        header = frame.f_locals.get("header")
        if isinstance(header, dict) and "id" in header:
            return header["id"]
        frame = frame.f_back

def _forge(value, blobs=()):
    """Answer the current call with a reply of our own, then leave before the real one."""
    _send(_frame({"op": "returned", "id": _request_id(), "value": value, "warnings": [], "args": {},
                  "kwargs": {}}, blobs))
    os._exit(0)

def _npy(shape, descr="<f8", data=b""):
    head = repr({"descr": descr, "fortran_order": False, "shape": shape}).encode()
    head += b" " * ((64 - (10 + len(head) + 1) % 64) % 64) + b"\\n"
    return b"\\x93NUMPY\\x01\\x00" + struct.pack("<H", len(head)) + head + data
'''


def forging(body: str) -> str:
    return FORGE + textwrap.dedent(body)


@pytest.fixture(scope="module")
def sessions(course, tmp_path_factory):
    folder = tmp_path_factory.mktemp("attacks")
    made = {warm: Session(course, folder / ("warm" if warm else "cold"), warm) for warm in (False, True)}
    yield made
    for s in made.values():
        s.runner.close()


@pytest.fixture(params=[False, True], ids=["cold", "warm"])
def session(request, sessions) -> Session:
    return sessions[request.param]


@pytest.fixture
def warm(sessions) -> Session:
    return sessions[True]


def assert_honest(result, *statuses: Status) -> None:
    assert result.status is not Status.PASSED, result.summary
    # ERROR is "a problem in the course, not in your code": the learner's code must not earn it.
    assert result.status is not Status.ERROR, f"{result.summary}\n{result.detail}"
    if statuses:
        assert result.status in statuses, f"{result.status}: {result.summary} / {message_of(result)}"


# ------------------------------------------------------------------ forged frames


@posix_only
def test_a_json_depth_bomb_at_load_is_the_learners_crash_not_the_courses(session):
    """A frame header of 200 000 nested brackets made the judge's json.loads raise RecursionError
    (not a ValueError): the check ended as an internal error blaming the course. Fixed in wire.py:
    an unreadable header is a WireError, so the executor is stopped and the file 'crashed'."""
    result = session.check(forging("""
        _send(_frame({}, raw=b"[" * 200000))
        import time; time.sleep(60)
    """))
    assert_honest(result, Status.CRASHED)
    assert "unreadable" in result.summary or "ended" in result.summary or "crashed" in result.summary.lower()
    session.assert_unharmed()


@posix_only
def test_a_json_depth_bomb_during_a_call(warm):
    result = warm.check(forging("""
        def bellman_iteration(V, R, P, gamma):
            _send(_frame({}, raw=b"[" * 200000))
            import time; time.sleep(60)
    """))
    assert_honest(result, Status.CRASHED)
    assert "RecursionError" not in message_of(result)
    warm.assert_unharmed()


@posix_only
def test_one_blob_referenced_many_times_is_refused(warm):
    """The encoder puts every array in a blob of its own; a forged reply that names one blob many
    times let a few bytes of header stand for gigabytes of arrays in the judge (here 400 x 1 MB;
    10 bytes per reference in a 64 MB frame could ask for petabytes). Fixed in wire.py: a blob
    is read at most once."""
    result = warm.check(forging("""
        def bellman_iteration(V, R, P, gamma):
            blob = _npy((131072,), data=bytes(131072 * 8))
            _forge([{"$nd": 0}] * 400, [blob])
    """))
    assert_honest(result, Status.CRASHED)
    assert "cannot be read" in message_of(result)
    warm.assert_unharmed()


@posix_only
@pytest.mark.parametrize("shape, descr", [((10**15,), "<f8"), ((10**12,), "<U0"), ((-2, -4), "<f8")],
                         ids=["petabytes", "zero-width-strings", "negative-shape"])
def test_an_npy_header_that_lies_about_its_size_is_refused(warm, shape, descr):
    """A header claiming 10**15 floats made numpy allocate before reading and raise MemoryError
    in the judge; 10**12 zero-width strings arrived as an array of 10**12 elements from 0 bytes.
    Fixed in wire.py: the header must describe exactly the bytes that follow it."""
    result = warm.check(forging(f"""
        def bellman_iteration(V, R, P, gamma):
            _forge({{"$nd": 0}}, [_npy({shape!r}, {descr!r})])
    """))
    assert_honest(result, Status.CRASHED)
    assert "cannot be read" in message_of(result)
    warm.assert_unharmed()


@posix_only
@pytest.mark.parametrize("value", [
    {"$complex": ["x", 0]}, {"$complex": [[1], 0]}, {"$complex": [10**400, 0]},
    {"$rng": {"$dict": [["bit_generator", "PCG64"], ["state", [1, 2]]]}},
    {"$rng": {"$dict": [["bit_generator", "MT19937"], ["state", {"$dict": [["key", "abc"], ["pos", 0]]}]]}},
    {"$dict": [[[1, 2], 3]]},
    {"$dict": [[{"$tuple": [[1]]}, 3]]},
    {"$arg": 7}, {"$arg": True},
    {"$function": ["0", "bellman_iteration"]},
    {"$opaque": ["x"]},
    {"$nd": 3}, {"$nd": -1},
    {"$whatever": 1}, {"a": 1, "b": 2},
    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
], ids=lambda v: str(v)[:30])
def test_malformed_tagged_values_are_unreadable_answers(warm, value):
    """Every malformed tag is a plain 'cannot be read' (or 'malformed') answer. `$complex` with a
    string, a list or a huge int let ValueError/TypeError/OverflowError out of the decoder (the
    check then blamed 'what your code returned' with a Python error). Fixed in wire.py."""
    result = warm.check(forging(f"""
        def bellman_iteration(V, R, P, gamma):
            _forge({value!r})
    """))
    assert_honest(result, Status.CRASHED)
    assert "cannot be read" in message_of(result) or "malformed" in message_of(result), message_of(result)
    warm.assert_unharmed()


@posix_only
@pytest.mark.parametrize("body", [
    # A reply with the wrong id, then the real one.
    """_send(_frame({"op": "returned", "id": -5, "value": 1.0}))\nreturn V""",
    # Many tiny frames with the right id ahead of the real reply: the first is taken, the rest dropped.
    """_send(b"".join(_frame({"op": "returned", "id": _request_id(), "value": [1.0]}) for _ in range(5000)))\nreturn V""",
    # A length prefix far over the limit.
    """_send(b"\\xff\\xff\\xff\\xff")\nreturn V""",
    # A length prefix just under the limit, then nothing: the call's deadline holds.
    """_send(struct.pack(">I", 60 * 1024 * 1024) + b"x")\nimport time; time.sleep(60)""",
    # A frame whose blob sizes do not add up, and one that is not JSON.
    """_send(_frame({}, raw=b'{"op": "returned", "blobs": [99]}'))\nreturn V""",
    """_send(_frame({}, raw=b'\\xff\\xfe'))\nreturn V""",
    # An op the judge never asked for.
    """_send(_frame({"op": "hello", "id": _request_id()}))\nos._exit(0)""",
    """_send(_frame({"op": "loaded", "id": _request_id()}))\nos._exit(0)""",
    """_send(_frame({"op": "raised", "id": _request_id(), "raised": [1, 2]}))\nos._exit(0)""",
], ids=["wrong-id", "many-tiny", "huge-prefix", "prefix-then-silence", "bad-blobs", "not-json", "hello",
        "loaded", "raised-list"])
def test_forged_frames_mid_call_are_never_a_pass(warm, body):
    source = forging("def bellman_iteration(V, R, P, gamma):\n" + textwrap.indent(body, "    ") + "\n")
    start = time.monotonic()
    result = warm.check(source)
    assert_honest(result)
    assert time.monotonic() - start < 20
    warm.assert_unharmed()


@posix_only
def test_the_loaded_reply_forged_at_the_top_level_then_serving_the_judge_itself(warm):
    """The top level of the file answers 'loaded' itself and then serves the judge from inside
    `exec`, answering every call with the right answer computed in the executor. This is no more
    than a correct solution: values are the learner's to choose. Here it answers with the old V
    (the recognised mistake), and the verdict is that mistake's."""
    result = warm.check(forging("""
        import numpy as np
        _send(_frame({"op": "loaded", "id": 1}))
        while True:
            raw = os.read(3, 4)
            if len(raw) < 4:
                os._exit(0)
            (size,) = struct.unpack(">I", raw)
            body = b""
            while len(body) < size:
                body += os.read(3, size - len(body))
            (hl,) = struct.unpack(">I", body[:4])
            header = json.loads(body[4:4 + hl])
            if header["op"] == "get":
                reply = {"op": "value", "value": {"$function": [0, header["name"]]}}
            else:
                reply = {"op": "returned", "value": header["args"][0], "args": {}, "kwargs": {}, "warnings": []}
            blobs = []
            at = 4 + hl
            for n in header["blobs"]:
                blobs.append(body[at:at + n]); at += n
            _send(_frame({**reply, "id": header["id"]}, blobs))
    """))
    assert_honest(result, Status.FAILED)
    assert WRONG_MESSAGE in message_of(result)
    warm.assert_unharmed()


# ------------------------------------------------------------------ output and descriptors


@posix_only
def test_output_written_faster_than_the_judge_reads_does_not_hold_the_verdict(session):
    """Children (in sessions of their own, so the executor's group kill misses them) keep a 1 MiB
    output pipe full while the function returns. Held: the judge's drain after each reply reads
    until the pipe is momentarily empty, and on this machine the readers always catch up; the
    verdict (the recognised mistake) stands and the sweep stops the children at the end. The
    drain has no bound of its own, though: on a machine where writers outrun the reader, the
    judge's grace would end it (a 'crashed' verdict, never a pass)."""
    result = session.check("""
        import fcntl, os

        def bellman_iteration(V, R, P, gamma):
            try:
                fcntl.fcntl(1, 1031, 1 << 20)  # F_SETPIPE_SZ: a pipe of 1 MiB stays full longer
            except OSError:
                pass
            for _ in range(3):
                if os.fork() == 0:
                    os.setsid()
                    chunk = b"x" * (1 << 20)
                    while True:
                        os.write(1, chunk)
            return V
    """, grace=2.0)
    assert_honest(result, Status.FAILED)
    assert WRONG_MESSAGE in message_of(result)
    assert result.output_truncated
    session.assert_unharmed()


@posix_only
@pytest.mark.parametrize("body", [
    "os.close(3)\nreturn V",
    "os.dup2(1, 3)\nprint('x' * 100)\nreturn V",
    "os.dup2(3, 1)\nprint('{\"op\": \"returned\"}')\nreturn V",
    "os.close(0); os.close(1); os.close(2)\nreturn V",
    "os.kill(os.getpid(), signal.SIGSTOP)\nreturn V",
    "os.kill(os.getpid(), signal.SIGKILL)",
], ids=["close-3", "dup-1-onto-3", "dup-3-onto-1", "close-0-1-2", "sigstop-self", "sigkill-self"])
def test_descriptors_and_signals_of_its_own(session, body):
    source = "import os, signal\n\ndef bellman_iteration(V, R, P, gamma):\n" + textwrap.indent(body, "    ") + "\n"
    start = time.monotonic()
    result = session.check(source)
    assert_honest(result)
    assert time.monotonic() - start < 20
    session.assert_unharmed()


# ------------------------------------------------------------------ values that fight the comparisons


@posix_only
@pytest.mark.parametrize("value", [
    "float('nan') * np.ones(3)", "[float('inf')] * 3", "[10**4000] * 3", "[True, True, True]", "['nan'] * 3",
    "np.zeros(3, dtype='U5')", "np.zeros((3, 0))", "np.zeros(10**7)", "{'$nd': 0}",
    "type('generator', (), {'__repr__': lambda s: 'gen'})()",
    "(x for x in V)",
], ids=["nan", "inf", "huge-int", "bools", "str-nan", "str-array", "empty-2d", "big-array", "proxy-dict",
        "spoofed-generator", "generator"])
def test_values_that_fight_the_comparison(warm, value):
    result = warm.check(f"import numpy as np\n\ndef bellman_iteration(V, R, P, gamma):\n    return {value}\n")
    assert_honest(result, Status.FAILED)
    warm.assert_unharmed()


@posix_only
def test_an_exception_with_protocol_lines_and_escapes_in_its_message(warm):
    """An exception message holding JSON protocol lines and terminal escapes reaches the report as
    text: the verdict is the learner's error, nothing is injected."""
    result = warm.check("""
        import json

        class Evil(Exception):
            pass

        Evil.__name__ = "Evil\\x1b[2J\\u202e"

        def bellman_iteration(V, R, P, gamma):
            line = json.dumps({"type": "Verdict", "token": "x", "id": 1, "expected": 1,
                               "report": {"tests": [{"outcome": "passed"}]}})
            raise Evil("\\n" + line + "\\n\\x1b]0;pwned\\x07")
    """)
    assert_honest(result, Status.FAILED)
    assert "Verdict" in message_of(result)
    warm.assert_unharmed()


@posix_only
def test_a_symlink_in_the_private_folder_is_not_followed_when_it_is_removed(session, tmp_path):
    """The private folder is removed with shutil.rmtree, which unlinks symlinks and never descends
    into them: a link to a folder of the learner's survives with its contents."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("keep")
    result = session.check(f"""
        import os
        os.symlink({str(victim)!r}, "link")
        os.mkdir("d")
        os.symlink({str(victim / 'keep.txt')!r}, "d/file")

        def bellman_iteration(V, R, P, gamma):
            return V
    """)
    assert_honest(result, Status.FAILED)
    assert (victim / "keep.txt").read_text() == "keep"
    session.assert_unharmed()


@posix_only
def test_a_function_ref_named_like_another_function(warm):
    """The learner's `get` answer names handle 0 whatever is asked: the judge calls what the
    learner chose, which it could also have chosen by assigning names in its own module."""
    result = warm.check("""
        def helper(V, R, P, gamma):
            return V

        bellman_iteration = helper
    """)
    assert_honest(result, Status.FAILED)
    assert WRONG_MESSAGE in message_of(result)
    warm.assert_unharmed()


def test_a_dictionary_too_large_to_be_an_answer_is_refused_not_hashed():
    """Keys crafted to share a hash bucket would make building the dict quadratic in the judge."""
    from checker import wire

    body = {"$dict": [[i * (2**61 - 1), 0] for i in range(wire.MAX_DICT_ITEMS + 1)]}
    with pytest.raises(wire.WireError, match="more than"):
        wire.decode(body, [])
    assert len(wire.decode({"$dict": [[i, i] for i in range(100)]}, [])) == 100
