"""Help pages that read plainly, shell completion of exercise names, and a README that tells the truth
about exit codes."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, Completed, quiet_env, run_cli

COMMANDS = ["list", "run", "hint", "reset", "verify", "solution", "watch", "init", "gradebook", "dev", "dev check"]
MARKERS = re.compile(r"<bool>|<str>|<int|<float|<path>|<list\[|\[x>=|x<=|\{[a-z_]+\}|\bBOOLEAN\b|\bTEXT\b")


@pytest.fixture(scope="module")
def help_pages(tmp_path_factory) -> dict[str, Completed]:
    """`rlcheck [COMMAND] --help` for the main page and every command, each run once at 100 columns."""
    cwd = tmp_path_factory.mktemp("help")
    return {command: run_cli(*command.split(), "--help", cwd=cwd, env=quiet_env(COLUMNS="100"))
            for command in ["", *COMMANDS]}


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_reads_plainly(help_pages, command):
    result = help_pages[command]
    assert result.code == 0, result.text
    assert not MARKERS.search(result.stdout), result.stdout
    assert "Usage: rlcheck" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_the_main_help_lists_every_command(help_pages):
    listed = help_pages[""].stdout
    assert all(re.search(rf"^\W*{command}\b", listed, re.MULTILINE) for command in COMMANDS if " " not in command)
    assert "--install-completion" in listed


def test_help_names_placeholders_in_capitals(cli, tmp_path, help_pages):
    verify = help_pages["verify"].stdout
    assert "Usage: rlcheck verify [OPTIONS] [NAME]..." in verify
    for option in ("--junit-xml FILE", "--json FILE", "--exercises-dir DIR", "--timeout SECONDS", "-j, --jobs N"):
        assert option in verify
    assert "Usage: rlcheck solution [OPTIONS] [NAME]" in help_pages["solution"].stdout
    missing = cli("init", cwd=tmp_path)
    assert missing.code == 2 and "Missing argument 'DIR'" in missing.stderr and "{" not in missing.stderr


def test_shell_completion_offers_exercise_names(cli, tmp_path, course):
    env = quiet_env(_RLCHECK_COMPLETE="complete_bash", COMP_WORDS="rlcheck run bellman_", COMP_CWORD="2")
    result = cli(cwd=tmp_path, env=env)
    offered = set(result.stdout.split())
    assert offered == {e.name for e in course.exercises if e.name.startswith("bellman_")}
    assert len(offered) >= 2
    env.update(COMP_WORDS="rlcheck verify gae", COMP_CWORD="2")
    assert set(cli(cwd=tmp_path, env=env).stdout.split()) == {e.name for e in course.exercises if e.name.startswith("gae")}


def _readme_exit_codes() -> dict[str, str]:
    table = (REPO / "README.md").read_text().split("## Commands")[1].split("\n\n")[1]
    codes = {}
    for row in table.splitlines()[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        codes[cells[0].strip("`").split()[1]] = cells[-1]
    return codes


def test_readme_exit_codes_match_behaviour(cli, workspace, course):
    codes = _readme_exit_codes()
    first, second = course.exercises[0].name, course.exercises[1].name
    cases = [
        ("list", ["list", "--topic", "nonsense"], 2),
        ("run", ["run", second], 1),
        ("run", ["run", "no_such_exercise"], 2),
        ("hint", ["hint", "no_such_exercise"], 2),
        ("reset", ["reset", first], 2),  # no terminal to ask in, and no --yes
        ("solution", ["solution", first], 1),  # not passed yet
        ("verify", ["verify", first], 1),
        ("verify", ["verify", "--json", "exercises"], 2),
        ("init", ["init", str(workspace)], 2),  # not empty
        ("gradebook", ["gradebook", "nothing.json"], 2),
    ]
    for command, args, expected in cases:
        seen = cli(*args, cwd=workspace).code
        assert seen == expected, (args, seen)
        assert re.search(rf"\b{expected}\b", codes[command]), (command, codes[command])
