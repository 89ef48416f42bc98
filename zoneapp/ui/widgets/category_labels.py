"""Category names on a bar chart's axis: wrapped onto two lines before anything is elided, the
room made for them, and the whole name under the mouse (for the chart's tooltip)."""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF

from zoneapp.ui.widgets.text_fit import wrap_lines

NAME_LINES = 2
AXIS_PAD = 10  # pixels between the names and the plot
WRAP_SLACK = 2.0


def _fits(names: list[str], font: QFont, width: float) -> bool:
    return all(len(wrap_lines(n, font, width, NAME_LINES + 1)) <= NAME_LINES for n in names)


def name_column_width(names: list[str], font: QFont, room: float, wide_room: float) -> float:
    """How wide the names of a horizontal chart are set: the widest name's width when it fits
    `room`; else `room`, where every name fits on two lines (the shorter ones stay on one);
    else the narrowest width up to `wide_room` at which they do (the chart gives up some plot
    for whole names); else `wide_room`, and what still does not fit is elided."""
    metrics = QFontMetricsF(font)
    widest = max((metrics.horizontalAdvance(n) for n in names), default=0.0)
    if widest <= room or _fits(names, font, room):
        return min(widest, room)
    if wide_room <= room or not _fits(names, font, wide_room):
        return max(room, wide_room)
    lo, hi = room, wide_room  # too narrow at lo, wide enough at hi
    while hi - lo > 2:
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if _fits(names, font, mid) else (mid, hi)
    return hi


def horizontal_names(names: list[str], font: QFont, room: float,
                     wide_room: float) -> tuple[list[str], float]:
    """(names as drawn, with "\\n" between lines; the axis' width in pixels)."""
    width = name_column_width(names, font, room, wide_room)
    # The text layout measures a word up to a pixel wider than QFontMetricsF does: without
    # the slack the widest name, set exactly its own width, wrapped its last letter alone.
    drawn = ["\n".join(wrap_lines(n, font, width + WRAP_SLACK, NAME_LINES)) for n in names]
    metrics = QFontMetricsF(font)
    widest = max((metrics.horizontalAdvance(line) for s in drawn for line in s.split("\n")),
                 default=20.0)
    return drawn, widest + AXIS_PAD


def vertical_names(names: list[str], font: QFont, width: float) -> tuple[list[str], float]:
    """(names as drawn under vertical bars, each `width` wide; the axis' height in pixels)."""
    drawn = ["\n".join(wrap_lines(n, font, width, NAME_LINES)) for n in names]
    lines = max((s.count("\n") + 1 for s in drawn), default=1)
    return drawn, lines * QFontMetricsF(font).height() + 8


def lines_tall(names: list[str], font: QFont) -> float:
    """Pixels the tallest drawn name needs across its axis."""
    lines = max((s.count("\n") + 1 for s in names), default=1)
    return lines * QFontMetricsF(font).height()


def category_at(plot_item, horizontal: bool, scene_pos: QPointF, count: int) -> int | None:
    """The category whose name is under `scene_pos` on the category axis, if any."""
    axis = plot_item.getAxis("left" if horizontal else "bottom")
    if count <= 0 or not axis.isVisible() or not axis.sceneBoundingRect().contains(scene_pos):
        return None
    point = plot_item.getViewBox().mapSceneToView(scene_pos)
    along = point.y() if horizontal else point.x()
    index = math.floor(along + 0.5)
    return index if 0 <= index < count else None
