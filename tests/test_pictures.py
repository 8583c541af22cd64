"""Pictures: golden renderings, fitting into a box, rejecting malformed specs, and the RL builders.

Golden files live in tests/golden/pictures/. To regenerate them after a deliberate change:
RLCHECK_UPDATE_GOLDEN=1 pytest tests/test_pictures.py
"""

from __future__ import annotations

import ast
import io
import json
import math
import os
import re
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest
from rich.console import Console

from checker.curriculum import pictures as cp
from checker.curriculum.mdps import CHAIN_NEXT, CHAIN_R
from checker.curriculum.ref_gridworld import GAMMA, evaluate, gridworld_model, uniform_policy
from checker.curriculum.ref_returns import ADV_GAMMA, ADV_REWARDS, ADV_VALUES, returns_forward
from checker.curriculum.ref_values import value_sweeps
from checker.pictures import (
    BarGroup, BarsPicture, CurvePicture, GridFrame, GridPicture, PictureError, RefLine, Series, frame_count,
    parse_picture, render_picture,
)

GOLDEN = Path(__file__).parent / "golden" / "pictures"
UPDATE = os.environ.get("RLCHECK_UPDATE_GOLDEN") == "1"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


# ---------------------------------------------------------------- the pictures under test


def _in_place_sweeps(P: Any, R: Any, pi: Any, gamma: float, n: int) -> np.ndarray:
    # The classic slip: Gauss-Seidel sweeps, so later states read values of the same sweep.
    V = np.zeros(9)
    for _ in range(n):
        for s in range(9):
            V[s] = pi[s] @ (R[s] + gamma * P[s] @ V)
    return V


def _policy_evaluation_in_place() -> dict:
    P, R = gridworld_model()
    pi = uniform_policy()
    return cp.policy_evaluation_picture(P, R, pi, GAMMA, 3, _in_place_sweeps(P, R, pi, GAMMA, 3))


def _deterministic_policy() -> dict:
    P, R = gridworld_model()
    pi = np.zeros((9, 4))
    pi[:, 3] = 1.0
    pi[[2, 5, 8], :] = [0.0, 1.0, 0.0, 0.0]
    return cp.policy_evaluation_picture(P, R, pi, GAMMA, 2, evaluate(P, R, pi, GAMMA, 2))


def _gridworld_model_wrong_walls() -> dict:
    P, R = gridworld_model()
    P = P.copy()
    P[3, 2] = 0.0
    P[3, 2, 2] = 1.0  # left from S3 wraps to S2
    return cp.gridworld_model_picture((P, R))


def _value_iteration_one_sweep_early() -> dict:
    history = value_sweeps(CHAIN_R, CHAIN_NEXT, 0.9, 0.01)
    return cp.value_iteration_picture(CHAIN_R, CHAIN_NEXT, 0.9, 0.01, history[-2])


def _gae_forward_slip() -> dict:
    got = np.array([-5.032, -5.781, -4.0, -5.738, -5.5])
    return cp.gae_picture(ADV_REWARDS, ADV_VALUES, 0.0, ADV_GAMMA, 0.95, None, got)


def _returns_shifted() -> dict:
    G = returns_forward([1, 0, 1, 0, 1], 0.99)
    return cp.returns_picture([1, 0, 1, 0, 1], 0.99, np.append(G[1:], 0.0))


def _ucb_without_sqrt() -> dict:
    Q, N, t, c = [0.5, -1.0, 2.0, 0.0], [3, 7, 0, 12], 23, 1.5
    got = [math.inf if n == 0 else q + c * math.log(t) / n for q, n in zip(Q, N)]
    return cp.ucb_picture(Q, N, t, c, got)


def _boltzmann_tau_times() -> dict:
    q = np.array([3.0, 5.0, 1.0])
    wrong = [np.exp(q * tau) / np.exp(q * tau).sum() for tau in (2.0, 0.1)]
    return cp.boltzmann_picture(q, (2.0, 0.1), wrong)


def _ppo_max_instead_of_min() -> dict:
    r, a, eps = [1.3, 1.3, 0.7, 0.7, 1.8, 0.4], [0.5, -0.5, 0.5, -0.5, 1.0, -1.0], 0.2
    got = [max(x * y, min(max(x, 1 - eps), 1 + eps) * y) for x, y in zip(r, a)]
    return cp.clip_objective_picture(r, a, eps, got)


