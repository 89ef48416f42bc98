"""View → Source panel: a dock that says where a figure or row came from (file, row,
publication), opened when a page asks for a source."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from zoneapp.ui.state import AppState
from zoneapp.ui.widgets.source_panel import SourcePanel


class SourceDock(QDockWidget):
    """Docked right of `window`, hidden until a page's `sig_source_requested` (see `follow`)."""

    def __init__(self, state: AppState, window: QMainWindow) -> None:
        super().__init__(window)
        self.state = state
        self.setObjectName("sourceDock")
        self.panel = SourcePanel()
        self.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Source"))
        self.toggleViewAction().setText(self.tr("Source panel"))

    def follow(self, page: QWidget) -> None:
        """Show the source of what `page` asks for (a page made for a new dataset)."""
        page.sig_source_requested.connect(self.show_source)

    def show_source(self, row) -> None:
        self.panel.show_figure(row, self.state.dataset, self.state.language)
        self.show()
        self.raise_()
