"""What leaves the window: File → Export table… (Ctrl+E), Export all tables… (Ctrl+Shift+E),
Export report… (Ctrl+P), Share card of this tab… (Ctrl+Shift+S) and Copy summary of this tab
(Ctrl+Shift+C). The window's File menu holds the first two; this adds the others."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu

from zoneapp import settings
from zoneapp.core.io.names import safe_file_name
from zoneapp.ui.state import AppState
from zoneapp.ui.window.section_tabs import SectionTabs
from zoneapp.ui.window.write_failure import failure_text
from zoneapp.ui.window.written_notice import WrittenNotice

if TYPE_CHECKING:  # a page imports pandas and pyqtgraph (~0.9 s): not before the first paint
    from zoneapp.ui.tabs.page import SectionPage


class Sharing(QObject):
    """Exports of the state's dataset and of the current tab of `tabs`; its three actions go
    in `file_menu` before `before`. Written files are named by `written_notice`; a failure
    goes to `show_error(title, text)`; `window` is the dialogs' parent and shows status
    messages."""

    def __init__(self, state: AppState, window: QMainWindow, file_menu: QMenu, before: QAction,
                 tabs: SectionTabs, written_notice: WrittenNotice,
                 show_error: Callable[[str, str], None]) -> None:
        super().__init__(window)
        self.state, self.window, self.tabs = state, window, tabs
        self.written_notice, self.show_error = written_notice, show_error
        self.action_report = self._action(self.export_report, "Ctrl+P")
        self.action_share = self._action(self.share_card, "Ctrl+Shift+S")
        self.action_summary = self._action(self.copy_summary, "Ctrl+Shift+C")
        for action in (self.action_report, self.action_share, self.action_summary):
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
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

    # Dialogs tests replace ----------------------------------------------------------------
    def ask_export_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Export all tables to folder"), str(Path.home()))
        return Path(folder) if folder else None

    def ask_save_path(self, title: str, name: str, filter_text: str) -> Path | None:
        start = str(Path(self.state.dataset.folder).parent / safe_file_name(name))
        path, _ = QFileDialog.getSaveFileName(self.window, title, start, filter_text)
        return Path(path) if path else None

    # Tables -------------------------------------------------------------------------------
    def current_table_panel(self):
        """The table panel holding the keyboard focus, else the current tab's first table."""
        from zoneapp.ui.widgets.table_panel import TablePanel

        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, TablePanel):
            widget = widget.parentWidget()
        page = self.tabs.tab_widget.currentWidget()
        if widget is not None and page is not None and page.isAncestorOf(widget):
            return widget
        tables = getattr(page, "tables", None) or {}
        return next(iter(tables.values()), None)

    def export_current_table(self) -> Path | None:
        """Ctrl+E: export the rows shown of the focused table (or the tab's first one)."""
        panel = self.current_table_panel()
        if panel is None:
            self.window.statusBar().showMessage(self.tr("This tab has no table to export."),
                                                4000)
            return None
        return panel.export()

    def connect_exports(self, page: SectionPage) -> None:
        """A table exported from `page` (button, menu or Ctrl+E) is named in the status bar:
        the tables built so far, and each built later, when scrolled to. Asking `page.tables`
        for every panel would build them all, which is what a tab's first show avoids."""
        for panel in page.tables.built().values():
            self._connect_export(panel)
        page.sig_table_built.connect(self._connect_export, Qt.ConnectionType.UniqueConnection)

    @Slot(object)
    def _connect_export(self, panel) -> None:
        panel.sig_exported.connect(self.written_notice.show_written,
                                   Qt.ConnectionType.UniqueConnection)

    def export_all_tables(self) -> list[Path]:
        title = self.tr("Export all tables")
        if self._no_data(title):
            return []
        folder = self.ask_export_folder()
        if folder is None:
            return []
        from zoneapp.core.io.export import export_all

        try:
            written = export_all(self.state.dataset, folder, lang=self.state.language,
                                 encoding=settings.get("export/encoding"))
        except OSError as exc:
            self.show_error(title, self.tr("The tables could not be written:") + "\n\n"
                            + failure_text(exc))
            return []
        self.written_notice.show_written(Path(folder), len(written))
        return list(written)

    # Report, share card, summary ----------------------------------------------------------
    def _current_code(self) -> str:
        return self.tabs.current_code() or self.tabs.sections[0].code

    def _no_data(self, title: str) -> bool:
        if self.state.dataset is None:
            self.show_error(title, self.tr("No data folder is open."))
            return True
        return False

    def _zone_name(self) -> str:
        return self.state.dataset.manifest.name(self.state.language)

    def export_report(self) -> Path | None:
        title = self.tr("Export report")
        if self._no_data(title):
            return None
        path = self.ask_save_path(title, safe_file_name(self._zone_name()) + ".pdf", "PDF (*.pdf)")
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from zoneapp.ui.output.report import write_report

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_report(self.state.dataset, path, self.state.language)
        except OSError as exc:
            self.show_error(title, self.tr("The report could not be written:")
                            + "\n\n" + failure_text(exc, path))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.written_notice.show_written(Path(path))
        return path

    def share_card(self) -> Path | None:
        """Copy the current tab's share card to the clipboard and offer to save it as PNG."""
        title = self.tr("Share card")
        if self._no_data(title):
            return None
        from zoneapp.ui.output.images import save_png
        from zoneapp.ui.output.share_card import share_card_image

        code = self._current_code()
        state = self.state
        image = share_card_image(state.dataset, code, state.language, state.period)
        QGuiApplication.clipboard().setImage(image)
        self.window.statusBar().showMessage(self.tr("Share card copied to the clipboard"), 8000)
        name = safe_file_name(f"{self._zone_name()}_{code}") + ".png"
        path = self.ask_save_path(title, name, "PNG (*.png)")
        if path is None:
            return None
        try:
            save_png(image, path)
        except OSError as exc:
            self.show_error(title, self.tr("The share card could not be saved:")
                            + "\n\n" + failure_text(exc, path))
            return None
        return path

    def copy_summary(self) -> str:
        """One sentence per KPI card of the current tab, copied as text."""
        if self._no_data(self.tr("Copy summary")):
            return ""
        from zoneapp.views.card import summary_text

        state = self.state
        text = summary_text(state.dataset, self._current_code(), state.language, state.period)
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(
            self.tr("%1 sentence(s) copied").replace("%1", str(text.count("\n") + 1 if text else 0)),
            8000)
        return text
