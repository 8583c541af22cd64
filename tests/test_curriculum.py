"""The whole set, through the learners' code path: solutions pass, stubs are not started,
and the warm (forked) and cold (fresh process) paths report exactly the same thing."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from checker.catalog import Course
from checker.devcheck import layout_problems
from checker.result import Result, Status
from checker.runner import Runner

REPO = Path(__file__).resolve().parents[1]


def _comparable(result: Result) -> dict:
    data = result.to_dict()
    data.pop("duration")
    for test in data["tests"]:
        for call in test["calls"]:
            call.pop("duration")  # timings differ; what was called, printed and judged must not
    return data


def cold_sample(course: Course) -> list:
    """The first exercise of every kind. The whole set goes through the warm path (watch, verify,
    dev check); the cold path (`rlcheck run`) starts the same judge and executor code differently,
    and this sample proves the start changes no verdict. What a check does with the learner's
    process depends on the kind (functions called, names read), not on the topic."""
    return list({e.kind: e for e in reversed(course.exercises)}.values())[::-1]


def stub_sample(course: Course) -> list:
    """The first stub of every kind: how a stub reads as not started depends on its kind alone
    (a function that raises NotImplementedError, an answer left as `...`)."""
    return list({e.kind: e for e in reversed(course.exercises)}.values())


def _checked(runner: Runner, solved: list, stubs: list) -> tuple[list[Result], list[Result]]:
    """Solutions and stubs in one `check_many` (one worker start), told apart again."""
    pairs = [(e, REPO / "solutions" / e.path) for e in solved] + [(e, REPO / "exercises" / e.path) for e in stubs]
    results = list(runner.check_many(pairs))
    return results[:len(solved)], results[len(solved):]


@pytest.fixture(scope="module")
def both_paths(course: Course) -> dict[str, tuple[list[Result], list[Result]]]:
    sample = cold_sample(course)
    with Runner(course, warm=True) as warm, Runner(course, warm=False) as cold:
        return {
            "warm": _checked(warm, list(course.exercises), list(course.exercises)),
            "cold": _checked(cold, sample, stub_sample(course)),
            "sample": (sample, stub_sample(course)),
        }


@pytest.mark.parametrize("path", ["warm", "cold"])
def test_every_solution_passes(both_paths, path):
    solutions, _ = both_paths[path]
    failing = {r.exercise: r.summary for r in solutions if r.status is not Status.PASSED}
    assert solutions and not failing


@pytest.mark.parametrize("path", ["warm", "cold"])
def test_every_stub_is_not_started(both_paths, path):
    _, stubs = both_paths[path]
    wrong = {r.exercise: (r.status.value, r.summary) for r in stubs if r.status is not Status.NOT_STARTED}
    assert stubs and not wrong


def test_the_cold_sample_covers_every_kind(course, both_paths):
    solved, stubs = both_paths["sample"]
    assert {e.kind for e in solved} == {e.kind for e in stubs} == {e.kind for e in course.exercises}


def test_warm_and_cold_paths_agree(both_paths):
    warm = {(r.exercise, r.file): _comparable(r) for half in both_paths["warm"] for r in half}
    cold = [_comparable(r) for half in both_paths["cold"] for r in half]
    assert cold
    for c in cold:
        assert warm[c["exercise"], c["file"]] == c, c["exercise"]


def test_manifest_and_files_agree(course):
    assert list(layout_problems(course, REPO / "exercises", REPO / "solutions")) == []


def test_every_exercise_has_progressive_hints(course):
    assert all(len(e.hints) >= 2 for e in course.exercises)


def test_exercise_docstrings_teach(course):
    for exercise in course.exercises:
        text = (REPO / "exercises" / exercise.path).read_text(encoding="utf-8")
        assert text.lstrip().startswith('"""'), exercise.name
        docstring = text.split('"""')[1]
        assert len(docstring.split()) >= 40, f"{exercise.name}: the docstring is too thin to teach"


# ---------------------------------------------------------------- what the exercises say


