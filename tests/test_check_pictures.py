"""Failing checks carry pictures: the checks' `picture=`, and every wired exercise end to end.

The end-to-end part checks learners' files the way watch does (the warm worker, the confined
executor): the known-wrong files of tests/variants/ for the implement exercises, and a wrong
number for every answer of the answer exercises. Each failing check's picture must be valid
plain data, show the learner's values, and (for an answer) be marked as revealing the answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from checker.api import CheckFailed, MissingName
from checker.catalog import Course
from checker.curriculum import pictures as cp
from checker.curriculum.checks import (
    Answer, Mistake, answer_picture, build_picture, check_answer, expect_answer, expect_close,
)
from checker.learner import Learner
from checker.pictures import BarsPicture, CurvePicture, GridPicture, parse_picture, render_picture
from checker.result import Result, Status
from checker.runner import CheckOptions, Runner

IMPLEMENT = (
    "value_iteration", "policy_evaluation", "gridworld_3x3", "compute_returns", "td_residuals", "gae",
    "reinforce_gradient", "grad_log_softmax", "stable_softmax", "epsilon_greedy_probs", "epsilon_greedy_bug",
    "boltzmann_probs", "ucb_scores", "ppo_clip_objective", "ppo_clip_gradient",
)
ANSWER = (
    "gridworld_first_sweep", "gridworld_second_sweep", "first_nonzero_iteration", "iterations_needed", "max_change",
    "chain_v4", "absorbing_limit", "return_g0", "return_g4", "td_residual_values", "gae_by_hand",
    "epsilon_greedy_by_hand", "boltzmann_by_hand", "ucb_by_hand", "ppo_clip_table",
)
WRONG = 12345.0  # no answer of the course is near it


# ------------------------------------------------------------------ the checks, in this process


class FakeSession:
    """Stands in for the executor: answers reads from a dict; a name it lacks is missing."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values
        self.reads: list[str] = []

    def get(self, name: str) -> Any:
        self.reads.append(name)
        if name not in self.values:
            raise MissingName(name)
        return self.values[name]


def test_a_picture_is_built_only_when_the_check_fails():
    built = []

    def picture() -> dict:
        built.append(1)
        return cp.returns_picture([1.0, 0.0], 0.9, [1.0, 0.5])

    expect_close([1.0, 0.0], [1.0, 0.0], what="f()", picture=picture)
    assert built == []
    with pytest.raises(CheckFailed) as failed:
        expect_close([1.0, 0.5], [1.0, 0.0], what="f()", picture=picture)
    assert built == [1] and failed.value.picture["kind"] == "bars"
    # The same message as without a picture: the picture adds, it never changes the verdict.
    with pytest.raises(CheckFailed) as bare:
        expect_close([1.0, 0.5], [1.0, 0.0], what="f()")
    assert str(bare.value) == str(failed.value) and bare.value.picture is None


def test_a_broken_picture_never_costs_the_verdict():
    for picture in (lambda: 1 / 0, lambda: {"kind": "grid", "rows": 0}, lambda: {"kind": "bars", "groups": [],
                                                                                  "x": object()},
                    {"kind": "nothing"}, lambda: None):
        with pytest.raises(CheckFailed, match="expected shape") as failed:
            expect_close([1.0, 2.0], [1.0], what="f()", picture=picture)
        assert failed.value.picture is None


def test_pictures_travel_as_plain_json():
    spec = cp.BarsPicture(title="t", groups=(cp.BarGroup(label="", labels=("a",), expected=(1.0,)),)).to_dict()
    spec["groups"][0]["expected"] = [np.float64(0.5)]  # what a careless builder might leave in
    spec["groups"][0]["labels"] = ["a"]
    plain = build_picture(lambda: spec)
    assert json.loads(json.dumps(plain, allow_nan=False)) == plain
    assert type(plain["groups"][0]["expected"][0]) is float
    assert build_picture(cp.returns_picture([1.0], 0.9), reveals=True)["reveals_answer"] is True


