"""What the mouse over a chart's plot shows: a bar's tooltip and a one-line readout at the
plot's top right, a category's whole name over the category axis, and the right-click menu
(with "Source…" for the bar under the mouse).

The wheel is chart_wheel.py's; the menu's actions are chart_toolbar.py's.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

from zoneapp.core.textsafe import visible
from zoneapp.ui import palette
from zoneapp.ui.widgets import category_labels
from zoneapp.views.words import say


class ChartMouse(QObject):
    """Follows the mouse over `chart.plot`; `chart` is a BarChart, which imports this module
    (it has `plot`, `drawing`, `chart_actions`, `lang` and `sig_bar_hovered`)."""

    def __init__(self, chart: QWidget) -> None:
        super().__init__(chart)
        self.chart = chart
        self.hovered = -1  # the bar under the mouse, -1 for none
        self.readout = QLabel(chart.plot)
        self.readout.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.readout.hide()
        chart.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        chart.plot.customContextMenuRequested.connect(self.on_context_menu)
        chart.plot.scene().sigMouseMoved.connect(self.on_mouse_moved)

    def apply_palette(self) -> None:
        self.readout.setStyleSheet(
            f"color: {palette.TEXT}; background: {palette.BACKGROUND};"
            f" border: 1px solid {palette.BORDER}; border-radius: 3px; padding: 1px 5px;")

    def readout_text(self) -> str:
        return self.readout.text() if self.readout.isVisibleTo(self.chart) else ""

    def on_mouse_moved(self, scene_pos: QPointF) -> None:
        plot, drawing = self.chart.plot, self.chart.drawing
        vb = plot.getPlotItem().getViewBox()
        index = None
        if drawing.placed and vb.sceneBoundingRect().contains(scene_pos):
            point = vb.mapSceneToView(scene_pos)
            index = drawing.bar_at(point.x(), point.y())
        index = -1 if index is None else index
        if index != self.hovered:
            self.hovered = index
            self.chart.sig_bar_hovered.emit(index)
            self._show_readout(index)
        name = self._category_name_at(scene_pos) if index < 0 else ""
        if (index >= 0 and drawing.placed[index].bar.tooltip) or name:
            view_pos = plot.mapFromScene(scene_pos)
            QToolTip.showText(plot.mapToGlobal(view_pos),
                              name or drawing.placed[index].bar.tooltip, plot)
        else:
            QToolTip.hideText()

    def _category_name_at(self, scene_pos: QPointF) -> str:
        """The whole name of the category whose (perhaps wrapped or elided) name is under the
        mouse on the category axis; '' elsewhere."""
        drawing = self.chart.drawing
        if not drawing.placed:
            return ""
        i = category_labels.category_at(self.chart.plot.getPlotItem(), drawing.horizontal,
                                        scene_pos, len(drawing.categories))
        return visible(drawing.categories[i]) if i is not None else ""

    def _show_readout(self, index: int) -> None:
        if index < 0:
            self.readout.hide()
            return
        bar, lang = self.chart.drawing.placed[index].bar, self.chart.lang
        name = f"{bar.label} · {bar.series}" if bar.series and bar.series != bar.label else bar.label
        text = f"{name}: {bar.display}" if bar.display else name
        if bar.derived:
            text += ("" if lang == "zh" else " ") + say("(derived)", lang)
        self.readout.setText(text)
        self.readout.adjustSize()
        self.readout.move(max(0, self.chart.plot.width() - self.readout.width() - 14), 4)
        self.readout.show()
        self.readout.raise_()

    def on_context_menu(self, pos: QPoint) -> None:
        plot, drawing = self.chart.plot, self.chart.drawing
        index = -1
        if drawing.placed:
            vb = plot.getPlotItem().getViewBox()
            point = vb.mapSceneToView(plot.mapToScene(pos))
            found = drawing.bar_at(point.x(), point.y())
            index = -1 if found is None else found
        self.chart.chart_actions.popup(plot.mapToGlobal(pos), index)
