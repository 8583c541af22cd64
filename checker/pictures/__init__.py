"""Pictures in the terminal: grids, bars and curves that fit a given box, with or without colour.

The engine's picture layer knows nothing about any subject. A curriculum builds a spec (plain
JSON data, see ``spec``); the UI calls ``render_picture`` with the room it can spare, and gets a
rich renderable that fits, or None, so the verdict's text always wins over the picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker.pictures.spec import (
    DIRECTIONS, KINDS, Band, BarGroup, BarPart, BarsPicture, Cell, CurvePicture, GridFrame, GridPicture,
    Picture, PictureError, RefLine, Series, parse_picture, wire_number,
)

if TYPE_CHECKING:
    from checker.pictures.common import Fitted

# The drawing half (rich, plotext) loads inside the functions that draw: a judge, which only
# builds specs, never pays for it.

# Below this a picture says nothing a line of text would not.
MIN_WIDTH = 24
MIN_HEIGHT = 3


def render_picture(spec: Any, width: int, height: int, color: bool, *, frame: int | None = None) -> Fitted | None:
    """The picture laid out in at most ``width`` columns and ``height`` lines, or None to drop it.

    ``spec`` is a plain-data spec (or a parsed picture); a malformed one raises PictureError.
    ``color`` False draws with characters alone (NO_COLOR, TERM=dumb). ``frame`` picks one frame
    of a grid (e.g. paged by a key); by default the richest layout that fits is chosen.
    """
    picture = parse_picture(spec)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return None
    from checker.pictures.bars import bars_candidates
    from checker.pictures.common import first_fit
    from checker.pictures.curve import curve_candidates
    from checker.pictures.grid import grid_candidates

    candidates = {"grid": grid_candidates, "bars": bars_candidates, "curve": curve_candidates}[picture.kind]
    return first_fit(candidates(picture, width, height, color, frame), width, height, color)


def frame_count(spec: Any) -> int:
    """How many frames a picture has (1 for bars and curves): the range of ``frame`` to page through."""
    picture = parse_picture(spec)
    return len(picture.frames) if isinstance(picture, GridPicture) else 1


def focus_frame(spec: Any) -> int:
    """The frame a picture is about (a grid's first differing frame; 0 for bars and curves):
    where paging through the frames one at a time starts."""
    from checker.pictures.grid import focus_frame as grid_focus

    picture = parse_picture(spec)
    return grid_focus(picture) if isinstance(picture, GridPicture) else 0


def reveals_answer(spec: Any) -> bool:
    """True when the picture shows what the learner is asked to find: draw it only when asked."""
    return parse_picture(spec).reveals_answer


__all__ = [
    "Band", "BarGroup", "BarPart", "BarsPicture", "Cell", "CurvePicture", "DIRECTIONS", "GridFrame",
    "GridPicture", "KINDS", "Picture", "PictureError", "RefLine", "Series", "focus_frame",
    "frame_count", "parse_picture", "render_picture", "reveals_answer", "wire_number",
]
