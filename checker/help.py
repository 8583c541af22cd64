"""Plain ``--help`` pages and exercise-name completion, the same under every typer release.

Recent typer releases print type markers (``<bool>``, ``<list[str]>``, ``<float range>
[x>=0.1]``, ``{name}``) beside every option and argument, and no setting turns them off.
This module renders help itself from what every click-style command has (names, help
texts, metavars, defaults), with rich, and installs itself through the group class, so no
command needs to know about it.
"""

from __future__ import annotations

import inspect
import types
from typing import Any, Callable

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

EXERCISE_ARGUMENTS = ("name", "names")  # arguments whose values are exercise names


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _is_flag(param: Any) -> bool:
    return bool(getattr(param, "is_flag", False)) or bool(getattr(param, "secondary_opts", None))


def metavar(param: Any) -> str:
    """The placeholder a reader sees: the command's own, else the parameter's name in capitals."""
    if param.metavar:
        return str(param.metavar)
    name = (param.name or "value").upper()
    if _is_argument(param):
        many = getattr(param, "nargs", 1) != 1
        shown = f"{name}..." if many else name
        return shown if param.required else f"[{shown}]"
    return name


def _option_label(param: Any) -> Text:
    names = sorted(param.opts, key=lambda o: (o.startswith("--"), o))
    label = Text(", ".join(names), style="bold cyan")
    if getattr(param, "secondary_opts", None):
        label.append(" / " + ", ".join(param.secondary_opts), style="bold cyan")
    if not _is_flag(param):
        label.append(f" {metavar(param)}", style="yellow")
    return label


def _default_note(param: Any) -> str:
    default = getattr(param, "default", None)
    if _is_flag(param) or default is None or callable(default) or not getattr(param, "show_default", True):
        return ""
    if isinstance(default, (list, tuple)) and not default:
        return ""
    return f"  [default: {default}]"


def _help_of(param: Any) -> Text:
    text = Text.from_markup(getattr(param, "help", None) or "")
    note = _default_note(param) + ("  [required]" if param.required and not _is_argument(param) else "")
    if note:
        text.append(note, style="dim")
    return text


def _rows(params: list[Any], label: Callable[[Any], Text]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for param in params:
        table.add_row(label(param), _help_of(param))
    return table


def _usage(command: Any, ctx: Any) -> Text:
    pieces = [metavar(p) for p in command.get_params(ctx) if _is_argument(p)]
    if hasattr(command, "list_commands"):
        pieces.append("COMMAND [ARGS]...")
    usage = Text("Usage: ", style="bold")
    usage.append(" ".join([ctx.command_path, "[OPTIONS]", *pieces]))
    return usage


def _description(command: Any) -> Text:
    return Text.from_markup(inspect.cleandoc(command.help or ""))


def _commands_table(group: Any, ctx: Any) -> Table | None:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold cyan")
    table.add_column(ratio=1)
    for name in group.list_commands(ctx):
        sub = group.get_command(ctx, name)
        if sub is None or getattr(sub, "hidden", False):
            continue
        first = inspect.cleandoc(sub.short_help or sub.help or "").split("\n\n")[0].replace("\n", " ")
        table.add_row(name, Text.from_markup(first))
    return table if table.row_count else None


def render_help(command: Any, ctx: Any) -> Group:
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if _is_argument(p)]
    options = [p for p in params if not _is_argument(p)]
    parts: list[Any] = [_usage(command, ctx), Text(""), Padding(_description(command), (0, 0, 0, 1)), Text("")]
    if arguments:
        parts.append(Panel(_rows(arguments, lambda p: Text(metavar(p), style="bold cyan")),
                           title="Arguments", title_align="left", border_style="dim"))
    if options:
        parts.append(Panel(_rows(options, _option_label), title="Options", title_align="left", border_style="dim"))
    commands = _commands_table(command, ctx) if hasattr(command, "list_commands") else None
    if commands is not None:
        parts.append(Panel(commands, title="Commands", title_align="left", border_style="dim"))
    return Group(*parts)


def _format_help(self: Any, ctx: Any, formatter: Any) -> None:
    # typer's own rich help prints straight to the terminal too; the formatter stays empty.
    Console(highlight=False).print(render_help(self, ctx))


def _complete_exercise(ctx: Any, param: Any, incomplete: str) -> list[str]:
    from checker.catalog import ManifestError, load_course

    try:
        names = [e.name for e in load_course().exercises]
    except ManifestError:
        return []
    return [n for n in names if n.startswith(incomplete)]


def complete_exercise(incomplete: str) -> list[str]:
    """Exercise names for shell completion (typer's ``autocompletion``)."""
    return _complete_exercise(None, None, incomplete)


def adopt(command: Any) -> Any:
    """Give a command plain help, capitalised metavars and exercise-name completion."""
    command.format_help = types.MethodType(_format_help, command)
    command.get_usage = types.MethodType(lambda self, ctx: _usage(self, ctx).plain, command)  # error messages
    for param in getattr(command, "params", []):
        if _is_argument(param) and not param.metavar:
            param.metavar = metavar(param)  # also what error messages name: 'NAME', not '{name}'
        if _is_argument(param) and param.name in EXERCISE_ARGUMENTS and not getattr(param, "_custom_shell_complete", None):
            # click and typer both consult this attribute before the type's own completion.
            param._custom_shell_complete = _complete_exercise
    return command


class PlainHelpGroup(TyperGroup):
    """The app's group: every command it hands out gets plain help and name completion."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        return adopt(command) if command is not None else None

    def format_help(self, ctx: Any, formatter: Any) -> None:
        adopt(self)
        _format_help(self, ctx, formatter)

