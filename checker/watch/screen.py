"""The screen: a Model in, the rows to draw out, always within the terminal's size.

Pinned on top: a pass banner (when one just happened), the header (exercise, topic and kind,
k/N, "passed ✓", the file as a clickable link, progress) and the verdict's summary. At the
bottom: notes, warnings and the keys. The body in between belongs to the view: the compact
failure view, the list, check-all's grid, a scrolled text (one check in full, the diff
against the reference), or the failing check's picture at full size. Everything is a plain function of the model and a few facts about
the course; drawing is the loop's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from rich.console import Console
from rich.text import Text

from checker import ui
from checker.ui import escape_control
from checker.catalog import Course
from checker.verdict_view import (
    Section, ViewOptions, allows_color, body_sections, detail_lines, failing_tests, fit, one_row, picture_lines,
    picture_withheld, summary_rows, wrap,
)
from checker.watch.machine import (
    Banner, CheckingAll, CheckingOne, Detail, Diff, Grid, Model, Picker, Picture, Verdict, frames, pictured_test,
)
from checker.watch.picker import grid_rows, picker_rows

MIN_BODY = 3  # rows below which the header gives up its less useful rows


@dataclass(frozen=True)
class Context:
    """Facts the screen needs beyond the model: the course and where its files are."""

    course: Course
    paths: Mapping[str, Path]  # exercise name -> the learner's file
    references: frozenset[str]  # exercises whose reference solution is installed
    warnings: tuple[str, ...] = ()
    keys: bool = True  # keys work (stdin is a terminal)


# ------------------------------------------------------------------ pinned rows


def banner_rows(banner: Banner | None, model: Model, ctx: Context, width: int, console: Console) -> list[Text]:
    if banner is None:
        return []
    line = Text(f"✓ {banner.passed} passed!", style="bold green")
    if banner.passed in ctx.references and ctx.keys:
        line.append("  d: compare with the reference", style="green")
    rows = wrap(line, width, console)
    if banner.all_done:
        rows += wrap(Text(ctx.course.policy.final_message(len(model.names)), style="bold green"), width, console)
    elif banner.following is not None:
        rows += wrap(Text(f"Next up: {banner.following}", style="bold"), width, console)
    return rows


def header_rows(model: Model, ctx: Context, width: int, console: Console) -> list[Text]:
    exercise = ctx.course.by_name[model.current]
    done = len(model.done & set(model.names))
    title, where, bar = ui.exercise_header(exercise, ctx.paths[model.current], model.index, len(model.names), done,
                                           width, passed=model.current in model.done)
    return [*wrap(title, width, console), *wrap(where, width, console), bar]


def summary(model: Model, width: int, console: Console) -> list[Text]:
    match model.checking:
        case CheckingAll(done=done, total=total):
            return [Text(f"… checking all {total} exercises ({done} done)", style="bold blue")]
        case CheckingOne(slow=True):
            return [Text("… checking", style="bold blue")]
    if model.result is not None:
        return summary_rows(model.result, width, console)
    if model.manual:
        return [Text("Press r to check.", style="dim")]
    return []


# ------------------------------------------------------------------ the bottom


KEYS_VERDICT = ("n/p next/previous", "h hint", "l list", "r re-run", "c check all", "q quit")


def key_items(model: Model, ctx: Context) -> list[str]:
    match model.view:
        case Verdict():
            extra = []
            if model.result is not None and len(failing_tests(model.result)) > 1:
                extra.append("j/k other checks")
            if model.result is not None and (failing_tests(model.result) or model.result.output.strip()
                                             or model.result.detail.strip()):
                extra.append("o full output")
            if pictured_test(model) is not None:
                extra.append("v picture")
            if model.banner is not None or model.current in model.done:
                extra.append("d diff")
            return [*extra, *KEYS_VERDICT]
        case Picker():
            return ["↑↓ j/k move", "PgUp/PgDn page", "Enter go", "or type its number", "Esc back"]
        case Grid():
            return ["any key: back to the exercise", "q quit"]
        case Detail() | Diff():
            return ["↑↓ j/k scroll", "space/b page", "Esc back"]
        case Picture(revealed=revealed):
            test = pictured_test(model)
            if test is None:
                return ["any key: back"]
            if picture_withheld(test.picture) and not revealed:
                return ["v show it", "any other key: back"]
            paging = ["←/→ one frame at a time", "Home/End first/last"] if frames(test.picture)[0] > 1 else []
            return [*paging, "Esc or v back", "q quit"]
        case _:
            raise TypeError(f"no keys for view {model.view!r}")


def join_items(items: list[str], width: int) -> list[Text]:
    """Items separated by ' · ', wrapped between items, never inside one."""
    rows: list[str] = []
    for item in items:
        if rows and len(rows[-1]) + 3 + len(item) <= width:
            rows[-1] += " · " + item
        else:
            rows.append(item)
    return [one_row(Text(row, style="dim"), width) for row in rows]


def footer_rows(model: Model, ctx: Context, width: int, console: Console) -> list[Text]:
    rows: list[Text] = []
    if model.flash:
        rows += wrap(Text(model.flash, style="yellow"), width, console)
    if model.welcome:
        rows += wrap(Text(model.welcome, style="cyan"), width, console)
    for note in (*model.notes, *ctx.warnings):
        rows += wrap(Text(note, style="yellow"), width, console)
    if ctx.keys:
        rows += join_items(key_items(model, ctx), width)
    else:
        rows += wrap(Text("Keys are off (stdin is not a terminal). Ctrl-C quits.", style="dim"), width, console)
    return rows


# ------------------------------------------------------------------ the body


def hint_section(model: Model, ctx: Context, width: int, console: Console) -> Section | None:
    if model.hint is None:
        return None
    hints = ctx.course.by_name[model.current].hints
    if not 0 <= model.hint < len(hints):
        return Section(wrap(Text("This exercise has no hints.", style="cyan"), width, console), floor=1,
                       label="hint", width=width)
    last = model.hint == len(hints) - 1
    title = f"hint {model.hint + 1} of {len(hints)}" + (" (the method)" if last else "")
    rows = wrap(Text(hints[model.hint], style="cyan"), width, console)
    return Section(rows, floor=min(len(rows) + 1, 4), label=title, width=width)


def verdict_body(model: Model, ctx: Context, width: int, height: int, console: Console) -> list[Text]:
    """The verdict's sections, then the hint if one was asked for (it is the first to get room)."""
    sections: list[Section] = []
    slow = isinstance(model.checking, CheckingOne) and model.checking.slow
    hint = hint_section(model, ctx, width, console)
    if model.result is not None and not slow and not isinstance(model.checking, CheckingAll):
        budget = height - (min(hint.want, height) if hint is not None else 0)
        sections += body_sections(model.result, model.selected, ViewOptions(width, ctx.keys), console, budget)
    if hint is None:
        return fit(sections, height)
    return fit([*sections, hint], height, priority=[*range(1, len(sections) + 1), 0])


