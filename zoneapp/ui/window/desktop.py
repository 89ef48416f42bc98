"""The main window at home on the desktop: language, theme, remembered settings, recent
folders, drag and drop, auto-reload, keyboard focus and the problems panel's "go to row".

`DesktopMixin` is mixed into MainWindow (before QMainWindow), which calls `_init_desktop()` at
the end of its constructor and provides `lang`, `dataset`, `data_folder`, `tab_widget`,
`tab_pages`, `file_menu`, `view_menu`, `problems_panel`, `problems_dock`, `load_folder`,
`import_table`, `set_dataset` and `retranslate_ui`.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from zoneapp import paths, settings
from zoneapp.core.schema import MANIFEST_NAME, TABLES_BY_NAME
from zoneapp.ui import theme
from zoneapp.core.stale import stale_status
from zoneapp.ui.window.folder_watcher import FolderWatcher
from zoneapp.ui.window.growth_menu import GrowthColoursMenu

# Language names are shown in their own language, whatever the current one is.
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
DATA_SUFFIXES = (".csv", ".xlsx", ".toml")
# A dropped file of these kinds that is not one of a data folder's own files is imported.
IMPORT_SUFFIXES = (".xlsx", ".xls", ".csv", ".tsv")
ICON_FILES = ("zoneapp.svg", "zoneapp.png")


def app_icon() -> QIcon:
    """The application icon: the SVG where Qt can draw it, the PNG rendering otherwise."""
    icon = QIcon()
    for name in ICON_FILES:
        path = paths.ICONS / name
        if path.exists():
            icon.addFile(str(path))
    return icon


def dropped_folder(mime) -> Path | None:
    """The local folder in a drag's data: a folder, or the folder of a dropped data file."""
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir():
            return path
        if path.is_file() and path.suffix.lower() in DATA_SUFFIXES and _folder_file(path):
            return path.parent
    return None


def _folder_file(path: Path) -> bool:
    """indicators.csv, projects.xlsx, zone.toml …: a file a data folder is made of."""
    return path.name.lower() == MANIFEST_NAME or path.stem.lower() in TABLES_BY_NAME


def dropped_table(mime) -> Path | None:
    """A dropped table to import: a yearbook's .xls, a bureau's .xlsx or CSV -- any table
    file that is not one of a data folder's own."""
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        path = Path(url.toLocalFile()) if url.isLocalFile() else None
        if path is not None and path.is_file() and path.suffix.lower() in IMPORT_SUFFIXES \
                and not _folder_file(path):
            return path
    return None