def _iterations_needed_answers() -> dict:
    return cp.learner_picture("iterations_needed", {"SWEEPS_GAMMA_0_9": 44, "SWEEPS_GAMMA_0_99": 690})


def _first_sweep_answers() -> dict:
    return cp.learner_picture("gridworld_first_sweep", {"V1_S7": 0.25, "V1_S5": 1.0})


GOLDEN_CASES: dict[str, Callable[[], dict]] = {
    "grid_sweeps_in_place": _policy_evaluation_in_place,
    "grid_policy_arrows": _deterministic_policy,
    "grid_text_cells": _gridworld_model_wrong_walls,
    "grid_partial_answers": _first_sweep_answers,
    "bars_gae": _gae_forward_slip,
    "bars_returns": _returns_shifted,
    "bars_ucb_stacked": _ucb_without_sqrt,
    "bars_boltzmann_groups": _boltzmann_tau_times,
    "curve_log_stop": _value_iteration_one_sweep_early,
    "curve_two_series": _iterations_needed_answers,
    "curve_clip_band": _ppo_max_instead_of_min,
}


def _all_pictures() -> dict[str, dict]:
    """Every golden case, every exercise's reference picture and a learner picture with junk."""
    found = {name: build() for name, build in GOLDEN_CASES.items()}
    for exercise in cp.exercises_with_pictures():
        found[f"reference:{exercise}"] = cp.reference_picture(exercise)
    return found


def _print(picture: Any, width: int, color: bool) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system="256" if color else None,
                      no_color=not color, legacy_windows=False, highlight=False, emoji=False)
    console.print(picture)
    return console.file.getvalue()


# ---------------------------------------------------------------- golden renderings


@pytest.mark.parametrize("color", [True, False], ids=["color", "plain"])
@pytest.mark.parametrize("case", sorted(GOLDEN_CASES))
def test_golden_rendering_at_80_columns(case: str, color: bool) -> None:
    fitted = render_picture(GOLDEN_CASES[case](), 80, 24, color)
    assert fitted is not None, f"{case} should fit 80x24"
    text = _print(fitted, 80, color)
    path = GOLDEN / f"{case}.{'color' if color else 'plain'}.txt"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"no golden file {path.name}: run with RLCHECK_UPDATE_GOLDEN=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    if color:
        assert "\x1b[" in text
    else:
        assert "\x1b" not in text


def test_plain_rendering_marks_differences_with_characters() -> None:
    # Without colour, the ✗ mark alone must say which values differ.
    text = _print(render_picture(_policy_evaluation_in_place(), 80, 24, False), 80, False)
    assert "✗" in text and "differs from expected" in text
    text = _print(render_picture(_ucb_without_sqrt(), 80, 24, False), 80, False)
    assert "✗" in text and "░" in text  # the bonus is drawn apart from Q, by its own character


def test_colour_rendering_printed_under_no_color_has_no_colour_codes() -> None:
    fitted = render_picture(_value_iteration_one_sweep_early(), 80, 24, True)
    text = _print(fitted, 80, color=False)
    assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])", text)


# ---------------------------------------------------------------- fitting


@pytest.mark.parametrize("width, height", [(80, 24), (60, 20)])
@pytest.mark.parametrize("name", sorted(_all_pictures()))
def test_every_picture_fits_its_box_or_is_dropped(name: str, width: int, height: int) -> None:
    spec = _all_pictures()[name]
    for color in (True, False):
        fitted = render_picture(spec, width, height, color)
        if fitted is None:
            continue
        lines = ANSI.sub("", _print(fitted, width, color)).rstrip("\n").split("\n")
        assert len(lines) <= height, f"{name}: {len(lines)} lines in a box of {height}"
        assert max(Console().measure(line).maximum for line in lines) <= width, name


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_small_boxes_shrink_or_drop(name: str) -> None:
    spec = GOLDEN_CASES[name]()
    for width, height in [(40, 12), (30, 8), (80, 6), (20, 24), (80, 2)]:
        fitted = render_picture(spec, width, height, False)
        if fitted is not None:
            assert fitted.height <= height and fitted.width <= width