def scrolled_body(lines: list[Text], scroll: int, title: Text, width: int, height: int, console: Console) -> list[Text]:
    """``lines`` from line ``scroll`` on, wrapped, under a title that says where this is."""
    rows: list[Text] = []
    last = scroll
    for i in range(scroll, len(lines)):
        wrapped = wrap(lines[i], width, console)
        if len(rows) + len(wrapped) > height - 1 and rows:
            break
        rows += wrapped
        last = i
    where = Text(f"  lines {scroll + 1}–{last + 1} of {len(lines)}", style="dim")
    return [one_row(title + where, width), *rows[: height - 1]]


def picture_body(model: Model, view: Picture, width: int, height: int, console: Console) -> list[Text]:
    """The failing check's picture at full size, under a title naming the check."""
    test = pictured_test(model)
    if test is None or test.picture is None:
        return [Text("This check has no picture any more: its verdict changed.", style="dim")]
    title = Text("Picture: ", style="bold")
    title.append(escape_control(test.name), style="bold")
    if picture_withheld(test.picture) and not view.revealed:
        text = Text("This picture shows the answer: the values this check expects, beside yours. "
                    "Press v to see it; any other key goes back.")
        return [one_row(title, width), Text(""), *wrap(text, width, console)]
    count = frames(test.picture)[0]
    frame = None if view.frame is None else max(0, min(view.frame, count - 1))
    if frame is not None:
        title.append(f"  frame {frame + 1} of {count}", style="dim")
    rows = picture_lines(test.picture, width, height - 1, allows_color(console), frame=frame)
    if rows is None:
        rows = wrap(Text(f"The picture cannot be drawn in {width}x{height}: make the terminal larger, or run "
                         f"`rlcheck show {model.current}`.", style="yellow"), width, console)
    return [one_row(title, width), *rows]


