"""A bar chart's true time axis and reference lines (views.model.ChartView positions, widths,
ticks, lines): where each category sits, the axis' labels thinned to fit, and the dashed
lines (时序进度) drawn over the bars. Kept apart from charts.py, which calls these."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from zoneapp.ui import palette
from zoneapp.ui.widgets.pg_import import pg
from zoneapp.views.model import ChartView, Line


@dataclass
class TimeAxis:
    """Each category's centre and width in axis units, and the labels at their places."""

    positions: list[float] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)

    @classmethod
    def of(cls, view: ChartView) -> TimeAxis | None:
        if not view.positions:
            return None
        widths = view.widths if len(view.widths) == len(view.positions) else \
            [1.0] * len(view.positions)
        return cls(list(view.positions), list(widths), list(view.ticks))

    def place(self, index: int) -> tuple[float, float]:
        """(centre, width) of category `index` (evenly spaced beyond the positions given)."""
        if index < len(self.positions):
            return self.positions[index], self.widths[index]
        return float(index), 1.0

    def span(self) -> tuple[float, float]:
        """The axis from the first category's start to the last one's end (or tick's)."""
        starts = [p - w / 2 for p, w in zip(self.positions, self.widths)]
        ends = [p + w / 2 for p, w in zip(self.positions, self.widths)]
        starts += [x - 0.5 for x, _ in self.ticks]
        ends += [x + 0.5 for x, _ in self.ticks]
        return min(starts), max(ends)


def thickness(fill: float, width: float) -> float:
    """A bar's thickness in a slot `width` units wide: `fill` of a one-unit slot, and a wider
    period (1–2月, a quarter) as wide as its months less the same gap, so it reads as one
    bar over all of them."""
    return fill * width if width <= 1 else width - (1 - fill)


def edge_room(axis: TimeAxis, across_px: float, metrics: QFontMetricsF,
              labels: list[tuple[float, float]] = ()) -> tuple[float, float]:
    """Axis units to add before the start and after the end so that the outermost tick
    labels, and the value labels `labels` ((bar centre, label width in px) each), are not
    cut at the plot's edges."""
    start, end = axis.span()
    ppu = across_px / max(end - start, 1e-9)
    room = [0.0, 0.0]
    ticks = axis.ticks or [(p, "") for p in axis.positions]
    outer = [(x, max((metrics.horizontalAdvance(t) for t in label.split("\n")), default=0.0))
             for x, label in (ticks[:1] + ticks[-1:])]
    for x, width in outer + list(labels):
        half = width / 2 + 2
        room[0] = max(room[0], (half - (x - start) * ppu) / ppu)
        room[1] = max(room[1], (half - (end - x) * ppu) / ppu)
    return room[0], room[1]


def label_room(axis: TimeAxis, across_px: float,
               bars: list[tuple[float, float, float, float]]) -> list[tuple[float, float]]:
    """(centre, width in px) of each value label for `edge_room`, from (centre, thickness,
    height, label width) of each bar. The outermost bar's label, when wider than its bar and
    beside a taller bar, may have to slide outwards off that bar (chart_layout.label_shifts):
    it is given room for its whole width beyond the bar's inner edge."""
    out = [(pos, width) for pos, _, _, width in bars]
    if len(bars) < 2:
        return out
    start, end = axis.span()
    ppu = across_px / max(end - start, 1e-9)
    order = sorted(range(len(bars)), key=lambda i: bars[i][0])
    for outer, inner in ((order[0], order[1]), (order[-1], order[-2])):
        pos, thickness, height, width = bars[outer]
        bar_px = thickness * ppu
        if bars[inner][2] > height and width > bar_px:
            out[outer] = (pos, 2 * width - bar_px)  # half of it: the width less half the bar
    return out


def time_ticks(axis: TimeAxis, px_per_unit: float,
               metrics: QFontMetricsF) -> tuple[list[tuple[float, str]], int]:
    """(ticks, axis height in px): every k-th label, k the smallest that keeps labels apart;
    labels with a second line (the year under January) always stay."""
    ticks = axis.ticks or [(p, "") for p in axis.positions]
    widest = max((max(metrics.horizontalAdvance(line) for line in label.split("\n"))
                  for _, label in ticks), default=0.0)
    step = max(1, math.ceil((widest + 6) / max(px_per_unit, 1.0)))
    kept = [(x, label) for i, (x, label) in enumerate(ticks) if i % step == 0 or "\n" in label]
    # a kept year label pushes out the thinned label right next to it
    shown: list[tuple[float, str]] = []
    for x, label in kept:
        if shown and (x - shown[-1][0]) * px_per_unit < widest + 6:
            if "\n" in label and "\n" not in shown[-1][1]:
                shown[-1] = (x, label)
            continue
        shown.append((x, label))
    lines = max((label.count("\n") + 1 for _, label in shown), default=1)
    return shown, int(lines * metrics.height() + 8)


LINE_COLOUR_INDEX = 3  # a hue apart from the bars' first series


def line_colour() -> str:
    return palette.series_color(LINE_COLOUR_INDEX)


def draw_lines(plot_item, lines: list[Line], horizontal: bool = False) -> list:
    """The reference lines as dashed curves on `plot_item` (a horizontal chart's values run
    along x); returns the items added."""
    items = []
    for line in lines:
        xs, ys = (line.ys, line.xs) if horizontal else (line.xs, line.ys)
        curve = pg.PlotDataItem(xs, ys, pen=pg.mkPen(
            line_colour(), width=2, style=Qt.PenStyle.DashLine))
        plot_item.addItem(curve)
        items.append(curve)
    return items


def line_values(lines: list[Line]) -> list[float]:
    return [float(y) for line in lines for y in line.ys]
