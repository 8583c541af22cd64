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
    result = check_code("def bellman_iteration(V, R, P, gamma):\n    while True:\n        pass\n", warm=warm, timeout=1.0)
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
    code = (
        "import numpy as np\n"
        "import checker.curriculum.checks as checks\n"
        "checks.is_close = lambda *a, **k: True\n"
        "def bellman_iteration(V, R, P, gamma):\n"
        "    return np.zeros(len(V))\n"
    )
    result = check_code(code, warm=warm)
    assert result.status is Status.FAILED
    assert "replaced part of the checker" in result.summary and "checks.is_close" in result.summary
