"""The commands for CI and courses: verify, init, gradebook, and dev check for course authors."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, List, Optional

import typer
from rich.text import Text

from checker import ui
from checker.catalog import (
    Course, ManifestError, NoWorkspace, Workspace, find_workspace, load_course, workspace_for_dir,
)
from checker.cli_base import (
    TimeoutOption, cli, dev, err, fail, out, pick, say_notice,
)
from checker.help import complete_exercise

if TYPE_CHECKING:
    from checker.report import Entry


@cli.command()
def verify(
    names: Annotated[
        Optional[List[str]],
        typer.Argument(help="Exercises to check (default: all).", metavar="[NAME]...", autocompletion=complete_exercise),
    ] = None,
    exercises_dir: Annotated[
        Optional[Path],
        typer.Option("--exercises-dir", help="Check this folder instead (laid out like exercises/).", metavar="DIR"),
    ] = None,
    junit: Annotated[
        Optional[Path], typer.Option("--junit-xml", help="Write a JUnit XML report here.", metavar="FILE")
    ] = None,
    json_path: Annotated[
        Optional[Path],
        typer.Option("--json", help="Write a results.json (exercism test-runner v3) here.", metavar="FILE"),
    ] = None,
    github: Annotated[
        Optional[bool],
        typer.Option("--github/--no-github", help="GitHub annotations and job summary (on by itself under GitHub Actions)."),
    ] = None,
    started_only: Annotated[
        bool,
        typer.Option("--started-only", help="Exit 0 when every exercise you have started passes; "
                     "untouched stubs do not count. Without it, every exercise must pass."),
    ] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Checks at once (default: CPU cores).", metavar="N")] = None,
    timeout: TimeoutOption = 10.0,
) -> None:
    """Check every exercise (or some) in parallel, no terminal needed. Exit 0 if all pass, 1 if not, 2 on bad usage."""
    from checker.entries import build_entries
    from checker.report import report_problems
    from checker.runner import CheckOptions, Runner
    from checker.verify_view import Indented, failure_blocks, isolation_line, verdict_line

    if jobs is not None and jobs < 1:
        raise fail("--jobs must be 1 or more.")
    course, workspace = _verify_workspace(exercises_dir)
    exercises = [pick(course, n) for n in names] if names else list(course.exercises)
    targets = [(label, path) for label, path in (("JUnit report", junit), ("JSON report", json_path)) if path]
    problems = report_problems(targets)
    if problems:  # before any check runs: a late failure would throw the whole run away
        raise fail(problems[0])
    pairs = [(e, workspace.file(e)) for e in exercises]
    with out.status(f"checking {len(pairs)} exercises…"):
        with Runner(course, CheckOptions(timeout=timeout), warm=len(pairs) > 1, on_notice=say_notice) as runner:
            results = list(runner.check_many(pairs, jobs))
    entries = build_entries(course, workspace, exercises, results)
    out.print(Indented(ui.results_table(results, {e.name: e.topic for e in exercises},
                                        {e.name: course.index(e) + 1 for e in exercises}), 0))
    for part in (failure_blocks(entries), isolation_line(entries), verdict_line(entries, started_only)):
        if part is not None:
            out.print(Indented(part, 0))
    _write_reports(entries, junit, json_path, started_only)
    if github if github is not None else os.environ.get("GITHUB_ACTIONS") == "true":
        _github(entries)
    ok = not any(e.failing for e in entries) if started_only else all(r.passed for r in results)
    raise typer.Exit(0 if ok else 1)


def _verify_workspace(exercises_dir: Optional[Path]) -> tuple[Course, Workspace]:
    try:
        course = load_course()
        if exercises_dir is not None:
            return course, workspace_for_dir(exercises_dir)
        return course, find_workspace(course)
    except (ManifestError, NoWorkspace) as exc:
        raise fail(str(exc))


def _write_reports(entries: list[Entry], junit: Optional[Path], json_path: Optional[Path], started_only: bool) -> None:
    from checker.report import junit_xml, write_file, write_json

    try:
        if junit:
            write_file(junit, junit_xml(entries, started_only=started_only))
        if json_path:
            write_json(json_path, entries)
    except OSError as exc:
        raise fail(f"Could not write a report to {exc.filename or junit or json_path}: {exc.strerror or exc}.")


def _github(entries: list[Entry]) -> None:
    from checker.report import append_step_summary, github_annotations

    for line in github_annotations(entries):
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    warning = append_step_summary(entries)
    if warning:
        err.print(Text(f"warning: {warning}", style="yellow"))


@cli.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new workspace.", metavar="DIR")],
    force: Annotated[bool, typer.Option("--force", help="Write into a folder that is not empty.")] = False,
    install: Annotated[
        Optional[str],
        typer.Option("--install", metavar="SPEC", help="The pip requirement the CI workflow installs rlcheck with, "
                     "e.g. 'rlcheck @ git+https://github.com/OWNER/REPO@v1' (default: where this rlcheck came from)."),
    ] = None,
) -> None:
    """Create a workspace with the exercises (no solutions), a CI workflow and a .gitignore."""
    from checker.workspace_init import WORKFLOW_PATH, InitError, create_workspace, install_line

    try:
        course = load_course()
        line = install_line(install)
        created, edit_line = create_workspace(course, directory, force=force, install=line)
    except (ManifestError, InitError) as exc:
        raise fail(str(exc))
    out.print(Text(f"Created a workspace with {created} exercises in {directory}.", style="green"))
    if course.policy.welcome:
        out.print(course.policy.welcome)
    if edit_line is not None:
        err.print(Text(f"warning: {line.problem}. Edit line {edit_line} of {directory / WORKFLOW_PATH} to say how CI "
                       "installs rlcheck, or run init again with --install SPEC.", style="yellow"))
    out.print(f"Next: cd {directory} && rlcheck watch")


@cli.command()
def gradebook(
    results: Annotated[
        List[Path], typer.Argument(help="results.json files (from `verify --json`), or folders that hold them.",
                                   metavar="RESULTS...")
    ],
    csv_path: Annotated[Optional[Path], typer.Option("--csv", help="Write the table as CSV here.", metavar="FILE")] = None,
    md_path: Annotated[
        Optional[Path], typer.Option("--markdown", help="Write the table as Markdown here.", metavar="FILE")
    ] = None,
) -> None:
    """Merge many learners' results.json into one table: a row per learner, a column per exercise.

    Without --csv or --markdown the Markdown table is printed. Exit 0, or 2 when a file is
    malformed (every bad file is named, and nothing is written).
    """
    from checker.gradebook import GradebookError, build, to_csv, to_markdown
    from checker.report import report_problems, write_file

    targets = [(label, path) for label, path in (("CSV", csv_path), ("Markdown", md_path)) if path]
    problems = report_problems(targets)
    if problems:
        raise fail(problems[0])
    try:
        order = [e.name for e in load_course().exercises]
    except ManifestError:
        order = []  # the files still say which exercises they hold
    try:
        book = build(results, order)
    except GradebookError as exc:
        shown = exc.problems[:20]
        more = [f"… and {len(exc.problems) - 20} more problems."] if len(exc.problems) > 20 else []
        raise fail("\n".join([*shown, *more, "Nothing was written."]))
    try:
        if csv_path:
            write_file(csv_path, to_csv(book))
        if md_path:
            write_file(md_path, to_markdown(book))
    except OSError as exc:
        raise fail(f"Could not write {exc.filename or csv_path or md_path}: {exc.strerror or exc}.")
    if not csv_path and not md_path:
        sys.stdout.write(to_markdown(book))
    else:
        out.print(Text(f"Gradebook of {len(book.learners)} learners and {len(book.exercises)} exercises written.",
                       style="green"))


@dev.command("check")
def dev_check(timeout: TimeoutOption = 10.0) -> None:
    """Prove the course is sound: solutions pass, stubs are not started, files agree."""
    from checker.devcheck import check_course
    from checker.runner import CheckOptions, Runner

    try:
        course = load_course()
    except ManifestError as exc:
        raise fail(str(exc))
    with out.status("checking every solution and every stub…"):
        with Runner(course, CheckOptions(timeout=timeout), warm=True, on_notice=say_notice) as runner:
            problems, runs = check_course(course, runner)
    if problems:
        for problem in problems:
            out.print(Text(f"✗ {problem.where}: ", style="bold red") + Text(ui.escape_control(problem.what)))
        out.print(Text(f"{len(problems)} problem(s) in {len(course.exercises)} exercises.", style="bold red"))
        raise typer.Exit(1)
    out.print(Text(f"✓ {len(course.exercises)} exercises sound ({runs} checks): solutions pass, stubs are not started.",
                   style="bold green"))
