"""``rlcheck show``: an exercise's pictures, the reference's and the learner's."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.text import Text

from checker import ui
from checker.catalog import (
    Course,
)
from checker.cli_base import (
    TimeoutOption, cli, err, fail, open_app, out, pick, say_notice,
)
from checker.result import Result, Status

SIDE_BY_SIDE = 60  # the narrowest a picture gets beside another in `rlcheck show`


@cli.command()
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
    from checker.runner import CheckOptions, Runner
    from checker.verdict_view import allows_color, failing_tests, picture_withheld

    app = open_app()
    exercise = pick(app.course, name) if name else app.current()
    provider = _course_pictures(app.course)
    reference = _ask_course(provider, "reference_picture", exercise.name)
    spoils = bool(_ask_course(provider, "reference_spoils", exercise.name))
    with out.status(f"checking {exercise.name}…"):
        with Runner(app.course, CheckOptions(timeout=timeout), on_notice=say_notice) as runner:
            result = runner.check(exercise, app.file(exercise))
    may_reveal = force or result.passed or app.is_done(exercise)
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
