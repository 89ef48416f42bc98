"""The main window: header, a tab per section, menus, status bar. It holds the AppState and
hands each of its parts (controllers, docks) what that part needs."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget,
)

from zoneapp import settings
from zoneapp.core.periods import reported_periods
from zoneapp.core.problems import LoadError
from zoneapp.ui.application import app_icon
from zoneapp.ui.state import AppState
from zoneapp.ui.window.about import about_text, app_title
from zoneapp.ui.widgets.header import Header
from zoneapp.ui.window.drop_reload import DropAndReload
from zoneapp.ui.window.load_worker import FolderLoader, LoadStatus, load_cache_dir
from zoneapp.ui.window.preferences import Preferences
from zoneapp.ui.window.problems import Problems
from zoneapp.ui.window.recent_folders import RecentFolders
from zoneapp.ui.window.section_tabs import SectionTabs
from zoneapp.ui.window.sharing import Sharing
from zoneapp.ui.window.source_dock import SourceDock
from zoneapp.ui.window.written_notice import WrittenNotice

if TYPE_CHECKING:
    from zoneapp.core.dataset import Dataset


class MainWindow(QMainWindow):
    """Shows one Dataset; File/View/Help menus; problems in the status bar and a dock.

    `lang` None: the language remembered in the settings. `remember` False (render): the
    settings are neither read nor written. `theme_mode`: "system", "light" or "dark"
    (None: remembered, or light when not remembering).
    """

    sig_dataset_loaded = Signal(object)
    _built = False  # True once the constructor has made every part (see changeEvent)

    def __init__(self, lang: str | None = None, parent: QWidget | None = None, *,
                 remember: bool = True, theme_mode: str | None = None):
        super().__init__(parent)
        if lang is None:
            from zoneapp.ui.i18n import install_translator

            lang = settings.get("ui/language") if remember else "zh"
            install_translator(QApplication.instance(), lang)
        theme_mode = theme_mode or (settings.get("ui/theme") if remember else "light")
        self.state = AppState(lang, theme_mode, self)
        self.remember = remember
        self.setMinimumSize(960, 600)
        self.setWindowIcon(app_icon())
        self.header = Header()
        self.header.sig_period_changed.connect(self.state.set_period)
        self.state.period_changed.connect(self.header.select_period)  # a loop stops: no change
        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tab_widget, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_parts()
        self._built = True
        self.retranslate_ui()
        if remember:
            self.restore_window_settings()

    def _build_parts(self) -> None:
        """The controllers, each given what it uses. Preferences connects to the state first:
        its slots install the translator and colours before anything repaints (see AppState)."""
        state, status = self.state, self.statusBar()
        self.written_notice = WrittenNotice(self)  # "Exported to …  Open folder"
        self.preferences = Preferences(state, self.file_menu, self.action_quit, self.view_menu,
                                       self.tab_widget, status, self.remember)
        self.file_menu.insertSeparator(self.action_quit)
        self.recent_folders = RecentFolders(state, self.file_menu, self.action_export_all,
                                            self.load_folder_in_background, self.remember)
        self.tabs = SectionTabs(state, self.tab_widget, self.view_menu, self._view_tabs_end,
                                self.remember)
        self.sharing = Sharing(state, self, self.file_menu,
                               self.preferences.encoding_menu.menuAction(), self.tabs,
                               self.written_notice, lambda t, x: self.show_error(t, x))
        self.problems = Problems(state, self, self.tabs, self.header)
        self.problems_panel, self.problems_dock = self.problems.panel, self.problems.dock
        self.problems_button = self.problems.button
        self.view_menu.insertAction(self.action_find, self.problems_dock.toggleViewAction())
        self.source_dock = SourceDock(state, self)
        self.view_menu.insertAction(self.action_find, self.source_dock.toggleViewAction())
        self.drop_reload = DropAndReload(state, self, self.load_folder_in_background,
                                         lambda file: self.import_table(file))
        self.tabs.sig_page_made.connect(self.source_dock.follow)
        self.tabs.sig_page_filled.connect(self.sharing.connect_exports)
        self.preferences.sig_colours_changed.connect(self.tabs.refresh)
        self.preferences.sig_colours_changed.connect(self.problems.show_list)
        state.language_changed.connect(self.retranslate_ui)

        self.folder_label = QLabel()
        status.addWidget(self.folder_label, 1)
        status.addWidget(self.written_notice)
        # Loads off the UI thread (progress and Cancel); an unchanged folder from its last load.
        self.loader = FolderLoader(self, load_cache_dir())
        self.loader.sig_loaded.connect(self.set_dataset)
        self.loader.sig_failed.connect(self._load_failed)
        status.addPermanentWidget(LoadStatus(self.loader, self))
        status.addPermanentWidget(self.problems_button)

    # Menus --------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        """The window's own menus and actions; the parts add theirs. Texts are set (and reset
        on a language change) in retranslate_ui."""
        file_menu = self.file_menu = self.menuBar().addMenu("")
        self.action_open = self._action(file_menu, self.open_folder, QKeySequence.StandardKey.Open)
        self.action_reload = self._action(file_menu, self.reload, "F5")
        self.action_import = self._action(file_menu, lambda: self.import_table(), "Ctrl+I")
        self.action_export_table = self._action(file_menu, self.export_current_table, "Ctrl+E")
        self.action_export_all = self._action(file_menu, self.export_all_tables, "Ctrl+Shift+E")
        file_menu.addSeparator()
        self.action_quit = self._action(file_menu, self.close, "Ctrl+Q")

        view_menu = self.view_menu = self.menuBar().addMenu("")
        self._view_tabs_end = view_menu.addSeparator()  # a tab's entry each, before it
        self.action_find = self._action(view_menu, self.focus_search, "Ctrl+F")
        self.action_problems = self._action(view_menu, self.focus_problems, "F8")
        view_menu.addSeparator()

        self.help_menu = self.menuBar().addMenu("")
        self.action_about = self._action(self.help_menu, self.show_about)

    def retranslate_ui(self, *_args) -> None:
        """Every text the window and its parts set themselves, in the current language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.action_open.setText(self.tr("&Open data folder…"))
        self.action_reload.setText(self.tr("&Reload"))
        self.action_import.setText(self.tr("&Import table…"))
        self.action_export_table.setText(self.tr("Export &table…"))
        self.action_export_all.setText(self.tr("&Export all tables…"))
        self.action_quit.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.action_find.setText(self.tr("&Search in table"))
        self.action_problems.setText(self.tr("Go to &problems"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.action_about.setText(self.tr("&About ZoneApp"))
        for part in (self.preferences, self.recent_folders, self.tabs, self.problems,
                     self.source_dock, self.sharing):
            part.retranslate_ui()
        self._show_zone()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and self._built:
            self.retranslate_ui()
        super().changeEvent(event)

    def _action(self, menu, slot, shortcut=None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # The state, and what other modules ask of the window ----------------------------------
    @property
    def dataset(self) -> Dataset | None:
        return self.state.dataset

    @property
    def lang(self) -> str:
        return self.state.language

    @property
    def data_folder(self) -> Path | None:
        return Path(self.dataset.folder) if self.dataset is not None else None

    def set_language(self, lang: str) -> None:
        """Every string, header, chart label and number format in `lang` ("zh"/"en")."""
        self.preferences.set_language(lang)

    def set_theme(self, mode: str, save: bool = True) -> str:
        """"system", "light" or "dark"; charts, cards and tables repaint. -> light/dark."""
        return self.preferences.set_theme(mode, save)

    def tab(self, code: str) -> QWidget | None:
        """The page of section `code`, filled first if not yet (see SectionTabs.tab)."""
        return self.tabs.tab(code)

    def select_tab(self, code: str) -> QWidget:
        return self.tabs.select_tab(code)

    def current_code(self) -> str | None:
        return self.tabs.current_code()

    def is_filled(self, code: str) -> bool:
        return self.tabs.is_filled(code)

    @property
    def sections(self) -> tuple:
        return self.tabs.sections

    @property
    def tab_pages(self) -> dict[str, QWidget]:
        return self.tabs.pages

    def show_problem(self, problem) -> bool:
        return self.problems.show_problem(problem)

    def focus_problems(self) -> None:
        self.problems.focus()

    def focus_search(self) -> bool:
        """Ctrl+F: the current tab's first search box, its text selected."""
        if self.tabs.focus_search():
            return True
        self.statusBar().showMessage(self.tr("This tab has no table to search."), 4000)
        return False

    # Dialogs tests replace -----------------------------------------------------------------
    def ask_folder(self) -> Path | None:
        start = str(self.data_folder or Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open data folder"), start)
        return Path(folder) if folder else None

    def show_error(self, title: str, text: str) -> None:
        if self.drop_reload.auto_reload_failed(title, text):  # changed on disk: status bar
            return
        QMessageBox.critical(self, title, text)

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
            head = self.tr("%1 cannot be opened:").replace("%1", str(folder))
        else:
            detail = str(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
            head = str(folder)
        self.show_error(self.tr("Cannot open data folder"), f"{head}\n\n{detail}")
        return False

    def open_folder(self) -> None:
        folder = self.ask_folder()
        if folder is not None:
            self.load_folder_in_background(folder)

    def reload(self) -> None:
        """F5: load the folder again off the UI thread; the data shown stays meanwhile."""
        if self.data_folder is not None:
            self.load_folder_in_background(self.data_folder)

    def set_dataset(self, dataset: Dataset) -> None:
        """Show `dataset`: the current tab is filled now, each other one when first shown
        (`tab(code)`). A reload of the same folder keeps every tab's sort, filter and
        selection; a dataset with other sections gets new tabs."""
        periods = reported_periods(dataset)
        if periods != self.header.periods():
            self.header.set_periods(periods)  # "All years" chosen, without a signal
        self.state.set_period(self.header.selected_period())
        self.state.set_dataset(dataset)
        self._show_zone()
        self.sig_dataset_loaded.emit(dataset)

    def _show_zone(self) -> None:
        """The header, the title and the folder label for the dataset shown, if any."""
        dataset, lang = self.dataset, self.lang
        if dataset is None:
            self.folder_label.setText(self.tr("No data folder"))
            return self._show_title()
        manifest = dataset.manifest
        description = manifest.description_zh if lang == "zh" else manifest.description_en
        self.header.set_zone(manifest.name(lang), manifest.period_label(), description)
        self._show_title(manifest.name(lang))
        self.folder_label.setText(self.tr("Data folder: %1").replace("%1", str(dataset.folder)))

    # Import (the one write into a data folder, confirmed by the user) ----------------------
    def import_table(self, file: Path | None = None):
        """File → Import table… or a table file dropped: the import dialog (opened, not run);
        None when no file was chosen."""
        from zoneapp.ui.window.import_start import ask_table_file, start_import

        file = file or ask_table_file(self, self.data_folder)
        return start_import(self, file) if file is not None else None

    # Export (see Sharing) -----------------------------------------------------------------
    def export_current_table(self) -> Path | None:
        return self.sharing.export_current_table()

    def export_all_tables(self) -> list[Path]:
        return self.sharing.export_all_tables()

    # Settings kept between sessions --------------------------------------------------------
    def restore_window_settings(self) -> None:
        """Geometry, docks and the last tab from the previous session."""
        geometry = settings.get("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        state = settings.get("window/state")
        # Docks keep their size and closed state: a load no longer opens or resizes them.
        self.problems.docks_restored = bool(state) and self.restoreState(state)
        self.tabs.restore_last_tab()

    def save_window_settings(self) -> None:
        settings.set_value("window/geometry", bytes(self.saveGeometry().data()))
        settings.set_value("window/state", bytes(self.saveState().data()))
        self.tabs.remember_current()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.remember:
            self.save_window_settings()
        self.drop_reload.stop()
        self.loader.cancel()  # a load still running stops at its next table
        super().closeEvent(event)

    # Title and About -----------------------------------------------------------------------
    def _show_title(self, zone: str = "") -> None:
        """"Zone — app name". Qt appends applicationDisplayName to a title that does not end
        with it, so the display name is the app's name in the current language: shown once."""
        QApplication.setApplicationDisplayName(app_title())
        self.setWindowTitle(f"{zone} — {app_title()}" if zone else app_title())

    def about_text(self) -> str:
        return about_text(self.dataset, self.lang)

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About ZoneApp"),
                          self.about_text(), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()