def test_curves_and_grids_shown_at_80x24_by_default() -> None:
    # The cases the issue names must not be dropped at a common terminal size.
    for build in (_value_iteration_one_sweep_early, _policy_evaluation_in_place, _ppo_max_instead_of_min):
        assert render_picture(build(), 80, 24, False) is not None


def test_grid_shrinks_to_the_frame_that_differs() -> None:
    # The learner's V belongs to the last sweep: in a narrow box, that frame is the one kept.
    spec = _policy_evaluation_in_place()
    text = _print(render_picture(spec, 40, 12, False), 40, False)
    assert "sweep 3 (3/3)" in text and "✗" in text and "sweep 2" not in text


def test_grid_frame_can_be_picked() -> None:
    spec = _policy_evaluation_in_place()
    assert frame_count(spec) == 3
    text = _print(render_picture(spec, 80, 24, False, frame=0), 80, False)
    assert "sweep 1 (1/3)" in text and "sweep 2" not in text


def test_bars_window_around_the_first_difference_when_tall() -> None:
    n = 40
    expected = [float(i) for i in range(n)]
    got = list(expected)
    got[30] = -3.0
    spec = cp.step_bars_picture(expected, got, title="long rollout")
    text = _print(render_picture(spec, 80, 20, False), 80, False)
    assert "t=30" in text and "✗" in text and "more above" in text


def test_rendering_is_deterministic_across_pictures() -> None:
    # plotext keeps one global figure: a picture drawn in between must not leak into the next.
    first = _print(render_picture(_value_iteration_one_sweep_early(), 80, 24, True), 80, True)
    render_picture(_ppo_max_instead_of_min(), 70, 20, True)
    again = _print(render_picture(_value_iteration_one_sweep_early(), 80, 24, True), 80, True)
    assert first == again


# ---------------------------------------------------------------- specs


def _grid(**changes: Any) -> dict:
    spec = {"kind": "grid", "title": "t", "rows": 1, "cols": 2,
            "frames": [{"label": "a", "expected": [[1.0, 2.0]], "got": [[1.0, "inf"]]}]}
    spec.update(changes)
    return spec


MALFORMED = [
    ("not a mapping", ["grid"], r"picture: expected an object"),
    ("unknown kind", {"kind": "pie"}, r"picture.kind: unknown kind 'pie'"),
    ("no kind", {"title": "x"}, r"picture.kind: unknown kind None"),
    ("unknown field", _grid(colour="red"), r"picture: unknown field 'colour'"),
    ("bad rows", _grid(rows=0), r"picture.rows: expected a whole number >= 1"),
    ("short row", _grid(frames=[{"label": "a", "expected": [[1.0]]}]),
     r"picture.frames\[0\].expected\[0\]: expected 2 cells, got 1"),
    ("no frames", _grid(frames=[]), r"picture.frames: at least one frame"),
    ("bool cell", _grid(frames=[{"label": "a", "expected": [[True, 1.0]]}]),
     r"expected\[0\]\[0\]: expected a number, got a boolean"),
    ("bad arrow", _grid(frames=[{"label": "a", "expected": [[1.0, 2.0]], "arrows": [[["north"], []]]}]),
     r"arrows\[0\]\[0\]\[0\]: expected one of up, down, left, right"),
    ("control chars", _grid(title="\x1b[2J"), r"picture.title: contains control characters"),
    ("bars length", {"kind": "bars", "title": "", "groups": [{"label": "", "labels": ["a", "b"], "expected": [1]}]},
     r"picture.groups\[0\].expected: expected 2 values"),
    ("bars range", {"kind": "bars", "title": "", "value_range": [1, 0],
                    "groups": [{"label": "", "labels": ["a"], "expected": [1]}]}, r"low < high"),
    ("curve lengths", {"kind": "curve", "title": "", "series": [{"name": "s", "x": [1, 2], "y": [1]}]},
     r"picture.series\[0\]: x has 2 values but y has 1"),
    ("curve role", {"kind": "curve", "title": "", "series": [{"name": "s", "x": [1], "y": [1], "role": "mine"}]},
     r"picture.series\[0\].role: expected one of expected, got, reference"),
    ("curve line", {"kind": "curve", "title": "", "series": [{"name": "s", "x": [1], "y": [1]}],
                    "hlines": [{"at": "nan", "name": "e"}]}, r"picture.hlines\[0\].at: expected a finite number"),
    ("log flag", {"kind": "curve", "title": "", "series": [{"name": "s", "x": [1], "y": [1]}], "log_y": "yes"},
     r"picture.log_y: expected true or false"),
    ("band order", {"kind": "curve", "title": "", "series": [{"name": "s", "x": [1], "y": [1]}],
                    "bands": [{"low": 2, "high": 1, "name": "b"}]}, r"low must be below high"),
]