def diff_text(lines: tuple[str, ...]) -> list[Text]:
    styles = {"+": "green", "-": "red", "@": "cyan"}
    return [Text(line, style=styles.get(line[:1], "")) for line in lines]


def body(model: Model, ctx: Context, width: int, height: int, console: Console) -> list[Text]:
    match model.view:
        case Verdict():
            return verdict_body(model, ctx, width, height, console)
        case Picker(selected=selected, typed=typed, error=error):
            prompt = Text(f"Go to: {typed}▏", style="bold")
            tail = [prompt] + ([Text(error, style="bold red")] if error else [])
            rows = picker_rows(ctx.course.exercises, model.current, selected, model.done, model.verdicts,
                               width, max(height - len(tail), 2))
            return rows + [one_row(t, width) for t in tail]
        case Grid(results=results):
            return grid_rows(results, width, height)
        case Detail(scroll=scroll):
            lines = detail_lines(model.result, model.selected) if model.result is not None else [Text("")]
            return scrolled_body(lines, scroll, Text("Full output", style="bold"), width, height, console)
        case Picture() as view:
            return picture_body(model, view, width, height, console)
        case Diff(exercise=exercise, lines=lines, scroll=scroll):
            if not lines:
                return [Text(f"Your {exercise} is the reference solution, byte for byte.", style="green")]
            title = Text(f"{exercise}: your file (-) against the reference (+)", style="bold")
            return scrolled_body(diff_text(lines), scroll, title, width, height, console)
        case _:
            raise TypeError(f"no body for view {model.view!r}")


# ------------------------------------------------------------------ the whole screen


def render(model: Model, ctx: Context, console: Console) -> list[Text]:
    """Every row of the screen, at most the terminal's height less one (no scrolling on the last newline)."""
    width, height = max(model.size.columns, 20), max(model.size.rows - 1, 4)
    banner = banner_rows(model.banner, model, ctx, width, console)
    top = banner + header_rows(model, ctx, width, console)
    pinned = summary(model, width, console) if isinstance(model.view, (Verdict, Grid)) else []
    bottom = footer_rows(model, ctx, width, console)
    # Small terminals: the progress bar, the path, then the banner's later rows give way to the body.
    for drop in [len(top) - 1, len(top) - 2, *range(len(banner) - 1, 0, -1)]:
        if height - len(top) - len(pinned) - len(bottom) - 1 >= MIN_BODY:
            break
        del top[drop]
    room = height - len(top) - len(pinned) - len(bottom)
    middle = body(model, ctx, width, room - 1, console) if room > 1 else []
    gap = [Text("")] if middle else []
    rows = top + pinned + gap + middle
    spare = height - len(rows) - len(bottom)
    rows += [Text("")] * min(max(spare, 0), 1) + bottom
    return rows[:height]


def frame_text(rows: list[Text]) -> str:
    """The screen as plain text, as a golden file holds it."""
    return "\n".join(row.plain.rstrip() for row in rows) + "\n"
