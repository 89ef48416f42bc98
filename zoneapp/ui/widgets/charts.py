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
  accessible description. A value label wider than its bar's slot slides sideways, never
  past its own bar's edge; one that still touches a neighbour's hides (the tooltip still
  has it). Horizontal charts put the names on the left axis, first item at the top,
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

This module assembles the widget and turns data into placed bars; what is drawn on the plot
and fitted to its size is chart_drawing.py's, what the mouse shows chart_mouse.py's, the
actions, toolbar and menu chart_toolbar.py's, the wheel chart_wheel.py's.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget,
)

from zoneapp.ui import palette
from zoneapp.ui.widgets import chart_time
from zoneapp.ui.widgets.chart_drawing import ChartDrawing
from zoneapp.ui.widgets.chart_mouse import ChartMouse
from zoneapp.ui.widgets.chart_parts import Legend, Placed as _Placed
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
        self.drawing = ChartDrawing(self.plot, self)
        self.mouse = ChartMouse(self)  # tooltips, the readout, the right-click menu
        self.wheel_gate = WheelGate(self.plot.viewport())
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
        vb.sigRangeChangedManually.connect(lambda *_: self.chart_actions.reset_zoom.setEnabled(True))
        for name in ("left", "bottom"):
            item.getAxis(name).enableAutoSIPrefix(False)
        self.apply_palette()

    def apply_palette(self) -> None:
        """Take the current theme's colours (plotted bars take them when plotted)."""
        self.title_label.setStyleSheet(f"color: {palette.TEXT};")
        self.note_label.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.mouse.apply_palette()
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
        at = axis.place if axis is not None else (lambda i: (float(i), 1.0))
        placed = [
            _Placed(b, at(i)[0], chart_time.thickness(BAR_FILL, at(i)[1]),
                    palette.HIGHLIGHT if b.highlight else
                    palette.series_color(names.index(b.series) if by_series and b.series else 0))
            for i, b in enumerate(bars)
        ]
        entries = [(n, palette.series_color(i), False) for i, n in enumerate(names)] if by_series else []
        self._plot([b.label for b in bars], placed, horizontal, value_axis_label, entries,
                   axis, lines or [])

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
        self._plot(list(categories), placed, horizontal, value_axis_label, entries,
                   axis, lines or [])

    def clear(self) -> None:
        self._plot([], [], False, "", [], None, [])

    def plotted_values(self) -> list[float]:
        """Bar heights as drawn, in plotting order (series by series when grouped)."""
        return self.drawing.plotted_values()

    def plotted_labels(self) -> list[str]:
        """Category labels in axis order (full text, before wrapping or eliding)."""
        return list(self.drawing.categories) if self.drawing.placed else []

    def category_label_texts(self) -> list[str]:
        """The category names as drawn on the axis ("\n" between wrapped lines), thinned."""
        return self.drawing.category_label_texts()

    def bars(self) -> list[Bar]:
        """The Bar objects plotted, in the order of plotted_values()."""
        return [p.bar for p in self.drawing.placed]

    def bar_styles(self) -> list[tuple[str, Qt.PenStyle]]:
        """(fill colour as #rrggbb, outline pen style) of each plotted bar."""
        return self.drawing.bar_styles()

    def value_label_texts(self) -> list[str]:
        return self.drawing.value_label_texts()

    def shown_value_labels(self) -> list[str]:
        """The value labels currently drawn (crowded ones are hidden)."""
        return self.drawing.shown_value_labels()

    def value_axis_text(self) -> str:
        """The value axis' label as shown."""
        return self.drawing.value_axis_text()

    def value_axis_scale(self) -> float:
        """The factor the value axis' tick labels are multiplied by (1 unless English money)."""
        return self.drawing.value_scale

    def legend_labels(self) -> list[str]:
        return list(self.legend.labels) if self.legend.isVisibleTo(self) else []

    def is_empty(self) -> bool:
        return not self.drawing.placed

    def is_horizontal(self) -> bool:
        return self.drawing.horizontal

    def bar_at(self, x: float, y: float) -> int | None:
        """The plotted bar whose category slot holds the data point (x, y), if any."""
        return self.drawing.bar_at(x, y)

    def tooltip_at(self, x: float, y: float) -> str:
        i = self.bar_at(x, y)
        return self.drawing.placed[i].bar.tooltip if i is not None else ""

    def save_image(self, path: Path | str) -> Path:
        """Save the chart by the path's suffix: .svg as SVG, else PNG at 2×. Raises OSError."""
        from zoneapp.ui.widgets import chart_export

        path = Path(path)
        if path.suffix.lower() == ".svg":
            return chart_export.save_svg(self, path)
        return chart_export.save_png(self, path)

    def export_parts(self) -> list[QWidget]:
        """The child widgets an export draws, top to bottom: title, legend, plot (no toolbar)."""
        self.mouse.readout.hide()
        return [self.title_label, self.note_label, self.legend, self._stack.currentWidget()]

    def reset_zoom(self) -> None:
        """Fit the whole chart again after the user zoomed or panned."""
        self.drawing.relayout()
        self.chart_actions.reset_zoom.setEnabled(False)

    def is_zoomed(self) -> bool:
        return self.chart_actions.reset_zoom.isEnabled()

    def request_source(self, index: int) -> None:
        """Ask for the source of plotted bar `index` (emits sig_source_requested with its ref)."""
        placed = self.drawing.placed
        if 0 <= index < len(placed) and placed[index].bar.ref is not None:
            self.sig_source_requested.emit(placed[index].bar.ref)

    def readout_text(self) -> str:
        return self.mouse.readout_text()

    # ----- plotting ---------------------------------------------------------------------

    def _plot(self, categories: list[str], placed: list[_Placed], horizontal: bool,
              value_axis_label: str, entries: list[tuple[str, str, bool]],
              axis: chart_time.TimeAxis | None, lines: list) -> None:
        self.drawing.start(categories, placed, horizontal, axis, lines, self.lang)
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
        if self.drawing.lines:
            entries = entries + [(line.name, chart_time.line_colour(), False)
                                 for line in self.drawing.lines]
        self.legend.set_entries(entries if placed else [])
        if not placed:
            self._stack.setCurrentWidget(self.empty_label)
            return
        self._stack.setCurrentWidget(self.plot)
        self.drawing.draw(value_axis_label)

    # ----- language ---------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.empty_label.setText(self.tr("No data"))
        self.chart_actions.retranslate_ui()
        self.toolbar.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
