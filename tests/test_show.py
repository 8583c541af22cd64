"""`rlcheck show`: the reference's picture, and the learner's beside it, through the real CLI."""

from __future__ import annotations

import json
import re
import shutil

from conftest import REPO, quiet_env

# value_iteration stopping one sweep early: `<=` where `<` belongs
LESS_OR_EQUAL = (REPO / "tests" / "variants" / "value_iteration" / "wrong_stops_at_equal_change.py").read_text()


def write(workspace, course, name: str, text: str) -> None:
    (workspace / "exercises" / course.find(name).path).write_text(text, encoding="utf-8")


def test_help_explains_the_command(cli, tmp_path):
    done = cli("show", "--help", cwd=tmp_path)
    assert done.code == 0
    text = " ".join(done.stdout.split())
    assert "Usage: rlcheck show [OPTIONS] [NAME]" in done.stdout
    assert "the reference's, and yours beside it" in text and "--force" in text
    assert "Exit 0 when a picture is drawn, 1 when there is none to draw (or not yet), 2 for an unknown name" in text


def test_the_reference_alone_while_the_exercise_is_not_started(cli, workspace, course):
    done = cli("show", "value_iteration", cwd=workspace)
    assert done.code == 0, done.text
    assert "not started yet" in done.stdout and "Reference (the exercise's example)" in done.stdout
    assert "value iteration: max change per sweep (gamma = 0.9)" in done.stdout
    assert "║ should stop: sweep 45" in done.stdout and "Yours" not in done.stdout
    assert "\x1b[" not in done.stdout  # NO_COLOR / TERM=dumb: characters only


def test_the_learners_failing_check_beside_the_reference(cli, workspace, course):
    write(workspace, course, "value_iteration", LESS_OR_EQUAL)
    narrow = cli("show", "value_iteration", cwd=workspace)
    assert narrow.code == 0, narrow.text
    lines = narrow.stdout.splitlines()
    reference = lines.index("Reference (the exercise's example)")
    yours = next(i for i, line in enumerate(lines) if line.startswith("Yours: ✗ a change equal to epsilon"))
    assert reference < yours  # 120 columns: one after the other
    assert "┃ yours stopped: sweep 2" in narrow.stdout and "║ should stop: sweep 3" in narrow.stdout
    wide = cli("show", "value_iteration", cwd=workspace, env=quiet_env(COLUMNS="150"))
    heading = next(line for line in wide.stdout.splitlines() if line.startswith("Reference"))
    assert "Yours: ✗ a change equal to epsilon" in heading  # side by side
    assert max(len(line) for line in wide.stdout.splitlines()) <= 150
    # show records nothing: no progress was written.
    assert not (workspace / ".rlcheck" / "state.json").exists()


def test_the_current_exercise_by_default(cli, workspace, course):
    state = workspace / ".rlcheck" / "state.json"
    state.parent.mkdir()
    state.write_text(json.dumps({"version": 1, "current": "compute_returns", "passed": {}, "hints_shown": {}}))
    done = cli("show", cwd=workspace)
    assert done.code == 0, done.text
    assert done.stdout.startswith("compute_returns:") and "returns G_t = r_t + gamma G_t+1" in done.stdout


def test_an_answer_picture_waits_for_a_pass_or_force(cli, workspace, course):
    write(workspace, course, "gridworld_first_sweep", "V1_S7 = 0.25\nV1_S5 = 1.0\n")
    done = cli("show", "gridworld_first_sweep", cwd=workspace)
    assert done.code == 1
    assert "shows its answer: pass it first" in " ".join(done.stderr.split()) and "--force" in done.stderr
    assert "0.250" not in done.text
    peek = cli("show", "gridworld_first_sweep", "--force", cwd=workspace)
    assert peek.code == 0, peek.text
    assert "0.250" in peek.stdout and "1.000✗" in peek.stdout and "Yours: ✗ V1_S5" in peek.stdout
    # Once the file passes, the reference is the learner's to see.
    shutil.copyfile(REPO / "solutions" / course.find("gridworld_first_sweep").path,
                    workspace / "exercises" / course.find("gridworld_first_sweep").path)
    passed = cli("show", "gridworld_first_sweep", cwd=workspace)
    assert passed.code == 0, passed.text
    assert "passes every check" in passed.stdout and "0.250" in passed.stdout


def test_a_revealing_reference_is_left_out_beside_the_learners_own_picture(cli, workspace, course):
    # gridworld_3x3: the reference is the model itself; the learner's failing check shows theirs.
    write(workspace, course, "gridworld_3x3",
          "import numpy as np\n"
          "def gridworld_3x3():\n"
          "    return np.zeros((9, 4, 9)), np.zeros((9, 4))\n")
    done = cli("show", "gridworld_3x3", cwd=workspace)
    assert done.code == 0, done.text
    assert "Yours: ✗" in done.stdout and "Reference" not in done.stdout
    assert "The reference picture of gridworld_3x3 shows its answer" in " ".join(done.stdout.split())
    assert re.search(r"end ?✗", done.stdout)  # the learner's moves lead nowhere: marked as differing


def test_nothing_to_show_and_unknown_names(cli, workspace):
    done = cli("show", "bellman_values", cwd=workspace)
    assert done.code == 1 and "bellman_values has no picture to draw." in done.stderr
    assert cli("show", "no_such_exercise", cwd=workspace).code == 2


def test_the_readme_documents_show_and_the_v_key():
    readme = (REPO / "README.md").read_text()
    table = readme.split("## Commands")[1].split("\n\n")[1]
    row = next(line for line in table.splitlines() if line.startswith("| `rlcheck show [NAME]`"))
    assert "0 shown, 1 nothing to show or not yet, 2 unknown name" in row and "--force" in row
    watch = next(line for line in table.splitlines() if line.startswith("| `rlcheck watch`"))
    assert "`v` the failing check's picture" in watch
