"""The whole set, through the learners' code path: solutions pass, stubs are not started,
and the warm (forked) and cold (fresh process) paths report exactly the same thing."""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def both_paths(course: Course) -> dict[str, list[Result]]:
    pairs = [(e, REPO / "solutions" / e.path) for e in course.exercises]
    pairs += [(e, REPO / "exercises" / e.path) for e in course.exercises]
    return {
        "warm": list(Runner(course, warm=True).check_many(pairs)),
        "cold": list(Runner(course, warm=False).check_many(pairs)),
    }


@pytest.mark.parametrize("path", ["warm", "cold"])
def test_every_solution_passes(course, both_paths, path):
    results = both_paths[path][: len(course.exercises)]
    failing = {r.exercise: r.summary for r in results if r.status is not Status.PASSED}
    assert not failing


@pytest.mark.parametrize("path", ["warm", "cold"])
def test_every_stub_is_not_started(course, both_paths, path):
    results = both_paths[path][len(course.exercises):]
    wrong = {r.exercise: (r.status.value, r.summary) for r in results if r.status is not Status.NOT_STARTED}
    assert not wrong


def test_warm_and_cold_paths_agree(both_paths):
    warm = [_comparable(r) for r in both_paths["warm"]]
    cold = [_comparable(r) for r in both_paths["cold"]]
    assert len(warm) == len(cold) > 0
    for w, c in zip(warm, cold):
        assert w == c, w["exercise"]


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
