"""``rlcheck init DIR``: a learner's own workspace, made from the installed package."""

from __future__ import annotations

import json
import shlex
import shutil
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from checker import __version__
from checker.catalog import Course

WORKFLOW_PATH = Path(".github") / "workflows" / "rlcheck.yml"
PYTHON_VERSION = "3.12"  # pinned, so a new Python release cannot change a learner's verdicts overnight

GITIGNORE = """\
# rlcheck's progress file is personal; reference solutions appear here as you pass.
.rlcheck/
solutions/
__pycache__/
*.pyc
rlcheck-report.xml
rlcheck-results.json
"""

# Action majors as of 2026: checkout v7, setup-python v7, upload-artifact v7 (all on node24).
WORKFLOW = """\
# Checks every push with rlcheck: a red or green check, annotations on the lines that fail,
# and the reports as an artifact. Exercises you have not started yet do not fail the check.
name: rlcheck
on: [push, pull_request]

permissions:
  contents: read

jobs:
  verify:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - uses: actions/checkout@v7
        with:
          persist-credentials: false
      - uses: actions/setup-python@v7
        with:
          python-version: "{python}"
{install}
      - name: Check the exercises
        run: rlcheck verify --started-only --junit-xml rlcheck-report.xml --json rlcheck-results.json
      - uses: actions/upload-artifact@v7
        if: always()
        with:
          name: rlcheck-report
          path: |
            rlcheck-report.xml
            rlcheck-results.json
          if-no-files-found: ignore
"""

INSTALL_STEP = """\
      # {comment}
      - name: Install rlcheck
        run: |
          python -m pip install {quoted}"""

UNKNOWN_STEP = """\
      # EDIT THIS STEP: {why}
      # Put the pip requirement that installs your course's rlcheck here (or run
      # `rlcheck init --install SPEC` again), e.g. 'rlcheck @ git+https://github.com/OWNER/REPO@COMMIT'.
      - name: Install rlcheck
        run: |
          echo "::error file={workflow},line={line}::Edit this step: it must say how to install rlcheck."
          exit 1"""

README = """\
# My rlcheck workspace

Exercises for the math of reinforcement learning. Open `exercises/` in your editor and run

    rlcheck watch

in a terminal beside it. Every save is checked at once; when an exercise passes, watch mode
moves on to the next. Keys: n next, p previous, h hint, l list, r re-run, c check all, q quit.

Other commands: `rlcheck list`, `rlcheck run [NAME]`, `rlcheck hint [NAME]`,
`rlcheck reset NAME`, `rlcheck solution NAME` (after you pass), `rlcheck verify` (all at once;
the CI workflow in .github/workflows runs `rlcheck verify --started-only` on every push).
"""


class InitError(Exception):
    pass


@dataclass(frozen=True)
class InstallLine:
    """How CI installs rlcheck: a pip requirement, or None with the reason none could be found."""

    requirement: str | None
    source: str  # where it came from, said in the workflow's comment
    problem: str = ""


def install_line(spec: str | None = None) -> InstallLine:
    """The requirement that reinstalls this very rlcheck in CI: explicit, git (PEP 610), archive or index."""
    if spec is not None:
        return _explicit(spec)
    direct = _direct_url()
    if direct is None:
        return InstallLine(f"rlcheck=={__version__}", "the package index this rlcheck was installed from")
    url = str(direct.get("url", ""))
    vcs = direct.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and url:
        commit = str(vcs.get("commit_id", ""))
        return InstallLine(f"rlcheck @ git+{url}" + (f"@{commit}" if commit else ""), "the git commit this rlcheck was installed from")
    archive = direct.get("archive_info")
    if isinstance(archive, dict) and url.startswith(("https://", "http://")):
        return InstallLine(f"rlcheck @ {url}{_hash_fragment(archive, url)}", "the archive this rlcheck was installed from")
    where = url.removeprefix("file://") or "a local file"
    return InstallLine(None, "", f"rlcheck was installed from {where}, which CI cannot reach")


def _hash_fragment(archive: dict[str, Any], url: str) -> str:
    """pip's ``#sha256=…`` from PEP 610's ``hashes`` (or the older ``hash``), so CI gets the same bytes."""
    hashes = archive.get("hashes")
    if isinstance(hashes, dict) and hashes.get("sha256"):
        digest = f"sha256={hashes['sha256']}"
    else:
        digest = str(archive.get("hash") or "")
    return f"#{digest}" if digest and "#" not in url else ""


def _explicit(spec: str) -> InstallLine:
    spec = spec.strip()
    if not spec or "\n" in spec or "\r" in spec:
        raise InitError("--install needs one pip requirement on one line, e.g. 'rlcheck @ git+https://…@v1'.")
    return InstallLine(spec, "given with rlcheck init --install")


def _direct_url() -> dict[str, Any] | None:
    """PEP 610's direct_url.json of the installed rlcheck; None when it came from an index."""
    try:
        text = metadata.distribution("rlcheck").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return {"url": "a source folder that is not installed"}
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return {"url": "an install whose direct_url.json is unreadable"}
    return data if isinstance(data, dict) else {}


def workflow_text(line: InstallLine) -> tuple[str, int | None]:
    """The workflow, and the line number of the step to edit when the install line is unknown."""
    head = WORKFLOW.split("{install}")[0].replace("{python}", PYTHON_VERSION)
    if line.requirement is not None:
        step = INSTALL_STEP.format(comment=f"rlcheck from {line.source}.", quoted=shlex.quote(line.requirement))
        edit_line = None
    else:
        edit_line = head.count("\n") + 1
        step = UNKNOWN_STEP.format(why=line.problem + ".", workflow=WORKFLOW_PATH.as_posix(), line=edit_line)
    return WORKFLOW.replace("{python}", PYTHON_VERSION).replace("{install}", step), edit_line


def create_workspace(course: Course, directory: Path, force: bool = False,
                     install: InstallLine | None = None) -> tuple[int, int | None]:
    """Write stubs (never solutions), a .gitignore, a CI workflow and a README.

    Returns the number of exercises and, when the workflow was written without an install line
    that works, the line of the workflow to edit.
    """
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
    text, edit_line = workflow_text(install or install_line())
    written = _write_new(directory / WORKFLOW_PATH, text)
    return len(course.exercises), edit_line if written else None


def _write_new(path: Path, text: str) -> bool:
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True
