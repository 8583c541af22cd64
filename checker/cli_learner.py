"""The learner's commands: list, run, hint, reset, solution, watch."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer
from rich.text import Text

from checker import ui
from checker.app import App
from checker.catalog import (
    Exercise,
)
from checker.cli_base import (
    TimeoutOption, cli, err, fail, open_app, out, pick, say_notice, warn_if_unsaved,
)
from checker.result import Status
from checker.stubs import StubUnavailable, original_stub, reference_solution


@cli.command("list")
def list_exercises(
    pending: Annotated[bool, typer.Option("--pending", help="Only exercises not passed yet.")] = False,
    topic: Annotated[Optional[str], typer.Option("--topic", help="Only this topic (e.g. bellman, ppo).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Every exercise with its topic and status."""
    app = open_app()
    course = app.course
    wanted = topic.casefold() if topic else None
    if wanted and wanted not in {t.casefold() for t in course.topics}:
        raise fail(f"There is no topic '{topic}'. Topics: {', '.join(course.topics)}.")
    current = app.current()
    rows = []
    for number, exercise in enumerate(course.exercises, start=1):
        done = app.is_done(exercise)
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
    out.print(Text(f"{app.done_count()}/{len(course.exercises)} done", style="bold"))


@cli.command()
def run(
    name: Annotated[Optional[str], typer.Argument(help="Exercise to check (default: the current one).")] = None,
    timeout: TimeoutOption = 10.0,
) -> None:
    """Check one exercise and print the verdict. Exit 0 if it passes, 1 if not."""
    # What checks and what shows a verdict load here, not at start: every other command is quicker.
    from checker.runner import CheckOptions, Runner
    from checker.verdict_view import render_verdict

    app = open_app()
    exercise = pick(app.course, name) if name else app.current()
    file = app.file(exercise)
    index = app.course.index(exercise)
    with out.status(f"checking {exercise.name}…"):
        with Runner(app.course, CheckOptions(timeout=timeout), on_notice=say_notice) as runner:
            result = runner.check(exercise, file)
    app.record(result, exercise)
    for row in ui.exercise_header(exercise, file, index, len(app.course.exercises), app.done_count(),
                                  out.size.width, passed=result.passed):
        out.print(row)
    # On a terminal the verdict fits its height, summary first; in a pipe or a log, all of it.
    height = max(out.size.height - 5, 8) if out.is_terminal else None
    for row in render_verdict(result, out.size.width, height, out):
        out.print(row, crop=True, no_wrap=True, overflow="crop")
    if result.passed:
        revealed = app.reveal_solution(exercise)
        if revealed is not None:
            out.print(Text(f"The reference solution is now in {ui.display_path(revealed)}.", style="green"))
        if reference_solution(app.course, exercise) is not None:
            out.print(Text(f"Compare with the reference: rlcheck solution {exercise.name}", style="green"))
        following = app.next_pending(exercise)
        if following is not None and app.progress.current in (None, exercise.name):
            app.set_current(following)
            out.print(Text(f"Next: {following.name} ({ui.display_path(app.file(following))})", style="bold"))
    warn_if_unsaved(app)
    raise typer.Exit(0 if result.passed else 1)


@cli.command()
def hint(name: Annotated[Optional[str], typer.Argument(help="Exercise (default: the current one).")] = None) -> None:
    """Show the next hint: a nudge first, the method last."""
    app = open_app()
    exercise = pick(app.course, name) if name else app.current()
    index = app.next_hint(exercise)
    out.print(Text(exercise.name, style="bold cyan"))
    out.print(ui.hint_panel(exercise, index))
    warn_if_unsaved(app)  # without saving, every call shows the same hint


@cli.command()
def reset(
    name: Annotated[Optional[str], typer.Argument(help="Exercise to restore.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Restore every exercise.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Restore the untouched stub of an exercise (your version is overwritten)."""
    from checker.report import write_file

    app = open_app()
    if bool(name) == all_:
        raise fail("Name one exercise, or use --all.")
    targets = list(app.course.exercises) if all_ else [pick(app.course, name or "")]
    what = "every exercise" if all_ else targets[0].path
    if not yes and not confirm(f"Restore {what} to its original? Your changes will be lost."):
        raise typer.Exit(1)
    for exercise in targets:
        try:
            content = original_stub(app.course, app.workspace, exercise)
        except StubUnavailable as exc:
            raise fail(str(exc), 1)
        file = app.file(exercise)
        file.parent.mkdir(parents=True, exist_ok=True)
        write_file(file, content)
    app.forget(*targets)
    warn_if_unsaved(app)
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


@cli.command()
def solution(
    name: Annotated[Optional[str], typer.Argument(help="Exercise (default: the current one).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Show it even before you pass.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show it as a diff against your file.")] = False,
) -> None:
    """Show the reference solution, once you have passed the exercise."""
    app = open_app()
    exercise = pick(app.course, name) if name else app.current()
    if not force and not app.is_done(exercise):
        raise fail(f"Pass {exercise.name} first (`rlcheck run {exercise.name}`), or use --force to peek."
                   + _last_passed_hint(app, exercise, name), 1)
    path = reference_solution(app.course, exercise)
    if path is None:
        raise fail("The reference solutions are not installed with this package.", 1)
    if diff:
        lines = app.solution_diff(exercise) or ["Your file is the reference solution, byte for byte."]
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
    from rich.syntax import Syntax

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


def _last_passed_hint(app: App, exercise: Exercise, name: str | None) -> str:
    """Without a name, point at the exercise passed just before the current one, if any."""
    if name:
        return ""
    index = app.course.index(exercise)
    for earlier in reversed(app.course.exercises[:index]):
        if app.is_done(earlier):
            return f"\nThe last one you passed before it: rlcheck solution {earlier.name}"
    return ""


@cli.command()
def watch(
    poll: Annotated[bool, typer.Option("--poll", help="Poll for changes (network drives, WSL /mnt, containers).")] = False,
    manual: Annotated[bool, typer.Option("--manual", help="Check only when you press r.")] = False,
    timeout: TimeoutOption = 10.0,
) -> None:
    """Check the current exercise on every save and move on when it passes.

    Keys: [bold]n[/bold]/[bold]p[/bold] next/previous exercise (passed or not), [bold]h[/bold] hint,
    [bold]l[/bold] list, [bold]r[/bold] re-run, [bold]c[/bold] check all, [bold]j[/bold]/[bold]k[/bold]
    the other failing checks, [bold]o[/bold] full output, [bold]v[/bold] the failing check's picture,
    [bold]d[/bold] diff against the reference (once passed), [bold]q[/bold] quit.
    """
    from checker.protocol import CheckOptions
    from checker.watch import run_watch

    app = open_app()
    raise typer.Exit(run_watch(app, CheckOptions(timeout=timeout), poll=poll, manual=manual))