@pytest.mark.parametrize("spec, message", [(s, m) for _, s, m in MALFORMED], ids=[n for n, _, _ in MALFORMED])
def test_malformed_specs_are_rejected_with_a_clear_error(spec: Any, message: str) -> None:
    with pytest.raises(PictureError, match=message):
        parse_picture(spec)
    with pytest.raises(PictureError):
        render_picture(spec, 80, 24, False)


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_specs_are_strict_json_and_round_trip(name: str) -> None:
    spec = GOLDEN_CASES[name]()
    text = json.dumps(spec, allow_nan=False)  # infinities travel as strings
    assert parse_picture(json.loads(text)) == parse_picture(spec)


def test_dataclass_specs_render_like_their_dicts() -> None:
    picture = BarsPicture(title="p", groups=(BarGroup(label="", labels=("a", "b"), expected=(0.5, 0.5),
                                                      got=(0.5, None)),), value_range=(0.0, 1.0))
    assert _print(render_picture(picture, 60, 10, False), 60, False) == \
        _print(render_picture(picture.to_dict(), 60, 10, False), 60, False)


def test_engine_knows_nothing_of_the_curriculum() -> None:
    engine = Path(__file__).resolve().parents[1] / "checker" / "pictures"
    for path in engine.glob("*.py"):
        tree = ast.parse(path.read_text())
        imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in imported if "curriculum" in m], path.name


# ---------------------------------------------------------------- the RL builders


def test_every_exercise_named_in_the_issue_has_a_picture() -> None:
    named = {"gridworld_first_sweep", "gridworld_second_sweep", "first_nonzero_iteration", "gridworld_3x3",
             "policy_evaluation", "value_iteration", "iterations_needed", "chain_v4", "compute_returns",
             "td_residuals", "gae", "reinforce_gradient", "epsilon_greedy_probs", "boltzmann_probs",
             "ucb_scores", "ppo_clip_objective"}
    assert named <= set(cp.exercises_with_pictures())
    for exercise in cp.exercises_with_pictures():
        assert cp.picture_probe(exercise) is not None
        parse_picture(cp.reference_picture(exercise))
    assert cp.reference_picture("bellman_values") is None and cp.picture_probe("bellman_values") is None


@pytest.mark.parametrize("exercise", cp.exercises_with_pictures())
@pytest.mark.parametrize("junk", [None, Ellipsis, "text", [1, 2], {"a": 1}, float("nan"), 1e308, (1, 2)],
                         ids=lambda v: type(v).__name__)
def test_learner_pictures_survive_any_learner_value(exercise: str, junk: Any) -> None:
    probe = cp.picture_probe(exercise)
    got = {key: junk for key in probe.names + tuple(c.key for c in probe.calls)}
    spec = cp.learner_picture(exercise, got)
    parse_picture(spec)
    render_picture(spec, 80, 24, True)


def test_value_iteration_marks_where_the_learner_stopped() -> None:
    history = value_sweeps(CHAIN_R, CHAIN_NEXT, 0.9, 0.01)
    stop = len(history) - 1
    spec = parse_picture(cp.value_iteration_picture(CHAIN_R, CHAIN_NEXT, 0.9, 0.01, history[-2]))
    assert [(v.at, v.role) for v in spec.vlines] == [(stop, "expected"), (stop - 1, "got")]
    assert spec.hlines[0].at == 0.01 and spec.log_y
    late = [float(CHAIN_R[s]) + 0.9 * history[-1][int(CHAIN_NEXT[s])] for s in range(4)]
    spec = parse_picture(cp.value_iteration_picture(CHAIN_R, CHAIN_NEXT, 0.9, 0.01, late))
    assert spec.vlines[-1].at == stop + 1
    spec = parse_picture(cp.value_iteration_picture(CHAIN_R, CHAIN_NEXT, 0.9, 0.01, [9.0, 9.0, 9.0, 9.0]))
    assert len(spec.vlines) == 1 and "equals no sweep" in spec.caption


