"""``rlcheck init DIR``: a learner's own workspace, made from the installed package."""

from __future__ import annotations

import shutil
from pathlib import Path

from checker import __version__
from checker.catalog import Course

GITIGNORE = """\
# rlcheck's progress file is personal; reference solutions appear here as you pass.
.rlcheck/
solutions/
__pycache__/
*.pyc
rlcheck-report.xml
rlcheck-results.json
"""

WORKFLOW = """\
# Checks every push with rlcheck: a red or green check, inline annotations on the lines
# that fail, and the reports as an artifact.
name: rlcheck
on: [push, pull_request]

jobs:
  verify:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      # The same rlcheck this workspace was made with; a course may pin its own fork here.
      - run: pip install "{requirement}"
      - run: rlcheck verify --junit-xml rlcheck-report.xml --json rlcheck-results.json
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: rlcheck-report
          path: |
            rlcheck-report.xml
            rlcheck-results.json
"""

README = """\
# My rlcheck workspace

Exercises for the math of reinforcement learning. Open `exercises/` in your editor and run

    rlcheck watch

in a terminal beside it. Every save is checked at once; when an exercise passes, watch mode
moves on to the next. Keys: n next, p previous, h hint, l list, r re-run, c check all, q quit.

Other commands: `rlcheck list`, `rlcheck run [NAME]`, `rlcheck hint [NAME]`,
`rlcheck reset NAME`, `rlcheck solution NAME` (after you pass), `rlcheck verify` (all at once;
this is what the CI workflow in .github/workflows runs on every push).
"""


class InitError(Exception):
    pass


def create_workspace(course: Course, directory: Path, force: bool = False) -> int:
    """Write stubs (never solutions), a .gitignore, a CI workflow and a README; return the count."""
    stubs = course.stubs_dir
    if stubs is None or not stubs.is_dir():
        raise InitError("This installation of rlcheck does not include the exercises.")
    if directory.exists() and not directory.is_dir():
        raise InitError(f"{directory} exists and is not a folder.")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise InitError(f"{directory} is not empty. Choose a new folder, or pass --force to write into it.")
    for exercise in course.exercises:
        target = directory / "exercises" / exercise.path
        if target.exists() and force:
            continue  # --force adds what is missing; it never overwrites a learner's work
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stubs / exercise.path, target)
    (directory / ".rlcheck").mkdir(exist_ok=True)
    _write_new(directory / ".gitignore", GITIGNORE)
    _write_new(directory / "README.md", README)
    _write_new(directory / ".github" / "workflows" / "rlcheck.yml", WORKFLOW.replace("{requirement}", install_requirement()))
    return len(course.exercises)


def install_requirement() -> str:
    """How CI should install this rlcheck: its git URL if it came from one (PEP 610), else the version."""
    import json
    from importlib import metadata

    try:
        direct = json.loads(metadata.distribution("rlcheck").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        direct = {}
    vcs = direct.get("vcs_info", {})
    if vcs.get("vcs") == "git" and direct.get("url"):
        revision = vcs.get("commit_id", "")
        return f"rlcheck @ git+{direct['url']}" + (f"@{revision}" if revision else "")
    return f"rlcheck=={__version__}"


def _write_new(path: Path, text: str) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