def test_an_answer_check_marks_its_picture_as_revealing_the_answer():
    learner = Learner(FakeSession({"V1_S7": 0.25, "V1_S5": 1.0}))
    spec = Answer(0.25, decimals=2, slips=[Mistake("the reward alone.", 1.0)])
    check_answer(learner, "V1_S7", spec, picture=answer_picture(learner, "gridworld_first_sweep"))  # passes
    with pytest.raises(CheckFailed) as failed:
        check_answer(learner, "V1_S5", spec, picture=answer_picture(learner, "gridworld_first_sweep"))
    assert "0.25" not in str(failed.value)  # the message withholds the answer ...
    picture = parse_picture(failed.value.picture)
    assert picture.reveals_answer  # ... and so the picture says it shows it
    assert isinstance(picture, GridPicture)
    got = picture.frames[0].got
    assert got[1][2] == 1.0 and got[2][1] == 0.25  # both answers, read when the check failed


def test_an_answer_picture_leaves_out_a_name_the_file_lacks():
    session = FakeSession({"V1_S5": 1.0})
    learner = Learner(session)
    with pytest.raises(CheckFailed) as failed:
        expect_answer(learner, "V1_S5", 0.25, picture=answer_picture(learner, "gridworld_first_sweep"))
    got = parse_picture(failed.value.picture).frames[0].got
    assert got[1][2] == 1.0 and got[2][1] is None and "V1_S7" in session.reads


# ------------------------------------------------------------------ every wired exercise, end to end


def answer_file(course: Course, exercise: str, tmp: Path) -> Path:
    probe = cp.picture_probe(exercise)
    assert probe is not None and probe.names, exercise
    path = tmp / exercise / Path(course.find(exercise).path).name
    path.parent.mkdir(parents=True)
    path.write_text("".join(f"{name} = {WRONG}\n" for name in probe.names), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def checked(course: Course, tmp_path_factory, variant_results) -> dict[str, list[Result]]:
    """Every wrong variant of the implement exercises (checked once per run for test_variants too)
    and a wrong answer file per answer exercise."""
    found: dict[str, list[Result]] = {}
    for path, result in variant_results.items():
        if path.parent.name in IMPLEMENT and path.name.startswith("wrong_"):
            found.setdefault(path.parent.name, []).append(result)
    tmp = tmp_path_factory.mktemp("answers")
    pairs = [(course.find(name), answer_file(course, name, tmp)) for name in ANSWER]
    with Runner(course, CheckOptions(timeout=10), warm=True) as runner:
        for (exercise, _), result in zip(pairs, runner.check_many(pairs)):
            found.setdefault(exercise.name, []).append(result)
    return found


def shows_learner_values(spec: dict) -> bool:
    picture = parse_picture(spec)
    if isinstance(picture, GridPicture):
        return any(frame.got is not None for frame in picture.frames)
    if isinstance(picture, BarsPicture):
        return any(group.got is not None and any(v is not None for v in group.got) for group in picture.groups)
    assert isinstance(picture, CurvePicture)
    return (any(s.role == "got" for s in picture.series) or any(line.role == "got" for line in picture.vlines)
            or any(line.role == "got" for line in picture.hlines) or "your" in picture.caption)


@pytest.mark.parametrize("exercise", IMPLEMENT)
def test_a_wrong_implementation_gets_a_picture_of_its_values(checked, exercise):
    pictures = [t.picture for r in checked[exercise] for t in r.tests if t.outcome != "passed" and t.picture]
    assert pictures, f"no failing check of {exercise} carries a picture"
    assert all(not parse_picture(p).reveals_answer for p in pictures)  # the messages show expected values too
    assert any(shows_learner_values(p) for p in pictures), exercise
    for spec in pictures[:3]:
        for color in (True, False):
            render_picture(spec, 80, 24, color)  # fits, or is dropped: never raises


@pytest.mark.parametrize("exercise", ANSWER)
def test_a_wrong_answer_gets_a_picture_that_waits_to_be_asked_for(checked, exercise):
    (result,) = checked[exercise]
    assert result.status is Status.FAILED, result.summary
    failing = [t for t in result.tests if t.outcome != "passed"]
    assert failing and all(t.picture is not None for t in failing), [t.message for t in failing]
    for test in failing:
        assert parse_picture(test.picture).reveals_answer
        assert str(int(WRONG)) in test.message  # the verdict is the answer check's own
        # The check's own read stays the one the report points at.
        assert test.test_code == test.calls[0].what and test.calls[0].what in test.message
