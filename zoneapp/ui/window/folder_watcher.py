"""Watch a data folder and say when its files changed, once the writing has settled.

Excel, WPS and atomic writers save by writing a new file and renaming it over the old one,
after which QFileSystemWatcher no longer watches that path. So the folder itself is watched
too, and after every change the files are added again. Notifications are debounced (a burst
of events is one change) and compared with a snapshot of names, sizes and modification
times, so lock files (~$book.xlsx), hidden files and temporary files do not cause a reload.

A change counts only once it has settled: the sizes and times are unchanged over one more
interval and each changed file looks complete (`core.io.complete`), so a writer that pauses
half-way through a save is not read half-written (after MAX_INCOMPLETE_WAITS it is, and the
loader keeps the previous data of a table that fails).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from zoneapp.core.io.complete import looks_complete

DEBOUNCE_MS = 500
MAX_INCOMPLETE_WAITS = 10  # intervals to wait for a changed file to look complete
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
        self._pending: Snapshot | None = None  # the change waiting to settle
        self._waits = 0
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
        self._pending = None

    def mark_current(self) -> None:
        """Take the folder as it is now as seen (after the app itself reloaded it)."""
        if self._folder is not None:
            self._snapshot = snapshot(self._folder)

    def watched_paths(self) -> list[str]:
        return self._watcher.directories() + self._watcher.files()

    def _add_paths(self, names: Snapshot | None = None) -> None:
        if self._folder is None or not self._folder.is_dir():
            return
        names = self._snapshot if names is None else names
        wanted = [str(self._folder)] + [str(self._folder / name) for name in names]
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
        self._add_paths(now)  # a file replaced by a rename is a new file to the watcher
        if now == self._snapshot:  # nothing changed, or changed back
            self._pending = None
            return
        if now != self._pending:  # still changing: look again after one more interval
            self._pending, self._waits = now, 0
            self._timer.start()
            return
        if not self._changed_look_complete(now) and self._waits < MAX_INCOMPLETE_WAITS:
            self._waits += 1
            self._timer.start()
            return
        self._snapshot, self._pending = now, None
        self.sig_changed.emit(self._folder)

    def _changed_look_complete(self, now: Snapshot) -> bool:
        return all(looks_complete(self._folder / name) for name, seen in now.items()
                   if self._snapshot.get(name) != seen)
