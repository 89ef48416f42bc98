"""A chart's actions: save as PNG or SVG, copy, export data as CSV, reset zoom, show source.

`ChartActions` holds the QActions and their slots; the small toolbar above the plot and the
right-click menu both show them. `ask_save_path` and `show_error` wrap the modal dialogs so
tests can replace them.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMenu, QMessageBox, QToolButton, QWidget

from zoneapp.core.io.names import safe_file_name
from zoneapp.ui.widgets.write_failure import failure_text

FILTERS = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "csv": "CSV (UTF-8 带 BOM) (*.csv)"}


def _chart_export():
    """chart_export (and the CSV writer behind it), imported on first use: showing a chart
    at start-up does not need it."""
    from zoneapp.ui.widgets import chart_export

    return chart_export


def file_name(title: str, suffix: str) -> str:
    """A file name from the chart's title, safe on Windows."""
    stem = re.sub(r'[<>:"/\\|?*\s]+', "_", title).strip("_.")[:60] or "chart"
    return f"{safe_file_name(stem, 'chart')}.{suffix}"


class ChartActions(QObject):
    """The actions one chart offers; `chart.lang` picks the CSV headers' language."""

    def __init__(self, chart: QWidget) -> None:  # a BarChart, which imports this module
        super().__init__(chart)
        self.chart = chart
        self.last_dir = Path.home()
        self.save_png = self._make(self.export_png)
        self.save_svg = self._make(self.export_svg)
        self.copy = self._make(self.copy_image)
        self.save_csv = self._make(self.export_csv)
        self.reset_zoom = self._make(chart.reset_zoom)
        self.reset_zoom.setEnabled(False)
        self.source = self._make(self._show_source)
        self._source_index = -1
        self.retranslate_ui()

    def _make(self, slot) -> QAction:
        action = QAction(self.chart)
        action.triggered.connect(lambda _=False: slot())
        return action

    def retranslate_ui(self) -> None:
        self.save_png.setText(self.tr("Save as PNG…"))
        self.save_svg.setText(self.tr("Save as SVG…"))
        self.copy.setText(self.tr("Copy image"))
        self.save_csv.setText(self.tr("Export data as CSV…"))
        self.reset_zoom.setText(self.tr("Reset zoom"))
        self.reset_zoom.setToolTip(self.tr("Back to the whole chart (Ctrl+wheel zooms, as does "
                                           "the wheel after a click on the chart; drag to pan)"))
        self.source.setText(self.tr("Source…"))

    # Dialogs tests replace --------------------------------------------------------------
    def ask_save_path(self, kind: str) -> Path | None:
        start = str(self.last_dir / file_name(self.chart.title_text(), kind))
        path, _ = QFileDialog.getSaveFileName(self.chart, self.tr("Save chart"), start,
                                              FILTERS[kind])
        if not path:
            return None
        path = Path(path)
        self.last_dir = path.parent
        return path if path.suffix.lower() == f".{kind}" else path.with_name(path.name + f".{kind}")

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.chart, title, text)

    # Slots ------------------------------------------------------------------------------
    def _save(self, kind: str, writer) -> Path | None:
        path = self.ask_save_path(kind)
        if path is None:
            return None
        try:
            return writer(path)
        except (OSError, ValueError) as exc:
            self.show_error(self.tr("Save chart"),
                            self.tr("The chart could not be saved:") + "\n\n"
                            + failure_text(exc, path))
            return None

    def export_png(self) -> Path | None:
        return self._save("png", lambda p: _chart_export().save_png(self.chart, p))

    def export_svg(self) -> Path | None:
        return self._save("svg", lambda p: _chart_export().save_svg(self.chart, p))

    def export_csv(self) -> Path | None:
        return self._save("csv", lambda p: _chart_export().save_csv(self.chart, p, self.chart.lang))

    def copy_image(self) -> None:
        _chart_export().copy_image(self.chart)

    def _show_source(self) -> None:
        if self._source_index >= 0:
            self.chart.request_source(self._source_index)

    # Menu -------------------------------------------------------------------------------
    def menu(self, bar_index: int = -1) -> QMenu:
        """The right-click menu; with a bar under the mouse that has a figure, "Source…" first."""
        menu = QMenu(self.chart)
        self._source_index = bar_index
        bars = self.chart.bars()
        if 0 <= bar_index < len(bars) and bars[bar_index].ref is not None:
            menu.addAction(self.source)
            menu.addSeparator()
        for action in (self.copy, self.save_png, self.save_svg, self.save_csv):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.reset_zoom)
        return menu

    def popup(self, global_pos: QPoint, bar_index: int = -1) -> None:
        self.menu(bar_index).popup(global_pos)


class ChartToolbar(QWidget):
    """Small buttons beside the chart's title: Copy image, Save ▾ (PNG, SVG, CSV), Reset zoom."""

    def __init__(self, actions: ChartActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.copy_button = self._button(actions.copy)
        self.save_button = QToolButton(self)
        self.save_button.setAutoRaise(True)
        self.save_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.save_menu = QMenu(self.save_button)
        for action in (actions.save_png, actions.save_svg, actions.save_csv):
            self.save_menu.addAction(action)
        self.save_button.setMenu(self.save_menu)
        # The label carries its own arrow: some styles draw the menu indicator as a dot that
        # reads as "。" after Chinese text ("保存。").
        self.save_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.reset_button = self._button(actions.reset_zoom)
        for button in (self.copy_button, self.save_button, self.reset_button):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            layout.addWidget(button)
        self.retranslate_ui()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setAutoRaise(True)
        button.setDefaultAction(action)
        return button

    def retranslate_ui(self) -> None:
        self.save_button.setText(self.tr("Save") + " ▾")
