"""Known-wrong and alternative-correct learner files, checked through the real runner.

Every file under tests/variants/<exercise>/ is a complete learner file for that exercise:

    wrong_<what>.py   a plausible mistake. Its first line is `# expect: <text>`, a piece of the
                      learner-facing diagnosis that must appear in a failing check's message.
                      Lines `# not: <text>` after it name the diagnosis of a nearby but
                      different mistake: it may only appear beside the expected one (where
                      both mistakes give the same values), and at least one failing check
                      must say the expected diagnosis without it.
    right_<what>.py   a correct answer in another style (loops, lists, float32, ...): must pass.

The files are named so that pytest never collects them, and they are checked the way learners'
files are: by the warm worker, one forked child per file (Runner.check_many).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.result import Result, Status
from conftest import VARIANTS, variant_files

EXPECT = "# expect:"
NOT = "# not:"

# The exercises this sample must cover (manifest names).
SAMPLED = (
    "bellman_iteration", "solve_bellman", "value_iteration", "q_value_iteration", "greedy_policy",
    "q_learning_update", "policy_evaluation", "gridworld_3x3", "stable_softmax", "grad_log_softmax",
    "compute_returns", "reinforce_gradient", "td_residuals", "gae", "discounted_return",
    "epsilon_greedy_probs", "ucb_scores", "boltzmann_probs", "ppo_clip_objective", "ppo_clip_gradient",
    "ppo_surrogate_loss", "replay_buffer_bytes", "training_budget", "q_update_fix", "epsilon_greedy_bug",
)


def _key(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _expectation(path: Path) -> str | None:
    first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    return first[len(EXPECT):].strip() if first.startswith(EXPECT) else None


def _exclusions(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [line[len(NOT):].strip() for line in lines if line.startswith(NOT)]


FILES = variant_files()


def _params(prefix: str) -> list:
    return [pytest.param(p, id=_key(p)) for p in FILES if p.name.startswith(prefix)]


def _failure_report(result: Result) -> str:
    failing = [t for t in result.tests if t.outcome != "passed"]
    shown = "\n".join(f"--- {t.name} [{t.outcome}]\n{t.message}" for t in failing[:3])
    return f"{result.status.value}: {result.summary}\n{result.detail}\n{shown}"


@pytest.mark.parametrize("path", _params("right_"))
def test_right_variant_passes(variant_results, path):
    result = variant_results[path]
    assert result.status is Status.PASSED, _failure_report(result)


@pytest.mark.parametrize("path", _params("wrong_"))
def test_wrong_variant_fails_with_its_diagnosis(variant_results, path):
    result = variant_results[path]
    expected = _expectation(path)
    # A loop that never ends is stopped and reported as a timeout, with the same diagnosis.
    assert result.status in (Status.FAILED, Status.TIMEOUT), _failure_report(result)
    messages = [t.message for t in result.tests if t.outcome != "passed"]
    assert any(expected in m for m in messages), f"no failing check says {expected!r}\n{_failure_report(result)}"
    for other in _exclusions(path):
        alone = [m for m in messages if other in m and expected not in m]
        assert not alone, f"a check says {other!r} without {expected!r}:\n{alone[0]}"
        assert any(expected in m and other not in m for m in messages), \
            f"every check that says {expected!r} also says {other!r}\n{_failure_report(result)}"


def test_variant_files_are_well_formed(course):
    assert FILES, f"no variants found under {VARIANTS}"
    strays = [p.name for p in VARIANTS.rglob("*") if p.is_file() and p not in FILES]
    assert not strays, f"files that are neither wrong_*.py nor right_*.py: {strays}"
    for path in FILES:
        course.find(path.parent.name)  # the folder is named after a manifest exercise
        expected = _expectation(path)
        if path.name.startswith("wrong_"):
            assert expected, f"{_key(path)} must start with '{EXPECT} <diagnosis text>'"
        else:
            assert expected is None, f"{_key(path)} is a right variant but has an expect line"


@pytest.mark.parametrize("exercise", SAMPLED)
def test_every_sampled_exercise_has_enough_variants(exercise):
    names = [p.name for p in FILES if p.parent.name == exercise]
    assert sum(n.startswith("wrong_") for n in names) >= 2, names
    assert sum(n.startswith("right_") for n in names) >= 1, names
