"""The curriculum's diagnoses and the way checks word a failure.

Every answer exercise keeps, in its hidden test file, a table ``ANSWERS`` of the answers it
checks: the exact value, the precision, and the likely slips with their diagnoses. These
tests hold every table to the rule that a diagnosis fires exactly when the learner's value
is that slip's value: the slip's own value gets its text, a nearby different value does not.
"""

from __future__ import annotations

import ast
import importlib
import math
import types
from pathlib import Path

import numpy as np
import pytest

from checker.api import CheckFailed
from checker.catalog import load_course
from checker.curriculum.checks import (
    Answer, Described, Mistake, call, call_explained, check_answer, describe_call, described, expect_close,
    rounding_slips, show,
)

REPO = Path(__file__).resolve().parents[1]
COURSE = load_course()
ANSWER_EXERCISES = [e for e in COURSE.exercises if e.kind == "answer"]


def _table(exercise) -> dict[str, Answer]:
    return importlib.import_module(f"checker.curriculum.test_{exercise.name}").ANSWERS


def _stub_names(exercise) -> list[str]:
    tree = ast.parse((REPO / "exercises" / exercise.path).read_text(encoding="utf-8"))
    return [
        node.targets[0].id for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and node.value.value is Ellipsis
    ]


ANSWERS = [
    pytest.param(exercise, name, id=f"{exercise.name}-{name}")
    for exercise in ANSWER_EXERCISES for name in _stub_names(exercise)
]


def _message(spec: Answer, name: str, value: float) -> str | None:
    """What the learner reads when `name` holds `value`; None when the check passes."""
    try:
        check_answer(types.SimpleNamespace(**{name: value}), name, spec)
    except CheckFailed as exc:
        return str(exc)
    return None


def _diagnoses(message: str) -> list[str]:
    lines = [line.strip() for line in message.splitlines()]
    return [line.split(" like ", 1)[1] for line in lines if line.startswith(("This looks like", "Or like"))]


def _step(spec: Answer) -> float:
    return 1.0 if spec.decimals is None else spec.tolerance


def _nearby(spec: Answer, slip: Mistake) -> float | None:
    """A value just outside what counts as this slip, that is neither right nor another slip."""
    if spec.decimals is None:
        reach, steps = 1.0, (1, -1, 2, -2, 3, -3)  # the next whole numbers
    else:
        reach = slip.tolerance if slip.tolerance is not None else spec.tolerance
        reach, steps = max(reach, spec.tolerance), (2.5, -2.5, 4, -4, 6, -6)
    for step in steps:
        value = float(slip.value) + step * reach
        if abs(value - spec.expected) <= spec.tolerance:
            continue
        matched = [m for m in spec.slips
                   if abs(value - float(m.value)) <= (m.tolerance if m.tolerance is not None else spec.tolerance)]
        if not matched:
            return value
    return None


def test_every_answer_exercise_has_a_table():
    for exercise in ANSWER_EXERCISES:
        table = _table(exercise)
        assert sorted(table) == sorted(_stub_names(exercise)), exercise.name


@pytest.mark.parametrize("exercise, name", ANSWERS)
def test_every_answer_lists_its_likely_slips(exercise, name):
    spec = _table(exercise)[name]
    assert len(spec.slips) >= 3, f"{exercise.name}: {name} lists only {len(spec.slips)} slips"
    assert all(slip.looks_like.endswith((".", ")")) for slip in spec.slips)


@pytest.mark.parametrize("exercise, name", ANSWERS)
def test_the_right_value_passes(exercise, name):
    spec = _table(exercise)[name]
    assert _message(spec, name, spec.expected) is None
    if spec.decimals is not None:
        for inside in (0.9 * spec.tolerance, -0.9 * spec.tolerance):
            assert _message(spec, name, spec.expected + inside) is None


@pytest.mark.parametrize("exercise, name", ANSWERS)
def test_every_slip_gets_its_diagnosis(exercise, name):
    spec = _table(exercise)[name]
    for slip in spec.slips:
        message = _message(spec, name, float(slip.value))
        assert message is not None, f"{name} = {slip.value} passes, so '{slip.looks_like}' can never be said"
        assert slip.looks_like in _diagnoses(message), message
        assert "workbook" not in message.lower()


@pytest.mark.parametrize("exercise, name", ANSWERS)
def test_a_nearby_different_value_does_not_get_that_diagnosis(exercise, name):
    spec = _table(exercise)[name]
    for slip in spec.slips:
        value = _nearby(spec, slip)
        assert value is not None, f"no value near {slip.value} is free of other slips"
        message = _message(spec, name, value)
        assert message is not None
        assert slip.looks_like not in _diagnoses(message), f"{name} = {value}:\n{message}"


def _kind(whole: bool) -> list:
    return [p for p in ANSWERS if (_table(p.values[0])[p.values[1]].decimals is None) == whole]


@pytest.mark.parametrize("exercise, name", _kind(whole=False))
def test_a_value_cut_off_instead_of_rounded_is_named(exercise, name):
    spec = _table(exercise)[name]
    scale = 10.0**spec.decimals
    cut = math.trunc(round(spec.expected * scale, 6)) / scale
    message = _message(spec, name, cut)
    if message is not None:
        assert "cut off" in message, message


@pytest.mark.parametrize("exercise, name", _kind(whole=True))
def test_a_count_must_be_a_whole_number(exercise, name):
    spec = _table(exercise)[name]
    message = _message(spec, name, spec.expected + 0.4)
    assert message is not None and "not a whole number" in message
    assert _message(spec, name, float(spec.expected)) is None  # 45.0 is 45


# ---------------------------------------------------------------- rounding slips


