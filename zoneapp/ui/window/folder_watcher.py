"""Watch a data folder and say when its files changed, once the writing has settled.

Excel, WPS and atomic writers save by writing a new file and renaming it over the old one,
after which QFileSystemWatcher no longer watches that path. So the folder itself is watched
too, and after every change the files are added again. Notifications are debounced (a burst
of events is one change) and compared with a snapshot of names, sizes and modification
times, so lock files (~$book.xlsx), hidden files and temporary files do not cause a reload.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 500
IGNORED_SUFFIXES = (".tmp", ".temp", ".part", ".swp", ".bak", ".crdownload")

Snapshot = dict[str, tuple[int, int]]


def _ignored(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(("~$", ".", "~")) or lower.endswith(IGNORED_SUFFIXES)


def snapshot(folder: Path) -> Snapshot:
    """name -> (size, mtime in ns) of the folder's data files (not its sub-folders)."""
    files: Snapshot = {}
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return files
    for path in entries:
        if _ignored(path.name):
            continue
        try:
            if path.is_file():
                stat = path.stat()
                files[path.name] = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            continue
    return files


class FolderWatcher(QObject):
    """`watch(folder)`, then `sig_changed(folder)` after files there were written or renamed."""

    sig_changed = Signal(Path)

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._folder: Path | None = None
        self._snapshot: Snapshot = {}
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._settled)

    def folder(self) -> Path | None:
        return self._folder

    def watch(self, folder: Path) -> None:
        """Watch `folder` (and the files in it) instead of any folder watched before."""
        self.stop()
        self._folder = Path(folder)
        self._snapshot = snapshot(self._folder)
        self._add_paths()

    def stop(self) -> None:
        self._timer.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        self._folder = None
        self._snapshot = {}

    def mark_current(self) -> None:
        """Take the folder as it is now as seen (after the app itself reloaded it)."""
        if self._folder is not None:
            self._snapshot = snapshot(self._folder)

    def watched_paths(self) -> list[str]:
        return self._watcher.directories() + self._watcher.files()

    def _add_paths(self) -> None:
        if self._folder is None or not self._folder.is_dir():
            return
        wanted = [str(self._folder)] + [str(self._folder / name) for name in self._snapshot]
        watched = set(self.watched_paths())
        missing = [p for p in wanted if p not in watched]
        if missing:
            self._watcher.addPaths(missing)

    def _poke(self, _path: str = "") -> None:
        if self._folder is not None:
            self._timer.start()  # restarts: a burst of events settles into one

    def _settled(self) -> None:
        if self._folder is None:
            return
        now = snapshot(self._folder)
        changed = now != self._snapshot
        self._snapshot = now
        self._add_paths()  # a file replaced by a rename is a new file to the watcher
        if changed:
            self.sig_changed.emit(self._folder)