def _docstring(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split('"""')[1] if text.lstrip().startswith('"""') else ""


def _learner_texts(course: Course):
    """Every text a learner reads about an exercise: the stub's and solution's docstrings, the hints."""
    for exercise in course.exercises:
        yield exercise, "stub", _docstring(REPO / "exercises" / exercise.path)
        yield exercise, "solution", _docstring(REPO / "solutions" / exercise.path)
        yield exercise, "hints", "\n".join(exercise.hints)


# A power and its value, as the texts write it: "0.99**459 = 0.009921", "0.9^40 ~= 0.015".
POWER_CLAIM = re.compile(
    r"(?<![\w.])(\d*\.?\d+)\s*(?:\*\*|\^)\s*(\d+)\s*(=|~=)\s*(\d*\.?\d+(?:e-?\d+)?)(?![\d.]|\s*[-+*/^])"
)


def test_powers_quoted_in_the_texts_are_right(course):
    claims = 0
    for exercise, where, text in _learner_texts(course):
        for base, exponent, relation, value in POWER_CLAIM.findall(text):
            claims += 1
            exact = float(base) ** int(exponent)
            if relation == "=":
                decimals = len(value.split(".")[1]) if "." in value else 0
                # Written to `decimals` places: within half a unit of the last one.
                tol = 0.5 * 10.0**-decimals + 1e-12 if "e" not in value else 0.05 * exact
            else:
                tol = 0.1 * exact
            assert abs(exact - float(value)) <= tol, f"{exercise.name} ({where}): {base}**{exponent} is {exact:.6g}, not {value}"
    assert claims >= 5  # the pattern still finds the texts' claims


def test_texts_refer_to_other_exercises_by_name_and_only_to_earlier_ones(course):
    order = [e.name for e in course.exercises]
    for exercise, where, text in _learner_texts(course):
        assert "previous exercise" not in text, f"{exercise.name} ({where}): name the exercise meant"
        later = [n for n in order[order.index(exercise.name) + 1:] if re.search(rf"\b{n}\b", text)]
        assert not later, f"{exercise.name} ({where}) relies on a later exercise: {later}"


def test_no_learner_facing_text_mentions_a_workbook(course):
    for exercise, where, text in _learner_texts(course):
        assert "workbook" not in text.lower(), f"{exercise.name} ({where})"


def test_returns_count_t_as_the_number_of_steps(course):
    # T is the episode length everywhere (rewards r_0 .. r_{T-1}); r_T would be a step too far.
    for exercise, where, text in _learner_texts(course):
        assert not re.search(r"\br_T\b|r_\{T\}", text), f"{exercise.name} ({where}) uses T as the last index"


def _answers_of(exercise) -> dict:
    return importlib.import_module(f"checker.curriculum.test_{exercise.name}").ANSWERS


def _written(value: float, decimals: int | None) -> set[str]:
    """How an answer would be written: at its precision and to four decimals."""
    forms = {f"{value:.{d}f}" for d in ({decimals, 4} if decimals is not None else {0})}
    forms = {f.rstrip("0").rstrip(".") if "." in f else f for f in forms}
    # Two significant digits or fewer ("0.25", "10", "4") occur in any text for other reasons.
    return {f for f in forms if len(f.replace("-", "").replace(".", "").lstrip("0")) >= 3}


def test_later_exercises_do_not_give_away_earlier_answers(course):
    order = [e.name for e in course.exercises]
    for earlier in (e for e in course.exercises if e.kind == "answer"):
        forms = {f for spec in _answers_of(earlier).values() for f in _written(spec.expected, spec.decimals)}
        for later in course.exercises[order.index(earlier.name):]:
            text = _docstring(REPO / "exercises" / later.path)
            shown = [f for f in forms if re.search(rf"(?<![\d.]){re.escape(f)}(?!\d)", text)]
            assert not shown, f"{later.name}'s docstring shows {shown}, an answer of {earlier.name}"


def test_every_hidden_test_is_named_for_the_learner(course):
    # The engine names a check by the first line of its test's docstring.
    for exercise in course.exercises:
        tree = ast.parse(course.test_file(exercise).read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                name = (ast.get_docstring(node) or "").strip().splitlines()
                assert name, f"{exercise.name}: {node.name} has no docstring to name it"
                assert "workbook" not in name[0].lower(), f"{exercise.name}: {name[0]}"


def test_check_names_are_distinct_within_an_exercise(both_paths):
    solutions, _ = both_paths["warm"]
    assert solutions
    for result in solutions:
        names = [t.name for t in result.tests]
        assert len(names) == len(set(names)), (result.exercise, names)