def test_rounding_slips_name_a_truncated_value_only_when_it_fails():
    slips = rounding_slips(53.9156, 2)
    cut = [m for m in slips if "cut off after 2" in m.looks_like]
    assert [m.value for m in cut] == [53.91]
    assert rounding_slips(53.9136, 2)[0].value != 53.91  # 53.91 is right there: no slip
    assert all(m.value != 0.0 for m in rounding_slips(0.0004, 3))


def test_a_truncated_answer_is_diagnosed_and_a_close_one_is_not():
    spec = Answer(53.9156, decimals=2, slips=rounding_slips(53.9156, 2))
    assert "cut off after 2 decimals" in _message(spec, "V_C", 53.91)
    assert "cut off" not in _message(spec, "V_C", 53.906)


# ---------------------------------------------------------------- how values are shown


def test_show_writes_numbers_as_a_person_would():
    assert show(10.0) == "10"
    assert show(0.25) == "0.25"
    assert show(np.float64(1e-8)) == "1e-08"
    assert show(-0.0) == "0"
    assert show([1, 0, 1]) == "[1, 0, 1]"
    assert show(np.array([[1.0, 5.0], [2.0, 0.0]])) == "[[1, 5], [2, 0]]"
    assert show([True, False]) == "[True, False]"
    assert show(np.array(3.5)) == "3.5"


def test_show_gives_big_arrays_as_their_shape_and_first_entries():
    assert show(np.zeros((9, 4, 9))) == "9x4x9 array [0, 0, 0, 0, ...]"
    assert show(list(range(30))) == "[0, 1, 2, 3, ... 30 values]"
    assert "..." not in show(np.random.default_rng(0).normal(size=9))  # up to 9 values (a 3x3 table): always in full


def test_described_inputs_are_shown_by_their_description():
    P = np.zeros((9, 4, 9))
    assert describe_call("f", [Described(P, "3x3 gridworld P"), 0.9], {"n": 2}) == "f(3x3 gridworld P, 0.9, n=2)"


class _Function:
    """Stands in for a learner function behind the proxy: records what it was sent."""

    def __init__(self, returns=None, raises=None):
        self.seen, self.returns, self.raises = [], returns, raises
        self.last_warnings = []

    def __call__(self, *args, **kwargs):
        return self.invoke(args, kwargs)

    def invoke(self, args, kwargs, *, what=None, timeout=None, repeat=None):
        self.seen.append((list(args), dict(kwargs), what))
        if self.raises is not None:
            raise self.raises
        return self.returns


def test_described_calls_pass_the_plain_values_and_name_the_call_by_the_description():
    fn = _Function(returns="result")
    learner = types.SimpleNamespace(f=fn)
    result, what = call(learner, "f", Described([1, 2], "two numbers"), 3)
    assert result == "result" and what == "f(two numbers, 3)"
    assert fn.seen == [([[1, 2], 3], {}, "f(two numbers, 3)")]
    assert described(call, learner, "f", Described([1, 2], "two numbers"), 3) == (result, what)


def test_a_failure_inside_a_described_call_names_the_call_by_the_description():
    from checker.learner import LearnerError

    learner = types.SimpleNamespace(f=_Function(raises=LearnerError({"type": "ValueError", "message": "bad"})))
    with pytest.raises(CheckFailed) as failure:
        call_explained(learner, "f", Described(np.zeros((9, 9)), "a 9x9 matrix"), expectation="Return zeros.")
    assert str(failure.value) == "f(a 9x9 matrix)\n  raised ValueError: bad\n  Return zeros."


# ---------------------------------------------------------------- how differences are shown


def _failure(got, expected, **options) -> str:
    with pytest.raises(CheckFailed) as failure:
        expect_close(got, expected, what="f(x)", **options)
    return str(failure.value)


def test_an_array_difference_names_the_differing_entries_and_counts_the_rest():
    expected = np.zeros((6, 2))
    got = expected.copy()
    got[4, 1] = 0.5
    assert _failure(got, expected) == (
        "f(x)\n"
        "  1 of 12 entries differs:\n"
        "    [4, 1]  expected 0  got 0.5\n"
        "  all other 11 entries match"
    )


def test_a_long_difference_shows_only_the_first_entries():
    message = _failure(np.arange(100.0), np.zeros(100))
    assert "99 of 100 entries differ; the first 3:" in message
    assert "[1]" in message and "[4]" not in message and "the other entry matches" in message
    assert len(message.splitlines()) <= 10


def test_close_numbers_are_printed_with_enough_digits_to_differ():
    message = _failure([1234.5691], [1234.5678], rtol=1e-9, atol=1e-9)
    assert "expected 1234.5678" in message and "got 1234.5691" in message


def test_entries_can_be_named_by_the_test():
    message = _failure([[0.0, 1.0]], [[0.0, 2.0]], entry=lambda index: f"Q['S{index[0]}']['right']")
    assert "Q['S0']['right']  expected 2  got 1" in message


def test_every_mistake_that_matches_is_named_and_no_other():
    mistakes = [Mistake("zeros from A.", [0.0, 0.0]), Mistake("zeros from B.", [0.0, 0.0]),
                Mistake("ones.", [1.0, 1.0])]
    message = _failure([0.0, 0.0], [1.0, 2.0], mistakes=mistakes)
    assert "This looks like zeros from A." in message and "Or like zeros from B." in message
    assert "ones." not in message
    assert "This looks like" not in _failure([0.0, 0.1], [1.0, 2.0], mistakes=mistakes)


def test_a_shape_mismatch_shows_both_briefly():
    message = _failure(np.zeros(30), np.zeros(29))
    assert "expected shape (29,), got shape (30,)" in message and "... 30 values]" in message
