"""The runner's verdicts on broken and hostile learner code, on both the cold and warm paths."""

from __future__ import annotations

import pytest

from checker.result import Status

GOOD = """
import numpy as np

def bellman_iteration(V, R, P, gamma):
    return np.asarray(R, float) + gamma * np.asarray(P, float) @ np.asarray(V, float)
"""

paths = pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])


@paths
def test_correct_code_passes(check_code, warm):
    result = check_code(GOOD, warm=warm)
    assert result.status is Status.PASSED, result.summary
    assert result.tests and all(t.outcome == "passed" for t in result.tests)


@paths
def test_untouched_stub_is_not_started(check_code, warm):
    result = check_code("def bellman_iteration(V, R, P, gamma):\n    raise NotImplementedError\n", warm=warm)
    assert result.status is Status.NOT_STARTED
    assert "not written yet" in result.summary


@paths
def test_syntax_error_names_the_line(check_code, warm):
    result = check_code("def bellman_iteration(V, R, P, gamma)\n    return V\n", warm=warm)
    assert result.status is Status.ERROR
    assert result.line == 1
    assert "SyntaxError on line 1" in result.summary


@paths
def test_exception_shows_learner_frames_only(check_code, warm):
    result = check_code("def helper(x):\n    return 1 / 0\n\ndef bellman_iteration(V, R, P, gamma):\n    return helper(V)\n", warm=warm)
    assert result.status is Status.FAILED
    first = result.first_failure
    assert first is not None and "ZeroDivisionError" in first.message
    assert first.line == 2
    assert "exercise.py" in first.traceback and "checker" not in first.traceback


@paths
def test_infinite_loop_times_out(check_code, warm):
    result = check_code("def bellman_iteration(V, R, P, gamma):\n    while True:\n        pass\n", warm=warm, timeout=0.5)
    assert result.status is Status.TIMEOUT


@paths
def test_learner_output_is_captured(check_code, warm):
    result = check_code(GOOD + "\nprint('hello from the learner')\n", warm=warm)
    assert result.status is Status.PASSED
    assert "hello from the learner" in result.output


@paths
def test_wrong_answer_explains_itself(check_code, warm):
    code = "import numpy as np\ndef bellman_iteration(V, R, P, gamma):\n    return np.asarray(R, float) + np.asarray(P, float) @ np.asarray(V, float)\n"
    result = check_code(code, warm=warm)
    assert result.status is Status.FAILED
    message = result.first_failure.message
    assert "expected" in message and "got" in message and "without gamma" in message


@paths
def test_patching_the_checker_is_never_a_pass(check_code, warm):
    # The learner's code runs in another process: patching its own copy of the checks changes
    # nothing in the judge, which compares and diagnoses as always.
    code = (
        "import numpy as np\n"
        "import checker.curriculum.checks as checks\n"
        "checks.is_close = lambda *a, **k: True\n"
        "def bellman_iteration(V, R, P, gamma):\n"
        "    return np.asarray(V, float)\n"
    )
    result = check_code(code, warm=warm)
    assert result.status is Status.FAILED
    assert "the old values returned unchanged" in result.first_failure.message


@paths
def test_each_check_records_its_calls_and_their_output(check_code, warm):
    code = GOOD + "\nprint('loading')\n" + (
        "_original = bellman_iteration\n"
        "def bellman_iteration(V, R, P, gamma):\n"
        "    print('called with', len(V), 'states')\n"
        "    return _original(V, R, P, gamma)\n"
    )
    result = check_code(code, warm=warm)
    assert result.status is Status.PASSED, result.summary
    first = result.tests[0]
    assert len(first.calls) == 1 and first.calls[0].what.startswith("bellman_iteration(")
    assert first.calls[0].output == "called with 3 states\n"
    assert first.test_code == first.calls[0].what
    assert result.output.startswith("loading\n")  # the load's output is the file's, not a check's


@paths
def test_a_pass_records_the_hash_of_the_bytes_checked(check_code, warm, tmp_path):
    import hashlib

    result = check_code(GOOD, warm=warm)
    checked = (tmp_path / "learner" / "exercise.py").read_bytes()
    assert result.source_sha256 == hashlib.sha256(checked).hexdigest()
