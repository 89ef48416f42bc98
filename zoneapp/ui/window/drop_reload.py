"""Data coming in without a menu: a folder or table dropped on the window, and the folder
shown reloaded when its files change on disk (a failed auto-reload is a status message)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from zoneapp.core.schema import MANIFEST_NAME, TABLES_BY_NAME
from zoneapp.core.stale import stale_status
from zoneapp.ui.state import AppState
from zoneapp.ui.window.folder_watcher import FolderWatcher

DATA_SUFFIXES = (".csv", ".xlsx", ".toml")
# A dropped file of these kinds that is not one of a data folder's own files is imported.
IMPORT_SUFFIXES = (".xlsx", ".xls", ".csv", ".tsv")
_DRAGS = (QEvent.Type.DragEnter, QEvent.Type.DragMove)


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


class DropAndReload(QObject):
    """Drops on `window` open a folder (`open_folder`) or import a table (`import_table`);
    the folder of the dataset shown is watched and opened again when it changes."""

    def __init__(self, state: AppState, window: QMainWindow,
                 open_folder: Callable[[Path], None], import_table: Callable[[Path], object]
                 ) -> None:
        super().__init__(window)
        self.state, self.window = state, window
        self.open_folder, self.import_table = open_folder, import_table
        self._auto_reloading = False
        self.folder_watcher = FolderWatcher(self)
        self.folder_watcher.sig_changed.connect(self.reload_changed_folder)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        state.dataset_changed.connect(self._on_dataset_changed)

    def _on_dataset_changed(self, dataset) -> None:
        """Watch the folder shown; a table that could not be read still shows its previous
        data, and the status bar says so."""
        self._auto_reloading = False
        if dataset is None:
            return
        folder = Path(dataset.folder)
        if self.folder_watcher.folder() != folder:
            self.folder_watcher.watch(folder)
        stale = stale_status(dataset, self.state.language)
        if stale:
            self.window.statusBar().showMessage(stale, 30000)

    def reload_changed_folder(self, folder: Path) -> None:
        """The watcher saw `folder` change and settle: open it again, off the UI thread."""
        shown = self.state.dataset
        if shown is None or Path(folder) != Path(shown.folder):
            return
        self._auto_reloading = True  # a failed auto-reload is a status message, not a dialog
        self.window.statusBar().showMessage(self.tr("Files changed on disk: reloading…"), 3000)
        self.open_folder(Path(folder))

    def auto_reload_failed(self, title: str, text: str) -> bool:
        """Asked by the window before an error dialog: True when the error came from an
        auto-reload (then shown in the status bar instead)."""
        if not self._auto_reloading:
            return False
        self._auto_reloading = False
        first_line = next((line for line in text.splitlines() if line.strip()), "")
        self.window.statusBar().showMessage(
            self.tr("Reload failed, still showing the previous data: %1")
            .replace("%1", f"{title} — {first_line}"), 15000)
        return True

    def stop(self) -> None:
        self.folder_watcher.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is not self.window:
            return False
        if event.type() in _DRAGS:
            mime = event.mimeData()
            if dropped_folder(mime) is not None or dropped_table(mime) is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if event.type() == QEvent.Type.Drop:
            self._drop(event)
            return True
        return False

    def _drop(self, event) -> None:
        folder = dropped_folder(event.mimeData())
        table = dropped_table(event.mimeData()) if folder is None else None
        if folder is None and table is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Opened after the drop returns: the drag source is not kept waiting.
        if table is not None:  # a published table: the import dialog
            QTimer.singleShot(0, lambda: self.import_table(table))
        else:
            QTimer.singleShot(0, lambda: self.open_folder(folder))
