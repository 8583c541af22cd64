"""The ``rlcheck`` command line: thin, one function per command."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, List, Optional

import typer
from rich.syntax import Syntax
from rich.text import Text


from checker import __version__, ui
from checker.app import App
from checker.catalog import (
    Course, Exercise, ManifestError, NoWorkspace, UnknownExercise, Workspace, find_workspace, load_course,
    workspace_for_dir,
)
from checker.help import PlainHelpGroup, complete_exercise
from checker.result import Result, Status
from checker.report import Entry, append_step_summary, github_annotations, junit_xml, write_file, write_json

from checker.runner import CheckOptions, Runner
from checker.stubs import StubUnavailable, original_stub, reference_solution
from checker.verdict_view import render_verdict

app = typer.Typer(
    name="rlcheck",
    help="Exercises for the math of reinforcement learning, checked on every save.\n\n"
    "Start with [bold]rlcheck watch[/bold] in a terminal beside your editor.",
    rich_markup_mode="rich",
    no_args_is_help=True,
    # Plain help pages whatever typer release is installed, and exercise names complete in the shell.
    cls=PlainHelpGroup,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
dev_app = typer.Typer(help="Tools for course authors.", no_args_is_help=True, cls=PlainHelpGroup)
app.add_typer(dev_app, name="dev")

out = ui.make_console()
err = ui.make_console(stderr=True)

TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", min=0.1, metavar="SECONDS", help="Seconds a check may run before it is stopped (at least 0.1)."),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(Text(message, style="bold red"))
    return typer.Exit(code)


def open_app() -> App:
    try:
        app_state = App.open()
    except (ManifestError, NoWorkspace) as exc:
        raise fail(str(exc))
    if app_state.store.load_warning:
        err.print(Text(f"warning: {app_state.store.load_warning}", style="yellow"))
    return app_state


def say_notice(text: str) -> None:
    """A fallback the runner had to take (no warm checker, no confinement): one line on stderr."""
    err.print(Text(f"note: {text}", style="yellow"))


def warn_if_unsaved(state: App) -> None:
    if state.store.save_warning:
        err.print(Text(f"warning: {state.store.save_warning}", style="yellow"))


def pick(course: Course, name: str) -> Exercise:
    try:
        return course.find(name)
    except UnknownExercise as exc:
        raise fail(str(exc))


def _version(value: bool) -> None:
    if value:
        out.print(f"rlcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Exercises for the math of reinforcement learning, checked on every save."""


