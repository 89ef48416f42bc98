"""The main window's meeting tools: period selector wiring, source dock, PDF report, share card,
copy summary. Kept out of main_window.py, which creates one `Sharing(window)`.

Menu entries: File → Export report… (Ctrl+P), Share card of this tab… (Ctrl+Shift+S) and
Copy summary of this tab (Ctrl+Shift+C); View → Source panel.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow

from zoneapp.core.io.names import safe_file_name
from zoneapp.core.periods import reported_periods

from zoneapp.ui.widgets.source_panel import SourcePanel
from zoneapp.ui.window.write_failure import failure_text


class Sharing(QObject):
    """Adds the actions to `window`'s menus and keeps the tabs on the header's period."""

    def __init__(self, window: QMainWindow) -> None:  # the MainWindow that creates it
        super().__init__(window)
        self.window = window
        self.source_panel = SourcePanel()
        self.source_dock = QDockWidget(window)
        self.source_dock.setObjectName("sourceDock")
        self.source_dock.setWidget(self.source_panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.source_dock)
        self.source_dock.hide()
        self._connected: set[int] = set()
        self.action_report = self._action(self.export_report, "Ctrl+P")
        self.action_share = self._action(self.share_card, "Ctrl+Shift+S")
        self.action_summary = self._action(self.copy_summary, "Ctrl+Shift+C")
        file_menu = window.file_menu
        before = window.action_quit
        file_menu.insertAction(before, self.action_report)
        file_menu.insertAction(before, self.action_share)
        file_menu.insertAction(before, self.action_summary)
        file_menu.insertSeparator(before)
        window.view_menu.addAction(self.source_dock.toggleViewAction())
        window.header.sig_period_changed.connect(self.apply_period)
        window.sig_dataset_loaded.connect(self._on_dataset_loaded)
        window.installEventFilter(self)
        self.retranslate_ui()

    def _action(self, slot, shortcut: str) -> QAction:
        action = QAction(self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        return action

    def retranslate_ui(self) -> None:
        self.action_report.setText(self.tr("Export &report (PDF)…"))
        self.action_share.setText(self.tr("&Share card of this tab…"))
        self.action_summary.setText(self.tr("Copy s&ummary of this tab"))
        self.source_dock.setWindowTitle(self.tr("Source"))
        self.source_dock.toggleViewAction().setText(self.tr("Source panel"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    # Dialogs tests replace ----------------------------------------------------------------
    def ask_save_path(self, title: str, name: str, filter_text: str) -> Path | None:
        start = str((self.window.data_folder or Path.home()).parent / safe_file_name(name))
        path, _ = QFileDialog.getSaveFileName(self.window, title, start, filter_text)
        return Path(path) if path else None

    # Periods and sources ------------------------------------------------------------------
    def _on_dataset_loaded(self, dataset) -> None:
        header = self.window.header
        periods = reported_periods(dataset)
        if periods != header.periods():
            header.set_periods(periods)
        for page in self.window.tab_pages.values():
            if id(page) not in self._connected and hasattr(page, "sig_source_requested"):
                page.sig_source_requested.connect(self.show_source)
                self._connected.add(id(page))
        self.apply_period(header.selected_period())  # the filled tab took the one before

    def apply_period(self, period: int | None) -> None:
        """The tables and KPI cards of every tab show `period` (None: all years); a tab not
        filled yet takes the header's period when it is."""
        for code, page in self.window.tab_pages.items():
            if hasattr(page, "set_period") and self.window.is_filled(code):
                page.set_period(period)
                self.window.connect_exports(page)  # its tables were made anew

    def show_source(self, row) -> None:
        self.source_panel.show_figure(row, self.window.dataset, self.window.lang)
        self.source_dock.show()
        self.source_dock.raise_()

    # Report, share card, summary ----------------------------------------------------------
    def _current_code(self) -> str:
        return self.window.current_code() or self.window.sections[0].code

    def _no_data(self, title: str) -> bool:
        if self.window.dataset is None:
            self.window.show_error(title, self.tr("No data folder is open."))
            return True
        return False

    def export_report(self) -> Path | None:
        title = self.tr("Export report")
        if self._no_data(title):
            return None
        name = safe_file_name(self.window.dataset.manifest.name(self.window.lang)) + ".pdf"
        path = self.ask_save_path(title, name, "PDF (*.pdf)")
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from zoneapp.ui.output.report import write_report

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_report(self.window.dataset, path, self.window.lang)
        except OSError as exc:
            self.window.show_error(title, self.tr("The report could not be written:")
                                   + "\n\n" + failure_text(exc, path))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.window.written_notice.show_written(Path(path))
        return path

    def share_card(self) -> Path | None:
        """Copy the current tab's share card to the clipboard and offer to save it as PNG."""
        title = self.tr("Share card")
        if self._no_data(title):
            return None
        from zoneapp.ui.output.images import save_png
        from zoneapp.ui.output.share_card import share_card_image

        code = self._current_code()
        image = share_card_image(self.window.dataset, code, self.window.lang,
                                 self.window.header.selected_period())
        QGuiApplication.clipboard().setImage(image)
        self.window.statusBar().showMessage(self.tr("Share card copied to the clipboard"), 8000)
        name = safe_file_name(f"{self.window.dataset.manifest.name(self.window.lang)}_{code}") \
            + ".png"
        path = self.ask_save_path(title, name, "PNG (*.png)")
        if path is None:
            return None
        try:
            save_png(image, path)
        except OSError as exc:
            self.window.show_error(title, self.tr("The share card could not be saved:")
                                   + "\n\n" + failure_text(exc, path))
            return None
        return path

    def copy_summary(self) -> str:
        """One sentence per KPI card of the current tab, copied as text."""
        if self._no_data(self.tr("Copy summary")):
            return ""
        from zoneapp.views.card import summary_text

        text = summary_text(self.window.dataset, self._current_code(), self.window.lang,
                            self.window.header.selected_period())
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(
            self.tr("%1 sentence(s) copied").replace("%1", str(text.count("\n") + 1 if text else 0)),
            8000)
        return text
