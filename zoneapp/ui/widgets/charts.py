"""Bar charts for indicators: a self-contained pyqtgraph component with a written contract.

Contract of `BarChart` (the tabs rely on it; tests check it):

* Input is data, not styling: `set_bars(bars)` for one bar per `Bar`, `set_grouped(categories,
  series)` for a group of bars per category with a bar per series. Calling either replaces
  everything plotted. No bars at all shows a centred "No data" text instead of an empty axis.
* Each bar's height is `Bar.value` (NaN is plotted as 0 with no label); its `display` text is
  drawn at the bar's end and its `tooltip` (plain or rich text) shows on hover.
  `plotted_values()` and `plotted_labels()` return what was actually drawn, in order.
* The value axis is labelled in the bars' unit. When every bar has the same `Bar.unit`, the
  ticks read in the unit people use for the largest value (an axis of 万元 up to 42,512,215
  reads 亿元 up to 4,251.2; English money "bn yuan" or "M yuan"; `core.readable.axis_scale`
  and `AxisItem.setScale`), and the label says that unit; the data stays as given. Tick labels
  have thousands separators and are never in scientific notation (`value_axis.ValueAxis`).
* Colours come from `palette`: one hue per series; a derived bar keeps its hue with a lighter
  fill and a dashed outline, and a legend entry "Derived" appears when any bar is derived.
* A bar with `Bar.highlight` (the user's own entity in a ranking) is drawn in
  `palette.HIGHLIGHT`, and the legend names it (`ChartView.highlight_label`, else its label).
* Layout adapts to the widget's size: the value range is padded so value labels are never
  clipped; category names wrap onto two lines (Chinese between characters), are elided only
  beyond, and thin out when crowded; the whole name shows on hover over the axis and is in the
  accessible description. Value labels hide when wider than their bar's slot (the tooltip
  still has them). Horizontal charts put the names on the left axis, first item at the top,
  in a column widened (within limits) to keep two-line names whole.
* The title wraps onto two lines and is elided beyond (whole in its tooltip and the chart's
  accessible name).
* The wheel scrolls the page the chart is on; Ctrl+wheel, or the wheel after a click on the
  plot (until the mouse leaves it), zooms (`chart_wheel.WheelGate`); dragging pans. Zoom and
  pan stay within the fitted chart, so a value axis of amounts never shows negative values;
  `reset_zoom()` (the toolbar's and the menu's "Reset zoom") fits the whole chart again. pyqtgraph's own context menu is off: a right click
  opens the chart's menu (copy, PNG at 2×, SVG, CSV of the plotted data, reset zoom, and
  "Source…" over a bar whose `Bar.ref` holds a figure, which emits `sig_source_requested`).
* Hovering a bar shows its tooltip and a one-line readout at the plot's top right.
* More than one series gets a legend row above the plot (one series is named by the title).
* Fonts follow `QApplication.font()` at the time of plotting (so CJK text uses the app's
  Noto Sans CJK); text is dark on a white background.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QStackedWidget, QToolTip, QVBoxLayout, QWidget,
)

from zoneapp.core.textsafe import visible
from zoneapp.core.readable import axis_scale
from zoneapp.ui import palette
from zoneapp.ui.widgets import category_labels, chart_layout, chart_time
from zoneapp.ui.widgets.chart_parts import Legend, Placed as _Placed, is_nan as _nan
from zoneapp.views.model import Bar, ChartView
from zoneapp.views.words import say
from zoneapp.ui.widgets.chart_toolbar import ChartActions, ChartToolbar
from zoneapp.ui.widgets.chart_wheel import WheelGate
from zoneapp.ui.widgets.pg_import import pg
from zoneapp.ui.widgets.value_axis import ValueAxis
from zoneapp.ui.widgets.text_fit import WrappedLabel

TITLE_LINES = 2  # a longer title is elided at the end of the second line
BAR_FILL = 0.62  # share of a category slot a single bar fills
GROUP_FILL = 0.82  # share of a category slot a group fills
LABEL_GAP = 4  # pixels between a bar's end and its value label
LABEL_ROOM = 10  # pixels kept free beyond a value label, so it does not touch the plot's edge
# Horizontal charts: names on the left axis take up to this share of the width, within limits,
# on one line; a longer name wraps onto two, and the column may widen to WIDE_NAME_SHARE to keep
# it whole; beyond that it is elided (the tooltip has it in full).
NAME_SHARE = 0.35
WIDE_NAME_SHARE = 0.45
MIN_NAME_PX = 110
MAX_NAME_PX = 320
# Heights: a vertical chart's; a horizontal one grows with its bars, from a minimum.
CHART_HEIGHT = 320
CHART_MIN_HEIGHT = 230
BAR_ROW_HEIGHT = 44
# Beyond the first FULL_ROWS bars a horizontal chart grows by MANY_ROW_HEIGHT a bar: a
# ranking of 31 regions stays on about one screen, each name still on its own line.
FULL_ROWS = 8
MANY_ROW_HEIGHT = 26


def chart_height(view: ChartView) -> int:
    """How tall a chart of `view` is drawn: horizontal charts are as tall as their bars need."""
    if view.horizontal:
        rows = view.row_count()
        return max(CHART_MIN_HEIGHT, 110 + BAR_ROW_HEIGHT * min(rows, FULL_ROWS)
                   + MANY_ROW_HEIGHT * max(0, rows - FULL_ROWS))
    return CHART_HEIGHT


def offscreen_chart(view: ChartView, lang: str, width: int) -> BarChart:
    """A chart of `view` laid out `width` pixels wide and never shown: for the PDF report and
    the share card, which paint it (close and deleteLater it after)."""
    chart = BarChart()
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.set_view(view, lang)
    chart.setFixedSize(width, chart_height(view))
    chart.show()
    QApplication.processEvents()
    return chart


class BarChart(QWidget):
    """A titled bar chart (vertical or horizontal, single or grouped) on a white plot."""

    sig_bar_hovered = Signal(int)  # index into plotted_values(), -1 when the mouse leaves
    sig_source_requested = Signal(object)  # the Bar.ref of the bar whose source was asked for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placed: list[_Placed] = []
        self._categories: list[str] = []
        self._horizontal = False
        self._hovered = -1
        self._bar_item: pg.BarGraphItem | None = None
        self._value_items: list[pg.TextItem] = []
        self._value_scale = 1.0
        self._time: chart_time.TimeAxis | None = None  # a true time axis, when the view has one
        self._lines: list = []  # reference lines (views.model.Line) drawn over the bars
        self.lang = "zh"
        self._highlight_label = ""  # the legend's words for a highlighted bar
        self.title_label = WrappedLabel(TITLE_LINES, self)  # then "…", whole in the tooltip
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.hide()
        self.note_label = QLabel(self)  # what a reader must know to read the bars
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        self.legend = Legend(self)
        self.legend.hide()
        # enableMenu=False: pyqtgraph's own menus are off (below), so not built either
        # ValueAxis: ticks never in scientific notation (2e+07)
        self.plot = pg.PlotWidget(self, background=palette.BACKGROUND, enableMenu=False,
                                  axisItems={n: ValueAxis(n) for n in ("left", "bottom")})
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot.customContextMenuRequested.connect(self._on_context_menu)
        self.wheel_gate = WheelGate(self.plot.viewport())
        self.readout = QLabel(self.plot)
        self.readout.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.readout.hide()
        self.chart_actions = ChartActions(self)
        self.toolbar = ChartToolbar(self.chart_actions, self)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.plot)
        self._stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.toolbar, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.note_label)
        layout.addWidget(self.legend)
        layout.addWidget(self._stack, 1)
        self.setMinimumSize(240, 180)
        self._setup_plot()
        self.retranslate_ui()
        self._stack.setCurrentWidget(self.empty_label)

    def _setup_plot(self) -> None:
        item = self.plot.getPlotItem()
        item.setMouseEnabled(True, True)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setContentsMargins(4, 10, 12, 4)  # room for the outermost tick names
        vb = item.getViewBox()
        vb.disableAutoRange()
        vb.sigResized.connect(self._relayout)
        vb.sigRangeChangedManually.connect(lambda *_: self.chart_actions.reset_zoom.setEnabled(True))
        for name in ("left", "bottom"):
            item.getAxis(name).enableAutoSIPrefix(False)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.apply_palette()

    def apply_palette(self) -> None:
        """Take the current theme's colours (plotted bars take them when plotted)."""
        self.title_label.setStyleSheet(f"color: {palette.TEXT};")
        self.note_label.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.readout.setStyleSheet(
            f"color: {palette.TEXT}; background: rgba(255, 255, 255, 215);"
            f" border: 1px solid {palette.BORDER}; border-radius: 3px; padding: 1px 5px;")
        self.empty_label.setStyleSheet(
            f"color: {palette.MUTED_TEXT}; background: {palette.BACKGROUND};")
        self.plot.setBackground(palette.BACKGROUND)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(palette.AXIS))
            axis.setTextPen(pg.mkPen(palette.TEXT))

    # ----- public API -------------------------------------------------------------------

    def set_title(self, text: str) -> None:
        self.title_label.set_full_text(text)
        self.title_label.setVisible(bool(text))

    def title_text(self) -> str:
        """The whole title (title_label.lines(): as drawn, wrapped and perhaps elided)."""
        return self.title_label.full_text()

    def note_text(self) -> str:
        return self.note_label.text()

    def set_view(self, view: ChartView, lang: str) -> None:
        """Show a chart view: its title, and its bars or groups, in `lang`, in the current
        theme's colours."""
        self.lang = lang
        self._highlight_label = view.highlight_label
        self.apply_palette()
        self.set_title(view.title)
        self.note_label.setText(view.note)
        self.note_label.setVisible(bool(view.note))
        axis = chart_time.TimeAxis.of(view)
        if view.grouped:
            self.set_grouped(view.categories, view.series, horizontal=view.horizontal,
                             value_axis_label=view.value_axis_label, axis=axis,
                             lines=view.lines)
        else:
            self.set_bars(view.bars, horizontal=view.horizontal,
                          value_axis_label=view.value_axis_label, axis=axis, lines=view.lines)
        self.setAccessibleName(view.title)
        self.setAccessibleDescription("; ".join([view.note] * bool(view.note) + [
            f"{b.label} {b.display}" for b in view.all_bars()]))

    def set_bars(self, bars: list[Bar], horizontal: bool = False, value_axis_label: str = "",
                 axis: chart_time.TimeAxis | None = None, lines: list | None = None) -> None:
        """One bar per item, in order (top to bottom when horizontal); with `axis`, each at
        its place on a true time axis and as wide as its period."""
        names = list(dict.fromkeys(b.series for b in bars if b.series))
        by_series = len(names) > 1
        self._time, self._lines = axis, list(lines or [])
        at = axis.place if axis is not None else (lambda i: (float(i), 1.0))
        placed = [
            _Placed(b, at(i)[0], chart_time.thickness(BAR_FILL, at(i)[1]),
                    palette.HIGHLIGHT if b.highlight else
                    palette.series_color(names.index(b.series) if by_series and b.series else 0))
            for i, b in enumerate(bars)
        ]
        entries = [(n, palette.series_color(i), False) for i, n in enumerate(names)] if by_series else []
        self._plot([b.label for b in bars], placed, horizontal, value_axis_label, entries)

    def set_grouped(self, categories: list[str],
                    series: list[tuple[str, list[Bar]]] | dict[str, list[Bar]],
                    horizontal: bool = False, value_axis_label: str = "",
                    axis: chart_time.TimeAxis | None = None, lines: list | None = None) -> None:
        """A group per category, a bar per series, with a legend of the series (with `axis`,
        each group at its place on a true time axis).

        `series` is [(name, bars)] (a dict name -> bars is accepted too). A series' bars are
        matched to categories by `Bar.label` when every label is a category, else by position.
        """
        items = list(series.items()) if isinstance(series, dict) else list(series)
        n = max(1, len(items))
        slot = GROUP_FILL / n
        index = {c: i for i, c in enumerate(categories)}
        self._time, self._lines = axis, list(lines or [])
        at = axis.place if axis is not None else (lambda i: (float(i), 1.0))
        placed = []
        for k, (_, bars) in enumerate(items):
            color = palette.series_color(k)
            by_label = all(b.label in index for b in bars)
            for j, bar in enumerate(bars):
                i = index[bar.label] if by_label else j
                if i >= len(categories):
                    continue
                centre, width = at(i)
                placed.append(_Placed(bar, centre + width * (slot * (k + 0.5) - GROUP_FILL / 2),
                                      slot * 0.9 * width, color))
        # One series needs no legend: the chart's title names it.
        entries = [(name, palette.series_color(k), False) for k, (name, _) in enumerate(items)]
        entries = entries if len(entries) > 1 else []
        self._plot(list(categories), placed, horizontal, value_axis_label, entries)

    def clear(self) -> None:
        self._time, self._lines = None, []
        self._plot([], [], False, "", [])

    def plotted_values(self) -> list[float]:
        """Bar heights as drawn, in plotting order (series by series when grouped)."""
        if self._bar_item is None:
            return []
        key = "width" if self._horizontal else "height"
        return [float(v) for v in self._bar_item.opts[key]]

    def plotted_labels(self) -> list[str]:
        """Category labels in axis order (full text, before wrapping or eliding)."""
        return list(self._categories) if self._placed else []

    def category_label_texts(self) -> list[str]:
        """The category names as drawn on the axis ("\n" between wrapped lines), thinned."""
        if not self._placed:
            return []
        axis = self.plot.getPlotItem().getAxis("left" if self._horizontal else "bottom")
        return [text for _, text in (axis._tickLevels or [[]])[0]]

    def bars(self) -> list[Bar]:
        """The Bar objects plotted, in the order of plotted_values()."""
        return [p.bar for p in self._placed]

    def bar_styles(self) -> list[tuple[str, Qt.PenStyle]]:
        """(fill colour as #rrggbb, outline pen style) of each plotted bar."""
        if self._bar_item is None:
            return []
        return [(b.color().name(), p.style())
                for b, p in zip(self._bar_item.opts["brushes"], self._bar_item.opts["pens"])]

    def value_label_texts(self) -> list[str]:
        return [item.textItem.toPlainText() for item in self._value_items]

    def legend_labels(self) -> list[str]:
        return list(self.legend.labels) if self.legend.isVisibleTo(self) else []

    def is_empty(self) -> bool:
        return not self._placed

    def is_horizontal(self) -> bool:
        return self._horizontal

    def bar_at(self, x: float, y: float) -> int | None:
        """The plotted bar whose category slot holds the data point (x, y), if any."""
        along = y if self._horizontal else x
        for i, p in enumerate(self._placed):
            if abs(along - p.pos) <= p.thickness / 2:
                return i
        return None

    def tooltip_at(self, x: float, y: float) -> str:
        i = self.bar_at(x, y)
        return self._placed[i].bar.tooltip if i is not None else ""

    def save_image(self, path: Path | str) -> Path:
        """Save the chart by the path's suffix: .svg as SVG, else PNG at 2×. Raises OSError."""
        from zoneapp.ui.output import chart_export

        path = Path(path)
        if path.suffix.lower() == ".svg":
            return chart_export.save_svg(self, path)
        return chart_export.save_png(self, path)

    def export_parts(self) -> list[QWidget]:
        """The child widgets an export draws, top to bottom: title, legend, plot (no toolbar)."""
        self.readout.hide()
        return [self.title_label, self.note_label, self.legend, self._stack.currentWidget()]

    def reset_zoom(self) -> None:
        """Fit the whole chart again after the user zoomed or panned."""
        self._relayout()
        self.chart_actions.reset_zoom.setEnabled(False)

    def is_zoomed(self) -> bool:
        return self.chart_actions.reset_zoom.isEnabled()

    def request_source(self, index: int) -> None:
        """Ask for the source of plotted bar `index` (emits sig_source_requested with its ref)."""
        if 0 <= index < len(self._placed) and self._placed[index].bar.ref is not None:
            self.sig_source_requested.emit(self._placed[index].bar.ref)

    def readout_text(self) -> str:
        return self.readout.text() if self.readout.isVisibleTo(self) else ""

    # ----- plotting ---------------------------------------------------------------------

    def _plot(self, categories: list[str], placed: list[_Placed], horizontal: bool,
              value_axis_label: str, entries: list[tuple[str, str, bool]]) -> None:
        item = self.plot.getPlotItem()
        item.clear()
        self._value_items = []
        self._bar_item = None
        self._placed = placed
        self._categories = categories
        self._horizontal = horizontal
        self.chart_actions.reset_zoom.setEnabled(False)
        for action in (self.chart_actions.copy, self.chart_actions.save_png,
                       self.chart_actions.save_svg, self.chart_actions.save_csv):
            action.setEnabled(bool(placed))
        if any(p.bar.derived for p in placed):
            base = entries[0][1] if len(entries) == 1 else palette.series_color(0)
            if not entries and not all(p.bar.derived for p in placed):
                entries = [(say("Reported", self.lang), base, False)]
            entries = entries + [(say("Derived", self.lang), base if len(entries) == 1 else
                                  palette.MUTED_TEXT, True)]
        own = [p.bar.label for p in placed if p.bar.highlight]  # the own entity, by name
        if own:
            entries = entries + [(self._highlight_label or own[0], palette.HIGHLIGHT, False)]
        if self._lines:
            entries = entries + [(line.name, chart_time.line_colour(), False)
                                 for line in self._lines]
        self.legend.set_entries(entries if placed else [])
        if not placed:
            self._stack.setCurrentWidget(self.empty_label)
            return
        self._stack.setCurrentWidget(self.plot)
        self._style_axes(horizontal, value_axis_label)
        self._bar_item = self._make_bars(placed, horizontal)
        item.addItem(self._bar_item)
        chart_time.draw_lines(item, self._lines)
        self._add_value_labels(placed, horizontal)
        self._relayout()

    def _make_bars(self, placed: list[_Placed], horizontal: bool) -> pg.BarGraphItem:
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

    def _add_value_labels(self, placed: list[_Placed], horizontal: bool) -> None:
        font = QApplication.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        for p in placed:
            value = 0.0 if _nan(p.bar.value) else p.bar.value
            if horizontal:
                anchor = (0, 0.5) if value >= 0 else (1, 0.5)
            else:
                anchor = (0.5, 1) if value >= 0 else (0.5, 0)
            text = pg.TextItem(p.bar.display if not _nan(p.bar.value) else "",
                               color=palette.TEXT, anchor=anchor)
            text.setFont(font)
            x, y = (value, p.pos) if horizontal else (p.pos, value)
            text.setPos(x, y)
            self.plot.addItem(text)
            self._value_items.append(text)

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
        self._value_scale = scale
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
        units = {p.bar.unit for p in self._placed}
        if len(units) != 1:
            return 1.0, ""
        values = [abs(p.bar.value) for p in self._placed if not _nan(p.bar.value)]
        return axis_scale(units.pop(), max(values, default=0.0), self.lang)

    def value_axis_text(self) -> str:
        """The value axis' label as shown."""
        item = self.plot.getPlotItem()
        axis = item.getAxis("bottom" if self._horizontal else "left")
        return axis.labelText if axis.label.isVisible() else ""

    def value_axis_scale(self) -> float:
        """The factor the value axis' tick labels are multiplied by (1 unless English money)."""
        return self._value_scale

    def _relayout(self) -> None:
        """Fit ranges, category labels and value labels to the plot's current pixel size."""
        if not self._placed or len(self._value_items) != len(self._placed):
            return  # between _style_axes (which may resize the view) and the value labels
        vb = self.plot.getPlotItem().getViewBox()
        width, height = max(vb.width(), 50.0), max(vb.height(), 50.0)
        metrics = QFontMetricsF(self._value_items[0].textItem.font())
        n = len(self._categories)
        texts = self.value_label_texts()
        extent, across = (width, height) if self._horizontal else (height, width)
        sizes = [metrics.horizontalAdvance(t) if self._horizontal else metrics.height()
                 for t in texts]
        lo, hi = self._value_range(extent, sizes)
        # Vertical bars: widen the category range when the first or last label is wider
        # than its slot, so it is not cut at the plot's edge.
        slot_px = across / max(n, 1)
        edge = 0.0
        if not self._horizontal and texts:
            overhang = max(metrics.horizontalAdvance(texts[0]), metrics.horizontalAdvance(texts[-1]))
            edge = max(0.0, (overhang / 2 + 2 - slot_px / 2) / slot_px)
        cat = (-0.5 - edge, n - 0.5 + edge)
        if self._time is not None:  # a true time axis: from the first period to the last
            start, end = self._time.span()
            before, after = chart_time.edge_room(
                self._time, across, QFontMetricsF(QApplication.font()),
                [(p.pos, metrics.horizontalAdvance(t)) for p, t in zip(self._placed, texts)])
            cat = (start - before, end + after)
        self._limit_zoom((lo, hi), cat)
        if self._horizontal:
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
        x, y = (value_limits, cat_limits) if self._horizontal else (cat_limits, value_limits)
        vb.setLimits(xMin=x["min"], xMax=x["max"], minXRange=x["minRange"],
                     yMin=y["min"], yMax=y["max"], minYRange=y["minRange"])

    def _value_range(self, extent: float, sizes: list[float]) -> tuple[float, float]:
        """Value-axis limits that leave room for every label beyond its bar's end."""
        values = [0.0 if _nan(p.bar.value) else p.bar.value for p in self._placed]
        extra = chart_time.line_values(self._lines)  # a reference line stays inside the plot
        return chart_layout.value_range(values + extra, sizes + [0.0] * len(extra), extent,
                                        LABEL_GAP + LABEL_ROOM)

    def _set_value_ticks(self, span: float) -> None:
        """Whole-number ticks when every value is whole (counts): no "2.5 projects"."""
        axis = self.plot.getPlotItem().getAxis("bottom" if self._horizontal else "left")
        values = [p.bar.value for p in self._placed if not _nan(p.bar.value)]
        if self._value_scale == 1.0 and values and all(float(v).is_integer() for v in values):
            step = chart_layout.whole_tick_step(span)
            axis.setTickSpacing(step, step)
        else:
            axis.setTickSpacing()

    def _set_category_ticks(self, slot_px: float) -> None:
        """Names on the category axis; when crowded only every k-th name is written."""
        item = self.plot.getPlotItem()
        room = max(MIN_NAME_PX, min(MAX_NAME_PX, NAME_SHARE * self.width()))
        if self._time is not None and not self._horizontal:
            vb = item.getViewBox()
            lo, hi = vb.viewRange()[0]
            ticks, extent = chart_time.time_ticks(self._time, vb.width() / max(hi - lo, 1e-9),
                                                  QFontMetricsF(QApplication.font()))
            axis = item.getAxis("bottom")
            axis.setHeight(extent)
            axis.setTicks([ticks, []])
            return
        wide_room = max(MIN_NAME_PX, min(MAX_NAME_PX, WIDE_NAME_SHARE * self.width()))
        ticks, extent = chart_layout.category_ticks(
            [visible(c) for c in self._categories], self._horizontal, slot_px, room,
            QApplication.font(), wide_room)
        if self._horizontal:
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
                for p in self._placed]
        texts = [item.textItem.toPlainText() for item in self._value_items]
        label_sizes = [(metrics.horizontalAdvance(t), metrics.height()) for t in texts]
        # On a time axis the latest figures matter most: their labels are placed first.
        order = -1 if self._time is not None else 1
        fits = chart_layout.fitting_labels(bars[::order], texts[::order], label_sizes[::order],
                                           self._horizontal, value_range, cat_range, size,
                                           LABEL_GAP)[::order]
        for item, shown in zip(self._value_items, fits):
            item.setVisible(shown)

    def shown_value_labels(self) -> list[str]:
        """The value labels currently drawn (crowded ones are hidden)."""
        return [i.textItem.toPlainText() for i in self._value_items if i.isVisible()]

    # ----- hover ------------------------------------------------------------------------

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        vb = self.plot.getPlotItem().getViewBox()
        index = None
        if self._placed and vb.sceneBoundingRect().contains(scene_pos):
            point = vb.mapSceneToView(scene_pos)
            index = self.bar_at(point.x(), point.y())
        index = -1 if index is None else index
        if index != self._hovered:
            self._hovered = index
            self.sig_bar_hovered.emit(index)
            self._show_readout(index)
        name = self._category_name_at(scene_pos) if index < 0 else ""
        if (index >= 0 and self._placed[index].bar.tooltip) or name:
            view_pos = self.plot.mapFromScene(scene_pos)
            QToolTip.showText(self.plot.mapToGlobal(view_pos),
                              name or self._placed[index].bar.tooltip, self.plot)
        else:
            QToolTip.hideText()

    def _category_name_at(self, scene_pos: QPointF) -> str:
        """The whole name of the category whose (perhaps wrapped or elided) name is under the
        mouse on the category axis; '' elsewhere."""
        if not self._placed:
            return ""
        i = category_labels.category_at(self.plot.getPlotItem(), self._horizontal, scene_pos,
                                        len(self._categories))
        return visible(self._categories[i]) if i is not None else ""

    def _show_readout(self, index: int) -> None:
        if index < 0:
            self.readout.hide()
            return
        bar = self._placed[index].bar
        name = f"{bar.label} · {bar.series}" if bar.series and bar.series != bar.label else bar.label
        text = f"{name}: {bar.display}" if bar.display else name
        if bar.derived:
            text += ("" if self.lang == "zh" else " ") + say("(derived)", self.lang)
        self.readout.setText(text)
        self.readout.adjustSize()
        self.readout.move(max(0, self.plot.width() - self.readout.width() - 14), 4)
        self.readout.show()
        self.readout.raise_()

    def _on_context_menu(self, pos: QPoint) -> None:
        index = -1
        if self._placed:
            vb = self.plot.getPlotItem().getViewBox()
            point = vb.mapSceneToView(self.plot.mapToScene(pos))
            found = self.bar_at(point.x(), point.y())
            index = -1 if found is None else found
        self.chart_actions.popup(self.plot.mapToGlobal(pos), index)

    # ----- language ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.empty_label.setText(self.tr("No data"))
        self.chart_actions.retranslate_ui()
        self.toolbar.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
