"""What a `BarChart` draws on its pyqtgraph plot: the bars, their value labels, the axes, and
fitting all of them to the plot's pixel size (ranges, ticks, which labels fit).

Kept apart from charts.py, which assembles the widget and turns data into placed bars; the
pure layout rules this calls are in chart_layout.py and chart_time.py.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget

from zoneapp.core.readable import axis_scale
from zoneapp.core.textsafe import visible
from zoneapp.ui import palette
from zoneapp.ui.widgets import chart_layout, chart_time
from zoneapp.ui.widgets.chart_labels import ValueLabels
from zoneapp.ui.widgets.chart_parts import Placed, is_nan as _nan
from zoneapp.ui.widgets.pg_import import pg

LABEL_GAP = 4  # pixels between a bar's end and its value label
LABEL_ROOM = 10  # pixels kept free beyond a value label, so it does not touch the plot's edge
# Horizontal charts: names on the left axis take up to this share of the width, within limits,
# on one line; a longer name wraps onto two, and the column may widen to WIDE_NAME_SHARE to keep
# it whole; beyond that it is elided (the tooltip has it in full).
NAME_SHARE = 0.35
WIDE_NAME_SHARE = 0.45
MIN_NAME_PX = 110
MAX_NAME_PX = 320


class ChartDrawing:
    """The items on one plot and what they were drawn from; `frame` is the chart widget, whose
    width sets the room for names on a horizontal chart."""

    def __init__(self, plot: pg.PlotWidget, frame: QWidget) -> None:
        self.plot = plot
        self.frame = frame
        self.placed: list[Placed] = []
        self.categories: list[str] = []
        self.horizontal = False
        self.time: chart_time.TimeAxis | None = None  # a true time axis, when the view has one
        self.lines: list = []  # reference lines (views.model.Line) drawn over the bars
        self.lang = "zh"
        self.bar_item: pg.BarGraphItem | None = None
        vb = plot.getPlotItem().getViewBox()
        # One item for every value label, kept across plots (the plot's clear leaves it).
        self.labels = ValueLabels(vb)
        self.value_scale = 1.0
        vb.sigResized.connect(self.relayout)

    def start(self, categories: list[str], placed: list[Placed], horizontal: bool,
              axis: chart_time.TimeAxis | None, lines: list, lang: str) -> None:
        """Remove everything drawn and take what is drawn next (drawn by `draw`)."""
        self.plot.getPlotItem().clear()
        self.labels.clear()
        self.bar_item = None
        self.placed = placed
        self.categories = categories
        self.horizontal = horizontal
        self.time, self.lines = axis, list(lines)
        self.lang = lang

    def draw(self, value_axis_label: str) -> None:
        """Draw the bars given to `start`, their value labels and reference lines."""
        item = self.plot.getPlotItem()
        self._style_axes(self.horizontal, value_axis_label)
        self.bar_item = self._make_bars(self.placed, self.horizontal)
        item.addItem(self.bar_item)
        chart_time.draw_lines(item, self.lines, self.horizontal)
        self._add_value_labels(self.placed, self.horizontal)
        self.relayout()

    # ----- what was drawn ---------------------------------------------------------------

    def plotted_values(self) -> list[float]:
        if self.bar_item is None:
            return []
        key = "width" if self.horizontal else "height"
        return [float(v) for v in self.bar_item.opts[key]]

    def category_label_texts(self) -> list[str]:
        if not self.placed:
            return []
        axis = self.plot.getPlotItem().getAxis("left" if self.horizontal else "bottom")
        return [text for _, text in (axis._tickLevels or [[]])[0]]

    def bar_styles(self) -> list[tuple[str, Qt.PenStyle]]:
        if self.bar_item is None:
            return []
        return [(b.color().name(), p.style())
                for b, p in zip(self.bar_item.opts["brushes"], self.bar_item.opts["pens"])]

    def value_label_texts(self) -> list[str]:
        return list(self.labels.texts)

    def shown_value_labels(self) -> list[str]:
        return self.labels.shown_texts()

    def value_axis_text(self) -> str:
        item = self.plot.getPlotItem()
        axis = item.getAxis("bottom" if self.horizontal else "left")
        return axis.labelText if axis.label.isVisible() else ""

    def bar_at(self, x: float, y: float) -> int | None:
        """The plotted bar whose category slot holds the data point (x, y), if any."""
        along = y if self.horizontal else x
        for i, p in enumerate(self.placed):
            if abs(along - p.pos) <= p.thickness / 2:
                return i
        return None

    # ----- drawing ----------------------------------------------------------------------

    def _make_bars(self, placed: list[Placed], horizontal: bool) -> pg.BarGraphItem:
        values = [0.0 if _nan(p.bar.value) else float(p.bar.value) for p in placed]
        positions = [p.pos for p in placed]
        thickness = [p.thickness for p in placed]
        brushes = [pg.mkBrush(palette.derived_fill(p.color) if p.bar.derived else p.color)
                   for p in placed]
        pens = [pg.mkPen(p.color, width=1.5, style=Qt.PenStyle.DashLine) if p.bar.derived
                else pg.mkPen(p.color, width=1) for p in placed]
        if horizontal:
            return pg.BarGraphItem(x0=0, y=positions, height=thickness, width=values,
                                   brushes=brushes, pens=pens)
        return pg.BarGraphItem(x=positions, height=values, width=thickness, y0=0,
                               brushes=brushes, pens=pens)

    def _add_value_labels(self, placed: list[Placed], horizontal: bool) -> None:
        font = QApplication.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        texts, points, anchors = [], [], []
        for p in placed:
            value = 0.0 if _nan(p.bar.value) else p.bar.value
            if horizontal:
                anchors.append((0, 0.5) if value >= 0 else (1, 0.5))
            else:
                anchors.append((0.5, 1) if value >= 0 else (0.5, 0))
            texts.append(p.bar.display if not _nan(p.bar.value) else "")
            points.append((value, p.pos) if horizontal else (p.pos, value))
        self.labels.set_labels(texts, points, anchors, font, palette.TEXT, palette.BACKGROUND)

    def _style_axes(self, horizontal: bool, value_axis_label: str) -> None:
        item = self.plot.getPlotItem()
        font = QApplication.font()
        cat_name, value_name = ("left", "bottom") if horizontal else ("bottom", "left")
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setTickFont(font)
            axis.setTicks(None)
            axis.setWidth(None) if name == "left" else axis.setHeight(None)
        item.getViewBox().invertY(horizontal)
        item.showGrid(x=horizontal, y=not horizontal, alpha=0.25)
        style = {"color": palette.MUTED_TEXT, "font-family": font.family(),
                 "font-size": f"{font.pointSizeF():g}pt"}
        scale, scaled_label = self._axis_scale()
        self.value_scale = scale
        item.getAxis(value_name).setScale(scale)
        item.getAxis(cat_name).setScale(1.0)
        if scale != 1.0:
            value_axis_label = scaled_label
        item.setLabel(value_name, value_axis_label or None, **style)
        item.setLabel(cat_name, None)
        item.getAxis(cat_name).setStyle(tickLength=0)
        # Major ticks only: minor grid lines would stripe the plot.
        item.getAxis(value_name).setStyle(tickLength=-5, maxTickLevel=0)

    def _axis_scale(self) -> tuple[float, str]:
        """The axis in the unit its largest value reads in (亿元 for 万元 in the tens of millions;
        English money in bn or M yuan); see core.readable.axis_scale."""
        units = {p.bar.unit for p in self.placed}
        if len(units) != 1:
            return 1.0, ""
        values = [abs(p.bar.value) for p in self.placed if not _nan(p.bar.value)]
        return axis_scale(units.pop(), max(values, default=0.0), self.lang)

    # ----- fitting to the plot's size ---------------------------------------------------

    def relayout(self) -> None:
        """Fit ranges, category labels and value labels to the plot's current pixel size."""
        if not self.placed or len(self.labels.texts) != len(self.placed):
            return  # between _style_axes (which may resize the view) and the value labels
        vb = self.plot.getPlotItem().getViewBox()
        width, height = max(vb.width(), 50.0), max(vb.height(), 50.0)
        metrics = self.labels.metrics
        n = len(self.categories)
        texts = self.value_label_texts()
        extent, across = (width, height) if self.horizontal else (height, width)
        sizes = [metrics.horizontalAdvance(t) if self.horizontal else metrics.height()
                 for t in texts]
        lo, hi = self._value_range(extent, sizes)
        # Vertical bars: widen the category range when the first or last label is wider
        # than its slot, so it is not cut at the plot's edge.
        slot_px = across / max(n, 1)
        edge = 0.0
        if not self.horizontal and texts:
            overhang = max(metrics.horizontalAdvance(texts[0]), metrics.horizontalAdvance(texts[-1]))
            edge = max(0.0, (overhang / 2 + 2 - slot_px / 2) / slot_px)
        cat = (-0.5 - edge, n - 0.5 + edge)
        if self.time is not None:  # a true time axis: from the first period to the last
            start, end = self.time.span()
            before, after = chart_time.edge_room(
                self.time, across, QFontMetricsF(QApplication.font()),
                chart_time.label_room(self.time, across, [
                    (p.pos, p.thickness, 0.0 if _nan(p.bar.value) else abs(p.bar.value),
                     metrics.horizontalAdvance(t)) for p, t in zip(self.placed, texts)]))
            cat = (start - before, end + after)
        self._limit_zoom((lo, hi), cat)
        if self.horizontal:
            vb.setRange(xRange=(lo, hi), yRange=cat, padding=0)
        else:
            vb.setRange(xRange=cat, yRange=(lo, hi), padding=0)
        self._set_value_ticks(hi - lo)
        slot_px = across / (cat[1] - cat[0])
        self._set_category_ticks(slot_px)
        self._show_value_labels((lo, hi), cat, (width, height), metrics)

    def _limit_zoom(self, values: tuple[float, float], cat: tuple[float, float]) -> None:
        """Zoom and pan inside the fitted ranges (no negative amounts, no empty plot), down
        to a twentieth of the values' span and a single category."""
        (lo, hi), vb = values, self.plot.getPlotItem().getViewBox()
        value_limits = {"min": lo, "max": hi, "minRange": (hi - lo) / 20}
        cat_limits = {"min": cat[0], "max": cat[1], "minRange": min(1.0, cat[1] - cat[0])}
        x, y = (value_limits, cat_limits) if self.horizontal else (cat_limits, value_limits)
        vb.setLimits(xMin=x["min"], xMax=x["max"], minXRange=x["minRange"],
                     yMin=y["min"], yMax=y["max"], minYRange=y["minRange"])

    def _value_range(self, extent: float, sizes: list[float]) -> tuple[float, float]:
        """Value-axis limits that leave room for every label beyond its bar's end."""
        values = [0.0 if _nan(p.bar.value) else p.bar.value for p in self.placed]
        extra = chart_time.line_values(self.lines)  # a reference line stays inside the plot
        return chart_layout.value_range(values + extra, sizes + [0.0] * len(extra), extent,
                                        LABEL_GAP + LABEL_ROOM)

    def _set_value_ticks(self, span: float) -> None:
        """Whole-number ticks when every value is whole (counts): no "2.5 projects"."""
        axis = self.plot.getPlotItem().getAxis("bottom" if self.horizontal else "left")
        values = [p.bar.value for p in self.placed if not _nan(p.bar.value)]
        if self.value_scale == 1.0 and values and all(float(v).is_integer() for v in values):
            step = chart_layout.whole_tick_step(span)
            axis.setTickSpacing(step, step)
        else:
            axis.setTickSpacing()

    def _set_category_ticks(self, slot_px: float) -> None:
        """Names on the category axis; when crowded only every k-th name is written."""
        item = self.plot.getPlotItem()
        room = max(MIN_NAME_PX, min(MAX_NAME_PX, NAME_SHARE * self.frame.width()))
        if self.time is not None and not self.horizontal:
            vb = item.getViewBox()
            lo, hi = vb.viewRange()[0]
            ticks, extent = chart_time.time_ticks(self.time, vb.width() / max(hi - lo, 1e-9),
                                                  QFontMetricsF(QApplication.font()))
            axis = item.getAxis("bottom")
            axis.setHeight(extent)
            axis.setTicks([ticks, []])
            return
        wide_room = max(MIN_NAME_PX, min(MAX_NAME_PX, WIDE_NAME_SHARE * self.frame.width()))
        ticks, extent = chart_layout.category_ticks(
            [visible(c) for c in self.categories], self.horizontal, slot_px, room,
            QApplication.font(), wide_room)
        if self.horizontal:
            axis = item.getAxis("left")
            axis.setWidth(extent)
        else:
            axis = item.getAxis("bottom")
            axis.setHeight(extent)
        axis.setTicks([ticks, []])

    def _show_value_labels(self, value_range: tuple[float, float], cat_range: tuple[float, float],
                           size: tuple[float, float], metrics: QFontMetricsF) -> None:
        """Hide value labels that would overlap an earlier one or leave the plot.

        A hidden label's text is still in the bar's tooltip.
        """
        bars = [(p.pos, p.thickness, 0.0 if _nan(p.bar.value) else p.bar.value)
                for p in self.placed]
        texts = self.labels.texts
        label_sizes = [(metrics.horizontalAdvance(t), metrics.height()) for t in texts]
        # On a time axis the latest figures matter most: their labels are placed first.
        order = -1 if self.time is not None else 1
        shifts = chart_layout.label_shifts(bars[::order], texts[::order], label_sizes[::order],
                                           self.horizontal, value_range, cat_range, size,
                                           LABEL_GAP)[::order]
        self.labels.set_shown([s is not None for s in shifts], [s or 0.0 for s in shifts])