@app.command("list")
def list_exercises(
    pending: Annotated[bool, typer.Option("--pending", help="Only exercises not passed yet.")] = False,
    topic: Annotated[Optional[str], typer.Option("--topic", help="Only this topic (e.g. bellman, ppo).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Every exercise with its topic and status."""
    state = open_app()
    course = state.course
    wanted = topic.casefold() if topic else None
    if wanted and wanted not in {t.casefold() for t in course.topics}:
        raise fail(f"There is no topic '{topic}'. Topics: {', '.join(course.topics)}.")
    current = state.current()
    rows = []
    for number, exercise in enumerate(course.exercises, start=1):
        done = state.is_done(exercise)
        if (pending and done) or (wanted and exercise.topic.casefold() != wanted):
            continue
        rows.append((number, exercise, done, exercise == current))
    if as_json:
        data = [
            {"number": n, "name": e.name, "topic": e.topic, "kind": e.kind, "path": f"exercises/{e.path}",
             "status": "passed" if done else "pending", "current": cur}
            for n, e, done, cur in rows
        ]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    passed, pending = ui.status_badge(Status.PASSED), ui.pending_badge()
    entries = [ui.ListEntry(n, e, passed if d else pending, c) for n, e, d, c in rows]
    for row in ui.exercise_rows(entries, out.size.width):
        out.print(row, crop=True, no_wrap=True, overflow="crop")
    out.print(Text(f"{state.done_count()}/{len(course.exercises)} done", style="bold"))


@app.command()
def run(
    name: Annotated[Optional[str], typer.Argument(help="Exercise to check (default: the current one).")] = None,
    timeout: TimeoutOption = 10.0,
) -> None:
    """Check one exercise and print the verdict. Exit 0 if it passes, 1 if not."""
    state = open_app()
    exercise = pick(state.course, name) if name else state.current()
    file = state.file(exercise)
    index = state.course.index(exercise)
    with out.status(f"checking {exercise.name}…"):
        with Runner(state.course, CheckOptions(timeout=timeout), on_notice=say_notice) as runner:
            result = state.unreadable_result(exercise) or runner.check(exercise, file)
    state.record(result, exercise)
    for row in ui.exercise_header(exercise, file, index, len(state.course.exercises), state.done_count(),
                                  out.size.width, passed=result.passed):
        out.print(row)
    # On a terminal the verdict fits its height, summary first; in a pipe or a log, all of it.
    height = max(out.size.height - 5, 8) if out.is_terminal else None
    for row in render_verdict(result, out.size.width, height, out):
        out.print(row, crop=True, no_wrap=True, overflow="crop")
    if result.passed:
        revealed = state.reveal_solution(exercise)
        if revealed is not None:
            out.print(Text(f"The reference solution is now in {ui.display_path(revealed)}.", style="green"))
        if reference_solution(state.course, exercise) is not None:
            out.print(Text(f"Compare with the reference: rlcheck solution {exercise.name}", style="green"))
        following = state.next_pending(exercise)
        if following is not None and state.progress.current in (None, exercise.name):
            state.set_current(following)
            out.print(Text(f"Next: {following.name} ({ui.display_path(state.file(following))})", style="bold"))
    warn_if_unsaved(state)
    raise typer.Exit(0 if result.passed else 1)


@app.command()
def hint(name: Annotated[Optional[str], typer.Argument(help="Exercise (default: the current one).")] = None) -> None:
    """Show the next hint: a nudge first, the method last."""
    state = open_app()
    exercise = pick(state.course, name) if name else state.current()
    index = state.next_hint(exercise)
    out.print(Text(exercise.name, style="bold cyan"))
    out.print(ui.hint_panel(exercise, index))
    warn_if_unsaved(state)  # without saving, every call shows the same hint


@app.command()
def reset(
    name: Annotated[Optional[str], typer.Argument(help="Exercise to restore.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Restore every exercise.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Restore the untouched stub of an exercise (your version is overwritten)."""
    state = open_app()
    if bool(name) == all_:
        raise fail("Name one exercise, or use --all.")
    targets = list(state.course.exercises) if all_ else [pick(state.course, name or "")]
    what = "every exercise" if all_ else targets[0].path
    if not yes and not confirm(f"Restore {what} to its original? Your changes will be lost."):
        raise typer.Exit(1)
    for exercise in targets:
        try:
            content = original_stub(state.course, state.workspace, exercise)
        except StubUnavailable as exc:
            raise fail(str(exc), 1)
        file = state.file(exercise)
        file.parent.mkdir(parents=True, exist_ok=True)
        write_file(file, content)
    state.forget(*targets)
    warn_if_unsaved(state)
    out.print(Text(f"Restored {what}.", style="green"))


def confirm(question: str) -> bool:
    """Ask on a terminal; otherwise take one line from stdin (`echo y | rlcheck reset X`)."""
    if sys.stdin is not None and sys.stdin.isatty():
        return typer.confirm(question, default=False)
    answer = sys.stdin.readline(16) if sys.stdin is not None else ""
    if not answer.strip():
        raise fail("Refusing to overwrite without confirmation: pass --yes (or pipe in y).")
    if answer.strip().lower() in ("y", "yes"):
        return True
    err.print(Text("Nothing was restored.", style="yellow"))
    return False


@app.command()
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
    from checker.verify_view import failure_blocks, isolation_line, verdict_line

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
    out.print(ui.results_table(results, {e.name: e.topic for e in exercises},
                               {e.name: course.index(e) + 1 for e in exercises}))
    for part in (failure_blocks(entries), isolation_line(entries), verdict_line(entries, started_only)):
        if part is not None:
            out.print(part)
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
    try:
        if junit:
            write_file(junit, junit_xml(entries, started_only=started_only))
        if json_path:
            write_json(json_path, entries)
    except OSError as exc:
        raise fail(f"Could not write a report to {exc.filename or junit or json_path}: {exc.strerror or exc}.")


def _github(entries: list[Entry]) -> None:
    for line in github_annotations(entries):
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    warning = append_step_summary(entries)
    if warning:
        err.print(Text(f"warning: {warning}", style="yellow"))


@app.command()
def solution(
    name: Annotated[Optional[str], typer.Argument(help="Exercise (default: the current one).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Show it even before you pass.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show it as a diff against your file.")] = False,
) -> None:
    """Show the reference solution, once you have passed the exercise."""
    state = open_app()
    exercise = pick(state.course, name) if name else state.current()
    if not force and not state.is_done(exercise):
        raise fail(f"Pass {exercise.name} first (`rlcheck run {exercise.name}`), or use --force to peek."
                   + _last_passed_hint(state, exercise, name), 1)
    path = reference_solution(state.course, exercise)
    if path is None:
        raise fail("The reference solutions are not installed with this package.", 1)
    if diff:
        lines = state.solution_diff(exercise) or ["Your file is the reference solution, byte for byte."]
        styles = {"+": "green", "-": "red", "@": "cyan"}
        for line in lines:
            out.print(Text(line, style=styles.get(line[:1], "")), soft_wrap=True)
        return
    out.print(Text(f"Reference solution for {exercise.name}", style="bold"))
    source = path.read_text(encoding="utf-8")
    if not out.is_terminal:
        sys.stdout.write(source)  # as it is, for copying and piping
        return
    # Lines as they are, never padded to the terminal's width: what is copied is the code.
    code = Syntax(source, "python", background_color="default").highlight(source)
    code.rstrip()
    number_width = len(str(len(code.plain.split("\n"))))
    for number, line in enumerate(code.split("\n", allow_blank=True), start=1):
        row = Text()
        row.append(f"{number:>{number_width}}", style="dim")
        if line.plain:
            row.append(" ")
            row.append_text(line)
        out.print(row, soft_wrap=True)


@app.command()
def show(
    name: Annotated[Optional[str], typer.Argument(help="Exercise (default: the current one).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Also draw a picture that shows the answer before you pass.")]
    = False,
    timeout: TimeoutOption = 10.0,
) -> None:
    """Draw the exercise's pictures: the reference's, and yours beside it when your file runs.

    Yours is the picture of your first failing check that has one: what it expected beside
    what your code gave. Your file is checked for it (nothing is recorded). A picture that
    shows an answer exercise's answer is drawn only once you have passed the exercise, like
    `rlcheck solution` (--force to peek). Exit 0 when a picture is drawn, 1 when there is
    none to draw (or not yet), 2 for an unknown name.
    """
    from checker.verdict_view import allows_color, failing_tests, picture_withheld

    state = open_app()
    exercise = pick(state.course, name) if name else state.current()
    provider = _course_pictures(state.course)
    reference = _ask_course(provider, "reference_picture", exercise.name)
    spoils = bool(_ask_course(provider, "reference_spoils", exercise.name))
    with out.status(f"checking {exercise.name}…"):
        with Runner(state.course, CheckOptions(timeout=timeout), on_notice=say_notice) as runner:
            result = state.unreadable_result(exercise) or runner.check(exercise, state.file(exercise))
    may_reveal = force or result.passed or state.is_done(exercise)
    yours = next((t for t in failing_tests(result) if t.picture is not None), None)
    blocks: list[tuple[Text, dict]] = []
    withheld = False
    if reference is not None:
        if spoils and not may_reveal:
            withheld = True
        else:
            blocks.append((Text("Reference (the exercise's example)", style="bold"), reference))
    if yours is not None and yours.picture is not None:
        if picture_withheld(yours.picture) and not may_reveal:
            withheld = True
        else:
            title = Text("Yours: ", style="bold")
            title.append("✗ ", style="red")
            title.append(ui.escape_control(yours.name), style="bold")
            blocks.append((title, yours.picture))
    if blocks or withheld:
        out.print(Text(f"{exercise.name}: {_your_file_says(result, yours is not None)}"))
    drawn = _draw_pictures(blocks, allows_color(out)) if blocks else False
    if withheld:
        message = (f"{'The reference picture' if drawn else 'The picture'} of {exercise.name} shows its answer: "
                   f"pass it first (`rlcheck run {exercise.name}`), or use --force to peek.")
        if not drawn:
            raise fail(message, 1)
        out.print(Text(message, style="yellow"))
    elif not drawn:
        raise fail(f"{exercise.name} has no picture to draw." if not blocks else
                   "The pictures need a larger terminal (at least 24 columns).", 1)


def _course_pictures(course: Course) -> object | None:
    """The course's picture provider: the module ``pictures`` beside its manifest, if any.

    A course draws pictures for ``rlcheck show`` by offering there ``reference_picture(name)``
    (a picture spec, or None) and ``reference_spoils(name)`` (True when that picture shows the
    answer). Pictures of failing checks come with the checks themselves.
    """
    import importlib

    folder = course.curriculum_dir
    if not (folder / "pictures.py").is_file():
        return None
    parts = ["pictures"]
    while (folder / "__init__.py").is_file():  # the module's dotted name, from the package folders
        parts.insert(0, folder.name)
        folder = folder.parent
    if len(parts) == 1:
        return None
    try:
        return importlib.import_module(".".join(parts))
    except Exception as exc:  # noqa: BLE001 - a broken provider costs the pictures, not the command
        err.print(Text(f"warning: the course's pictures could not be loaded: {exc}", style="yellow"))
        return None


def _ask_course(provider: object | None, function: str, exercise: str) -> object | None:
    try:
        return getattr(provider, function)(exercise) if provider is not None else None
    except Exception:  # noqa: BLE001 - no picture rather than no command
        return None


def _your_file_says(result: Result, pictured: bool) -> str:
    if result.passed:
        return "your file passes every check."
    if result.status is Status.NOT_STARTED:
        return "your file is not started yet, so there is no picture of yours."
    if result.status is not Status.FAILED:
        return f"your file does not run ({result.status.label}): {ui.escape_control(result.summary)}"
    return ui.escape_control(result.summary) + ("" if pictured else " None of the failing checks has a picture.")


def _draw_pictures(blocks: list[tuple[Text, dict]], color: bool) -> bool:
    """Each picture under its title: side by side when the terminal is wide enough for two
    pictures of SIDE_BY_SIDE columns, else one after the other at full width."""
    from checker.verdict_view import picture_lines

    width = out.size.width
    height = max(out.size.height - 4, 12) if out.is_terminal else 30
    gap = 3

    def drawn_at(room: int) -> list[list[Text]]:
        found = []
        for title, spec in blocks:
            rows = picture_lines(spec, room, height, color)
            if rows is not None:
                heading = title.copy()
                heading.truncate(room, overflow="ellipsis")
                found.append([heading, *rows])
        return found

    half = (width - gap) // 2
    pictures = drawn_at(half) if len(blocks) > 1 and half >= SIDE_BY_SIDE else []
    if len(pictures) == len(blocks) > 1:
        tallest = max(map(len, pictures))
        columns = [rows + [Text("")] * (tallest - len(rows)) for rows in pictures]
        lines = []
        for left, right in zip(*columns):
            line = left.copy()
            line.append(" " * (half - left.cell_len + gap))
            line.append_text(right)
            line.rstrip()
            lines.append(line)
        pictures = [lines]
    else:
        pictures = drawn_at(width)
    for i, rows in enumerate(pictures):
        if i:
            out.print()
        for row in rows:
            out.print(row, crop=True, no_wrap=True, overflow="crop")
    return bool(pictures)


SIDE_BY_SIDE = 60  # the narrowest a picture gets beside another in `rlcheck show`


def _last_passed_hint(state: App, exercise: Exercise, name: str | None) -> str:
    """Without a name, point at the exercise passed just before the current one, if any."""
    if name:
        return ""
    index = state.course.index(exercise)
    for earlier in reversed(state.course.exercises[:index]):
        if state.is_done(earlier):
            return f"\nThe last one you passed before it: rlcheck solution {earlier.name}"
    return ""


@app.command()
def watch(
    poll: Annotated[bool, typer.Option("--poll", help="Poll for changes (network drives, WSL /mnt, containers).")] = False,
    manual: Annotated[bool, typer.Option("--manual", help="Check only when you press r.")] = False,
    timeout: TimeoutOption = 10.0,
) -> None:
    """Check the current exercise on every save and move on when it passes.

    Keys: [bold]n[/bold]/[bold]p[/bold] next/previous exercise (passed or not), [bold]h[/bold] hint,
    [bold]l[/bold] list, [bold]r[/bold] re-run, [bold]c[/bold] check all, [bold]j[/bold]/[bold]k[/bold]
    the other failing checks, [bold]o[/bold] full output, [bold]d[/bold] diff against the reference
    (once passed), [bold]q[/bold] quit.
    """
    from checker.watch import run_watch

    state = open_app()
    raise typer.Exit(run_watch(state, CheckOptions(timeout=timeout), poll=poll, manual=manual))


@app.command()
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


@app.command()
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
    from checker.report import report_problems

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


@dev_app.command("check")
def dev_check(timeout: TimeoutOption = 10.0) -> None:
    """Prove the course is sound: solutions pass, stubs are not started, files agree."""
    from checker.devcheck import check_course

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
