"""The main window: header, a tab per section, menus, status bar; owns the Dataset."""
from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QPushButton,
    QTabWidget, QVBoxLayout, QWidget,
)

from zoneapp import settings
from zoneapp.buildinfo import version_text
from zoneapp.core.problems import LoadError
from zoneapp.ui.window.desktop import DesktopMixin
from zoneapp.ui.window.section_tabs import SectionTabsMixin
from zoneapp.ui.widgets.header import Header
from zoneapp.ui.window.load_worker import FolderLoader, LoadStatus
from zoneapp.ui.widgets.problems_panel import ProblemsPanel

if TYPE_CHECKING:
    from zoneapp.core.dataset import Dataset

PROBLEMS_MAX_HEIGHT = 200  # pixels: the problems dock leaves the tabs most of the window


class MainWindow(SectionTabsMixin, DesktopMixin, QMainWindow):
    """Shows one Dataset; File/View/Help menus; problems in the status bar and a dock.

    `lang` None: the language remembered in the settings. `remember` False (render): the
    settings are neither read nor written. `theme_mode`: "system", "light" or "dark"
    (None: remembered, or light when not remembering). See desktop.DesktopMixin.
    """

    sig_dataset_loaded = Signal(object)

    def __init__(self, lang: str | None = None, parent: QWidget | None = None, *,
                 remember: bool = True, theme_mode: str | None = None):
        super().__init__(parent)
        if lang is None:
            from zoneapp.ui.i18n import install_translator

            lang = settings.get("ui/language") if remember else "zh"
            install_translator(QApplication.instance(), lang)
        self.lang = lang
        self.dataset: Dataset | None = None
        self.data_folder: Path | None = None
        self.tab_pages: dict[str, QWidget] = {}  # one per section; see tab() for a filled one
        self._stale: set[str] = set()  # codes of the tabs not showing `dataset` yet
        self._pending_states: dict[str, dict] = {}  # view states to restore when filled
        self._show_title()
        self.setMinimumSize(960, 600)

        self.header = Header()
        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        self._add_placeholder_tabs()  # the dataset's sections replace them (section_tabs)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tab_widget, 1)
        self.setCentralWidget(central)

        self.problems_panel = ProblemsPanel()
        self.problems_dock = QDockWidget(self.tr("Problems"), self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()

        self.folder_label = QLabel(self.tr("No data folder"))
        self.problems_button = QPushButton(self.tr("Problems: %1").replace("%1", "0"))
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setToolTip(self.tr("Show the problems found in the data folder"))
        self.problems_button.clicked.connect(self.toggle_problems)
        self.statusBar().addWidget(self.folder_label, 1)
        from zoneapp.ui.window.written_notice import WrittenNotice

        self.written_notice = WrittenNotice(self)  # "Exported to …  Open folder"
        self.statusBar().addWidget(self.written_notice)
        self.loader = FolderLoader(self)  # loads off the UI thread: progress and Cancel
        self.loader.sig_loaded.connect(self.set_dataset)
        self.loader.sig_failed.connect(self._load_failed)
        self.statusBar().addPermanentWidget(LoadStatus(self.loader, self))
        self.statusBar().addPermanentWidget(self.problems_button)
        self._build_menus()
        from zoneapp.ui.window.sharing import Sharing  # report, share card, summary, sources, period selector

        self.sharing = Sharing(self)
        self._init_desktop(remember, theme_mode)
        self.retranslate_ui()

    # Menus --------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        """Menus and actions; their texts are set (and reset on a language change) in
        retranslate_ui."""
        file_menu = self.file_menu = self.menuBar().addMenu("")
        self.action_open = self._action(file_menu, "", self.open_folder,
                                        QKeySequence.StandardKey.Open)
        self.action_reload = self._action(file_menu, "", self.reload, "F5")
        self.action_import = self._action(file_menu, "", lambda: self.import_table(), "Ctrl+I")
        self.action_export_table = self._action(file_menu, "", self.export_current_table,
                                                "Ctrl+E")
        self.action_export_all = self._action(file_menu, "", self.export_all_tables,
                                              "Ctrl+Shift+E")
        file_menu.addSeparator()
        self.action_quit = self._action(file_menu, "", self.close, "Ctrl+Q")

        view_menu = self.view_menu = self.menuBar().addMenu("")
        self._view_tabs_end = view_menu.addSeparator()
        self._add_view_actions()  # a tab's entry each, before the separator
        view_menu.addAction(self.problems_dock.toggleViewAction())

        self.help_menu = self.menuBar().addMenu("")
        self.action_about = self._action(self.help_menu, "", self.show_about)

    def retranslate_ui(self) -> None:
        """Every text the window sets itself, in the current language (tabs rebuild)."""
        self.file_menu.setTitle(self.tr("&File"))
        self.action_open.setText(self.tr("&Open data folder…"))
        self.action_reload.setText(self.tr("&Reload"))
        self.action_import.setText(self.tr("&Import table…"))
        self.action_export_table.setText(self.tr("Export &table…"))
        self.action_export_all.setText(self.tr("&Export all tables…"))
        self.action_quit.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.action_about.setText(self.tr("&About ZoneApp"))
        self._retranslate_tabs()
        self.problems_dock.setWindowTitle(self.tr("Problems"))
        self.problems_button.setText(self.problems_count_text())
        self.problems_button.setToolTip(self.tr("Show the problems found in the data folder"))
        if self.dataset is None:
            self.folder_label.setText(self.tr("No data folder"))
            self._show_title()
        else:
            self.folder_label.setText(
                self.tr("Data folder: %1").replace("%1", str(self.dataset.folder)))
            self._show_title(self.dataset.manifest.name(self.lang))
        self._retranslate_desktop()

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # Dialogs tests replace -----------------------------------------------------------------
    def ask_folder(self) -> Path | None:
        start = str(self.data_folder or Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open data folder"), start)
        return Path(folder) if folder else None

    def ask_export_folder(self) -> Path | None:
        start = str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export all tables to folder"), start)
        return Path(folder) if folder else None

    def show_error(self, title: str, text: str) -> None:
        if self.auto_reload_failed(title, text):  # the folder changed on disk: status bar only
            return
        QMessageBox.critical(self, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    # Loading -------------------------------------------------------------------------------
    def load_folder(self, folder: Path) -> bool:
        """Load `folder` now and show it; a folder that cannot be opened leaves the window as
        is. (`load_folder_in_background` does the same off the UI thread.)"""
        from zoneapp.core.loading import load_dataset

        folder = Path(folder)
        try:
            dataset = load_dataset(folder, previous=self._same_folder_dataset(folder))
        except (LoadError, OSError) as exc:
            return self._load_failed(folder, exc)
        self.set_dataset(dataset)
        return True

    def load_folder_in_background(self, folder: Path) -> None:
        """Load `folder` on a worker thread with progress and Cancel in the status bar; the
        data shown stays until the load succeeds (a failed or cancelled one keeps it)."""
        self.loader.start(Path(folder), self._same_folder_dataset(folder))

    def _same_folder_dataset(self, folder: Path) -> Dataset | None:
        """The dataset shown when it is `folder`'s: a reload keeps what it cannot read."""
        shown = self.dataset
        return shown if shown is not None and Path(shown.folder) == Path(folder) else None

    def _load_failed(self, folder: Path, exc: BaseException) -> bool:
        if isinstance(exc, LoadError):
            detail = exc.message(self.lang)
        elif isinstance(exc, OSError):
            detail = str(exc)
        else:
            detail = f"{type(exc).__name__}: {exc}"
        head = self.tr("%1 cannot be opened:").replace("%1", str(folder))
        if not isinstance(exc, LoadError):
            head = str(folder)
        self.show_error(self.tr("Cannot open data folder"), f"{head}\n\n{detail}")
        return False

    def open_folder(self) -> None:
        folder = self.ask_folder()
        if folder is not None:
            self.load_folder_in_background(folder)

    def reload(self) -> None:
        """F5: load the folder again off the UI thread (progress and Cancel in the status
        bar); the data shown stays until the new load is done."""
        if self.data_folder is not None:
            self.load_folder_in_background(self.data_folder)

    def set_dataset(self, dataset: Dataset) -> None:
        """Show `dataset`: the current tab is filled now, each other one when first shown
        (`tab(code)`). A reload of the same folder, or a new language, keeps every tab's sort,
        filter and selection. A dataset with other sections than those shown gets new tabs."""
        self._show_sections(dataset.sections)
        previous_folder = self.data_folder if self.dataset is not None else None
        self.dataset = dataset
        self.data_folder = Path(dataset.folder)
        manifest = dataset.manifest
        description = manifest.description_zh if self.lang == "zh" else manifest.description_en
        self.header.set_zone(manifest.name(self.lang), manifest.period_label(), description)
        self._show_title(manifest.name(self.lang))
        if previous_folder == self.data_folder:  # a tab not filled since keeps its old state
            for code, page in self.tab_pages.items():
                if code not in self._stale and hasattr(page, "view_state"):
                    self._pending_states[code] = page.view_state()
        else:
            self._pending_states.clear()
        self._stale = set(self.tab_pages)
        self._fill_current()
        self._folder_shown(self.data_folder)
        self._show_problems(dataset)
        self.sig_dataset_loaded.emit(dataset)

    def redisplay(self) -> None:
        """The same dataset again, in a new language or theme: the header, the problems'
        wording and the current tab now (its widgets updated in place), the others when
        shown. Nothing is loaded or worked out again that does not depend on either."""
        if self.dataset is None:
            return
        manifest = self.dataset.manifest
        description = manifest.description_zh if self.lang == "zh" else manifest.description_en
        self.header.set_zone(manifest.name(self.lang), manifest.period_label(), description)
        self.setWindowTitle(f"{manifest.name(self.lang)} — {self._app_title()}")
        self.folder_label.setText(
            self.tr("Data folder: %1").replace("%1", str(self.dataset.folder)))
        self.problems_panel.set_problems(self.dataset.problems, self.lang)
        self._stale = set(self.tab_pages)
        self._fill_current()

    def is_filled(self, code: str) -> bool:
        """Whether the tab `code` shows the current dataset (else it is filled when shown)."""
        return code in self.tab_pages and code not in self._stale

    def _show_problems(self, dataset: Dataset) -> None:
        problems = dataset.problems
        self.folder_label.setText(self.tr("Data folder: %1").replace("%1", str(dataset.folder)))
        self.problems_button.setText(self.problems_count_text())
        self.problems_button.setProperty("hasProblems", bool(problems))
        self.problems_button.style().unpolish(self.problems_button)
        self.problems_button.style().polish(self.problems_button)
        self.problems_panel.set_problems(problems, self.lang)
        if self.docks_restored:  # shown or closed, at its size, as the user left it
            return
        if problems and not self.problems_dock.isVisible():
            self.show_problems_dock()
        elif not problems:
            self.problems_dock.hide()

    def show_problems_dock(self) -> None:
        """Open the problems dock at the height its lines need (one line: "No problems")."""
        count = len(self.dataset.problems) if self.dataset is not None else 0
        self.problems_dock.show()
        height = min(PROBLEMS_MAX_HEIGHT, 70 + 24 * max(1, count))
        self.resizeDocks([self.problems_dock], [height], Qt.Orientation.Vertical)

    def problems_count_text(self) -> str:
        count = len(self.dataset.problems) if self.dataset is not None else 0
        return self.tr("Problems: %1").replace("%1", str(count))

    def toggle_problems(self) -> None:
        self.problems_dock.setVisible(not self.problems_dock.isVisible())

    # Tabs ----------------------------------------------------------------------------------
    def tab(self, code: str) -> QWidget | None:
        """The page of section `code`, filled with the current dataset first if it is not yet
        (tabs are filled when first shown). Everything that reads a tab's cards, charts or
        tables goes through here."""
        page = self.tab_pages.get(code)
        if page is not None and code in self._stale and self.dataset is not None:
            self._stale.discard(code)
            page.set_dataset(self.dataset, self.lang, self.header.selected_period())
            self.connect_exports(page)
            state = self._pending_states.pop(code, None)
            if state is not None:
                page.restore_view_state(state)
        return page

    # Import (the one write into a data folder, confirmed by the user) ----------------------
    def import_table(self, file: Path | None = None):
        """File → Import table… or a table file dropped: the import dialog (opened, not run);
        None when no file was chosen."""
        from zoneapp.ui.window.import_dialog import ask_table_file, start_import

        file = file or ask_table_file(self, self.data_folder)
        return start_import(self, file) if file is not None else None

    # Export --------------------------------------------------------------------------------
    def current_table_panel(self):
        """The table panel holding the keyboard focus, else the current tab's first table."""
        from zoneapp.ui.widgets.table_panel import TablePanel

        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, TablePanel):
            widget = widget.parentWidget()
        page = self.tab_widget.currentWidget()
        if widget is not None and page is not None and page.isAncestorOf(widget):
            return widget
        tables = getattr(page, "tables", None) or {}
        return next(iter(tables.values()), None)

    def export_current_table(self) -> Path | None:
        """Ctrl+E: export the rows shown of the focused table (or the tab's first one)."""
        panel = self.current_table_panel()
        if panel is None:
            self.statusBar().showMessage(self.tr("This tab has no table to export."), 4000)
            return None
        return panel.export()

    def connect_exports(self, page: QWidget) -> None:
        """A table exported from `page` (button, menu or Ctrl+E) is named in the status bar."""
        for panel in getattr(page, "tables", {}).values():
            panel.sig_exported.connect(self.written_notice.show_written,
                                       Qt.ConnectionType.UniqueConnection)

    def export_all_tables(self) -> list[Path]:
        if self.dataset is None:
            self.show_error(self.tr("Export all tables"), self.tr("No data folder is open."))
            return []
        folder = self.ask_export_folder()
        if folder is None:
            return []
        from zoneapp.core.io.export import export_all

        try:
            written = export_all(self.dataset, folder, lang=self.lang,
                                 encoding=self.export_encoding())
        except OSError as exc:
            from zoneapp.ui.window.write_failure import failure_text

            self.show_error(self.tr("Export all tables"),
                            self.tr("The tables could not be written:") + "\n\n"
                            + failure_text(exc))
            return []
        self.written_notice.show_written(Path(folder), len(written))
        return list(written)

    # About ---------------------------------------------------------------------------------
    def _app_title(self) -> str:
        return self.tr("ZoneApp Indicator Dashboard")

    def _show_title(self, zone: str = "") -> None:
        """"Zone — app name". Qt appends applicationDisplayName to a title that does not end
        with it, so the display name is the app's name in the current language: shown once."""
        QApplication.setApplicationDisplayName(self._app_title())
        self.setWindowTitle(f"{zone} — {self._app_title()}" if zone else self._app_title())

    def about_text(self) -> str:
        lines = [f"<h3>{self._app_title()}</h3>",
                 "<p>" + html.escape(version_text(self.lang)) + "</p>"]
        if self.dataset is not None:
            manifest = self.dataset.manifest
            lines.append("<p>" + self.tr("Data: %1 (%2), folder %3")
                         .replace("%1", html.escape(manifest.name(self.lang)))
                         .replace("%2", manifest.period_label())
                         .replace("%3", str(self.dataset.folder)) + "</p>")
            if manifest.sources:
                lines.append("<p><b>" + self.tr("Sources") + "</b></p><ul>")
                for source in manifest.sources:
                    parts = [source.title, source.publication, source.author, source.date]
                    lines.append("<li>" + html.escape(", ".join(p for p in parts if p)) + "</li>")
                lines.append("</ul>")
        else:
            lines.append("<p>" + self.tr("No data folder is open.") + "</p>")
        lines.append("<p>" + self.tr("Chinese text is set in the system's Chinese UI font "
                                     "(Microsoft YaHei, PingFang SC, Noto Sans CJK SC, …) or, "
                                     "without one, in the Noto Sans CJK SC subset ZoneApp ships "
                                     "(SIL Open Font License).") + "</p>")
        from zoneapp.crashlog import log_note

        lines.append("<p>" + html.escape(log_note(self.lang)) + "</p>")
        return "\n".join(lines)

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About ZoneApp"),
                          self.about_text(), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()
