"""What every ``rlcheck`` command shares: the typer app, the consoles, opening the learner's workspace."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.text import Text


from checker import __version__, ui
from checker.app import App
from checker.catalog import (
    Course, Exercise, ManifestError, NoWorkspace, UnknownExercise,
)
from checker.help import PlainHelpGroup
from checker.blas import ONE_BLAS_THREAD

# Before anything imports numpy (`show` draws with the course's references); a setting of the
# user's own is kept.
for _name, _value in ONE_BLAS_THREAD.items():
    os.environ.setdefault(_name, _value)


cli = typer.Typer(
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
dev = typer.Typer(help="Tools for course authors.", no_args_is_help=True, cls=PlainHelpGroup)
cli.add_typer(dev, name="dev")

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
        app = App.open()
    except (ManifestError, NoWorkspace) as exc:
        raise fail(str(exc))
    if app.store.load_warning:
        err.print(Text(f"warning: {app.store.load_warning}", style="yellow"))
    return app


def say_notice(text: str) -> None:
    """A fallback the runner had to take (no warm checker, no confinement): one line on stderr."""
    err.print(Text(f"note: {text}", style="yellow"))


def warn_if_unsaved(app: App) -> None:
    if app.store.save_warning:
        err.print(Text(f"warning: {app.store.save_warning}", style="yellow"))


def pick(course: Course, name: str) -> Exercise:
    try:
        return course.find(name)
    except UnknownExercise as exc:
        raise fail(str(exc))


def _version(value: bool) -> None:
    if value:
        out.print(f"rlcheck {__version__}")
        raise typer.Exit()


@cli.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Exercises for the math of reinforcement learning, checked on every save."""