def test_gridworld_picture_compares_only_the_cells_the_learner_gave() -> None:
    spec = parse_picture(_first_sweep_answers())
    frame = spec.frames[0]
    assert frame.got[2][1] == 0.25 and frame.got[1][2] == 1.0 and frame.got[0][0] is None
    assert frame.expected[2][1] == pytest.approx(evaluate(*gridworld_model(), uniform_policy(), GAMMA, 1)[7])


def test_builders_agree_with_the_hidden_tests() -> None:
    # The pictures compute their expected values with the course's reference code; they must
    # show the same numbers the hidden tests judge by.
    from checker.curriculum.test_gae_by_hand import _weighted
    spec = parse_picture(cp.reference_picture("gae_by_hand"))
    assert list(spec.groups[0].expected) == pytest.approx([_weighted(0.0), _weighted(ADV_GAMMA),
                                                           _weighted(ADV_GAMMA * 0.95)])
    from checker.curriculum.test_epsilon_greedy_probs import _reference as eg_reference
    spec = parse_picture(cp.epsilon_greedy_picture([1.0, 5.0, 2.0, 5.0], 0.2))
    assert list(spec.groups[0].expected) == pytest.approx(eg_reference([1.0, 5.0, 2.0, 5.0], 0.2).tolist())
    from checker.curriculum.test_ucb_scores import _reference as ucb_reference
    spec = parse_picture(cp.ucb_picture([3.0, 2.5], [5, 0], 10, 1.0))
    assert list(spec.groups[0].expected) == ucb_reference([3.0, 2.5], [5, 0], 10, 1.0).tolist()
    from checker.curriculum.test_td_residual_values import _delta
    spec = parse_picture(cp.reference_picture("td_residual_values"))
    assert spec.groups[0].expected[0] == pytest.approx(_delta(0))
    assert spec.groups[0].expected[4] == pytest.approx(_delta(4))


def test_clip_picture_puts_correct_samples_on_the_curves() -> None:
    r, a, eps = [1.3, 0.7, 1.8], [0.5, -0.5, 2.0], 0.2
    spec = parse_picture(cp.clip_objective_picture(r, a, eps, [0.6, -0.4, 2.4]))
    names = [s.name for s in spec.series]
    assert names[:2] == ["A > 0: L / |A|", "A < 0: L / |A|"] and names[-1] == "yours"
    assert spec.bands[0].low == pytest.approx(0.8) and spec.bands[0].high == pytest.approx(1.2)
    yours = spec.series[-1]
    assert list(yours.y) == pytest.approx([1.2, -0.8, 1.2])


def test_reference_pictures_that_reveal_answers_say_so() -> None:
    assert cp.reference_spoils("gridworld_first_sweep") and cp.reference_spoils("iterations_needed")
    assert not cp.reference_spoils("value_iteration") and not cp.reference_spoils("ppo_clip_objective")


def test_picture_or_none_swallows_builder_failures() -> None:
    assert cp.picture_or_none(cp.returns_picture, "not rewards", 0.9) is None
    assert cp.picture_or_none(cp.returns_picture, [1.0], 0.9)["kind"] == "bars"


def test_random_mdp_policy_evaluation_falls_back_to_bars() -> None:
    rng = np.random.default_rng(0)
    P = rng.random((4, 2, 4))
    P /= P.sum(axis=2, keepdims=True)
    R, pi = rng.normal(size=(4, 2)), np.full((4, 2), 0.5)
    spec = parse_picture(cp.policy_evaluation_picture(P, R, pi, 0.9, 3, [0.0, 0.0, 0.0, 0.0]))
    assert isinstance(spec, BarsPicture) and spec.groups[0].labels == ("S0", "S1", "S2", "S3")


def test_engine_specs_build_from_dataclasses() -> None:
    grid = GridPicture(title="g", rows=1, cols=1, frames=(GridFrame(label="f", expected=((1.0,),)),))
    curve = CurvePicture(title="c", series=(Series("s", (1.0, 2.0), (1.0, 0.5)),), log_y=True,
                         hlines=(RefLine(0.1, "eps"),))
    for picture in (grid, curve):
        assert parse_picture(picture.to_dict()) == picture