class DesktopMixin:
    """Settings, language and theme switching, recent folders, drop, watch, keyboard."""

    def _init_desktop(self, remember: bool, theme_mode: str | None) -> None:
        self.remember = remember
        self.docks_restored = False  # True once restore_window_settings restored the docks
        self._auto_reloading = False
        self._applying_theme = False
        self.theme_mode = theme_mode or (settings.get("ui/theme") if remember else "light")
        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())
        self.folder_watcher = FolderWatcher(self)
        self.folder_watcher.sig_changed.connect(self._on_folder_changed)
        self.problems_panel.sig_problem_activated.connect(self.show_problem)
        self.tab_widget.currentChanged.connect(self._remember_tab)
        self._build_desktop_menus()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_system_scheme_changed)
        self.set_theme(self.theme_mode, save=False)
        self._retranslate_desktop()
        if remember:
            self.restore_window_settings()

    # Menus -------------------------------------------------------------------------------
    def _build_desktop_menus(self) -> None:
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.insertMenu(self.action_export_all, self.recent_menu)
        self.encoding_menu = QMenu(self)
        self.encoding_group = QActionGroup(self)
        self.encoding_actions: dict[str, QAction] = {}
        for code in settings.ENCODINGS:
            action = self._checkable(self.encoding_menu, self.encoding_group,
                                     lambda _=False, c=code: self.set_export_encoding(c))
            self.encoding_actions[code] = action
        self.file_menu.insertMenu(self.action_quit, self.encoding_menu)
        self.file_menu.insertSeparator(self.action_quit)
        self.encoding_actions[self.export_encoding()].setChecked(True)

        self.action_find = QAction(self)
        self.action_find.setShortcut(QKeySequence("Ctrl+F"))
        self.action_find.triggered.connect(self.focus_search)
        self.action_problems = QAction(self)
        self.action_problems.setShortcut(QKeySequence("F8"))
        self.action_problems.triggered.connect(self.focus_problems)
        self.view_menu.addAction(self.action_find)
        self.view_menu.addAction(self.action_problems)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in settings.LANGUAGES:
            action = self._checkable(self.language_menu, self.language_group,
                                     lambda _=False, c=code: self.set_language(c))
            action.setText(LANGUAGE_NAMES[code])
            self.language_actions[code] = action
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for mode in theme.MODES:
            self.theme_actions[mode] = self._checkable(
                self.theme_menu, self.theme_group, lambda _=False, m=mode: self.set_theme(m))
        self.growth_menu = GrowthColoursMenu(self, lambda: self.lang, self._redisplay,
                                             self.remember)
        self.view_menu.addMenu(self.growth_menu)

    def _checkable(self, menu: QMenu, group: QActionGroup, slot) -> QAction:
        action = QAction(self)
        action.setCheckable(True)
        action.triggered.connect(slot)
        group.addAction(action)
        menu.addAction(action)
        return action

    def _retranslate_desktop(self) -> None:
        self.recent_menu.setTitle(self.tr("Recent &folders"))
        self.encoding_menu.setTitle(self.tr("Export &encoding"))
        self.encoding_actions["utf-8-sig"].setText(self.tr("UTF-8 with BOM (Excel, WPS)"))
        self.encoding_actions["gb18030"].setText(self.tr("GB18030 (older Excel)"))
        self.action_find.setText(self.tr("&Search in table"))
        self.action_problems.setText(self.tr("Go to &problems"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.theme_menu.setTitle(self.tr("&Appearance"))
        self.theme_actions["system"].setText(self.tr("Follow &system"))
        self.theme_actions["light"].setText(self.tr("&Light"))
        self.theme_actions["dark"].setText(self.tr("&Dark"))
        self.growth_menu.retranslate_ui()
        self.language_actions[self.lang].setChecked(True)
        self.theme_actions[self.theme_mode].setChecked(True)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        folders = settings.recent_folders()
        for i, folder in enumerate(folders):
            shown = str(folder).replace("&", "&&")
            action = self.recent_menu.addAction(f"&{i + 1} {shown}" if i < 9 else shown)
            action.triggered.connect(lambda _=False, f=folder: self.open_in_background(f))
        if not folders:
            self.recent_menu.addAction(self.tr("No recent folders")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("&Clear list"), self.clear_recent_folders)

    def clear_recent_folders(self) -> None:
        settings.set_value("data/recent_folders", [])

    # Language ----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch every string, header, chart label and number format to `lang` ("zh"/"en")."""
        from zoneapp.ui.i18n import install_translator

        if lang not in settings.LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.language_actions[lang].setChecked(True)
        if lang == self.lang:
            return
        app = QApplication.instance()
        install_translator(app, lang)
        self.lang = lang
        self.growth_menu.apply()  # a rise in red in Chinese, in green in English (by default)
        if self.remember:
            settings.set_value("ui/language", lang)
        self.retranslate_ui()
        self._redisplay()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "recent_menu"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _redisplay(self) -> None:
        """Show the same data again (new language or colours), keeping the problems dock as is."""
        self.redisplay()

    # Theme -------------------------------------------------------------------------------
    def set_theme(self, mode: str, save: bool = True) -> str:
        """"system", "light" or "dark"; charts, cards and tables are redrawn. -> light/dark."""
        if self._applying_theme:
            return theme.palette.current().name
        self._applying_theme = True
        try:
            self.theme_mode = mode if mode in theme.MODES else "system"
            before = theme.palette.current().name
            name = theme.apply_theme(self.theme_mode)
            self.tab_widget.tabBar().setStyleSheet(theme.tab_bar_style())
            self.statusBar().setStyleSheet(theme.status_bar_style())
            # A style sheet on its tab bar makes Qt style the tab widget by style sheet too,
            # and such a widget keeps the palette it had: its pages would not change colour.
            self.tab_widget.setPalette(QApplication.palette())
            self.theme_actions[self.theme_mode].setChecked(True)
            if save and self.remember:
                settings.set_value("ui/theme", self.theme_mode)
            if name != before or self.dataset is not None:
                self._redisplay()
        finally:
            self._applying_theme = False
        return name

    def _on_system_scheme_changed(self, _scheme=None) -> None:
        if self.theme_mode == "system":
            self.set_theme("system", save=False)

    # Settings ----------------------------------------------------------------------------
    def restore_window_settings(self) -> None:
        """Geometry, docks and the last tab from the previous session."""
        geometry = settings.get("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        state = settings.get("window/state")
        # Docks keep their size and closed state: a load no longer opens or resizes them.
        self.docks_restored = bool(state) and self.restoreState(state)
        codes = self.section_codes()
        last = settings.get("window/last_tab")
        self._wanted_tab = last or None  # a folder with other sections: shown when it has it
        if last in codes:
            with QSignalBlocker(self.tab_widget):  # no settings written back while restoring
                self.tab_widget.setCurrentIndex(codes.index(last))

    def save_window_settings(self) -> None:
        settings.set_value("window/geometry", bytes(self.saveGeometry().data()))
        settings.set_value("window/state", bytes(self.saveState().data()))
        self._remember_tab(self.tab_widget.currentIndex())

    def _remember_tab(self, index: int) -> None:
        """The user chose tab `index` (tab switches made while building the tabs are not
        signalled, so loading data writes no settings)."""
        if 0 <= index < len(self.sections):
            self._wanted_tab = self.sections[index].code
            if self.remember:
                settings.set_value("window/last_tab", self._wanted_tab)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.remember:
            self.save_window_settings()
        self.folder_watcher.stop()
        super().closeEvent(event)

    def export_encoding(self) -> str:
        return settings.get("export/encoding")

    def set_export_encoding(self, encoding: str) -> None:
        settings.set_value("export/encoding", encoding)
        self.encoding_actions[encoding].setChecked(True)

    # Folder: remembered, watched, dropped -------------------------------------------------
    def _folder_shown(self, folder: Path) -> None:
        """Called by set_dataset: remember the folder and watch it for changes."""
        self._auto_reloading = False
        if self.remember and not self._remembered_first(Path(folder)):
            settings.add_recent_folder(folder)
        if self.folder_watcher.folder() != Path(folder):
            self.folder_watcher.watch(folder)
        stale = stale_status(self.dataset, self.lang) if self.dataset is not None else ""
        if stale:  # a table that could not be read still shows its previous data
            self.statusBar().showMessage(stale, 30000)

    @staticmethod
    def _remembered_first(folder: Path) -> bool:
        """`folder` is already the last folder and first of the recent ones: nothing to write."""
        folder = folder.resolve()
        last = settings.get("data/last_folder")
        recent = settings.get("data/recent_folders")
        return bool(last) and Path(last) == folder and recent[:1] == [str(folder)]

    def _on_folder_changed(self, folder: Path) -> None:
        if self.data_folder is None or Path(folder) != Path(self.data_folder):
            return
        self._auto_reloading = True  # a failed auto-reload is a status message, not a dialog
        self.statusBar().showMessage(self.tr("Files changed on disk: reloading…"), 3000)
        self.open_in_background(Path(folder))

    def open_in_background(self, folder: Path) -> None:
        """Load `folder` off the UI thread when the window can, else now."""
        loader = getattr(self, "load_folder_in_background", None)
        if loader is not None:
            loader(Path(folder))
        else:
            self.load_folder(Path(folder))

    def auto_reload_failed(self, title: str, text: str) -> bool:
        """Called by show_error: True when the error came from an auto-reload (now shown)."""
        if not self._auto_reloading:
            return False
        self._auto_reloading = False
        first_line = next((line for line in text.splitlines() if line.strip()), "")
        self.statusBar().showMessage(
            self.tr("Reload failed, still showing the previous data: %1")
            .replace("%1", f"{title} — {first_line}"), 15000)
        return True

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        mime = event.mimeData()
        if dropped_folder(mime) is not None or dropped_table(mime) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        folder = dropped_folder(event.mimeData())
        table = dropped_table(event.mimeData()) if folder is None else None
        if table is not None:  # a published table: the import dialog, after the drop returns
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.import_table(table))
            return
        if folder is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open after the drop returns: the drag source is not kept waiting for the load.
        QTimer.singleShot(0, lambda: self.open_in_background(folder))

    # Keyboard ----------------------------------------------------------------------------
    def focus_search(self) -> bool:
        """Ctrl+F: the current tab's first search box, its text selected."""
        page = self.tab_widget.currentWidget()
        edit = page.first_filter_edit() if hasattr(page, "first_filter_edit") else None
        if edit is None:
            self.statusBar().showMessage(self.tr("This tab has no table to search."), 4000)
            return False
        page.ensureWidgetVisible(edit)
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()
        return True

    def focus_problems(self) -> None:
        """F8: show the problems panel and put the keyboard focus in its list."""
        if not self.problems_dock.isVisible():
            self.show_problems_dock()
        self.problems_dock.raise_()
        widget = self.problems_panel.list_widget()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if widget.currentRow() < 0 and widget.count():
            widget.setCurrentRow(0)

    # Problems panel → table row -----------------------------------------------------------
    def show_problem(self, problem) -> bool:
        """Show the tab holding the problem's table and select its row. False when not shown."""
        if problem is None or not self.tab_pages:
            return False
        header = getattr(self, "header", None)
        if problem.row is not None and header is not None and header.selected_period() is not None:
            header.select_period(None)  # all years, so the row's year is in the table
        table_name = Path(problem.file).stem.lower()
        table = TABLES_BY_NAME.get(table_name)
        # The tabs that list the table first, then the others.
        listing = {s.code for s in self.sections if table is not None and table.name in s.tables}
        codes = sorted(self.section_codes(), key=lambda c: c not in listing)
        for want_row in ([problem.row, None] if problem.row is not None else [None]):
            for code in codes:
                page = self.tab(code)  # filled first, if not yet
                if page is None or page.show_table_row(table_name, want_row) is None:
                    continue
                self.tab_widget.setCurrentWidget(page)
                panel = page.show_table_row(table_name, want_row)  # again, now that it shows
                if want_row is None and problem.row is not None:
                    self.statusBar().showMessage(
                        self.tr("Row %1 of %2 is not shown: it was left out because of "
                                "this problem.").replace("%1", str(problem.row))
                        .replace("%2", problem.file), 8000)
                return panel is not None
        self.statusBar().showMessage(
            self.tr("%1 is not shown in any table.").replace("%1", problem.file), 8000)
        return False
