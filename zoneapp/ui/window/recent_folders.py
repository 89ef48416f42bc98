"""File → Recent folders: the folders opened before, newest first (the setting
"data/recent_folders"), each one click from opening again."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from zoneapp import settings
from zoneapp.ui.state import AppState


class RecentFolders(QObject):
    """The submenu, inserted in `file_menu` before `before`; a dataset shown is remembered
    (when `remember`), and a folder chosen from the list goes to `open_folder`."""

    def __init__(self, state: AppState, file_menu: QMenu, before: QAction,
                 open_folder: Callable[[Path], None], remember: bool) -> None:
        super().__init__(file_menu)
        self.open_folder, self.remember = open_folder, remember
        self.menu = QMenu(file_menu)
        self.menu.aboutToShow.connect(self.fill_menu)
        file_menu.insertMenu(before, self.menu)
        state.dataset_changed.connect(self._on_dataset_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.menu.setTitle(self.tr("Recent &folders"))

    def fill_menu(self) -> None:
        self.menu.clear()
        folders = settings.recent_folders()
        for i, folder in enumerate(folders):
            shown = str(folder).replace("&", "&&")
            action = self.menu.addAction(f"&{i + 1} {shown}" if i < 9 else shown)
            action.triggered.connect(lambda _=False, f=folder: self.open_folder(Path(f)))
        if not folders:
            self.menu.addAction(self.tr("No recent folders")).setEnabled(False)
            return
        self.menu.addSeparator()
        self.menu.addAction(self.tr("&Clear list"), self.clear)

    def clear(self) -> None:
        settings.set_value("data/recent_folders", [])

    def _on_dataset_changed(self, dataset) -> None:
        if dataset is not None and self.remember and not _remembered_first(Path(dataset.folder)):
            settings.add_recent_folder(dataset.folder)


def _remembered_first(folder: Path) -> bool:
    """`folder` is already the last folder and first of the recent ones: nothing to write."""
    folder = folder.resolve()
    last = settings.get("data/last_folder")
    recent = settings.get("data/recent_folders")
    return bool(last) and Path(last) == folder and recent[:1] == [str(folder)]
