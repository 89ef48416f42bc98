"""Load a data folder off the UI thread: progress, cancel, and the result back on the UI thread.

`FolderLoader.start(folder)` runs `core.load_cache.load` (`core.loading.load_dataset`, or
the copy of an unchanged folder's last load) on a QThread; the window stays responsive.
`sig_loaded(dataset)` or `sig_failed(error)` arrives on the UI thread when it is done; after
`cancel()` neither does (`sig_cancelled` instead), so a cancelled load leaves the previous data
shown. Progress is reported per table, and a cancel stops the load at the next table.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from zoneapp import startup


def load_cache_dir() -> Path | None:
    """Where the last loads are kept (core/load_cache.py): `<CacheLocation>/loads`, e.g.
    ~/.cache/ZoneApp/ZoneApp/loads on Linux, %LOCALAPPDATA%\\ZoneApp\\ZoneApp\\cache\\loads on
    Windows; None with ZONEAPP_PLAIN_START=1 (zoneapp/startup.py) or where there is none."""
    if not startup.enabled():
        return None
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base) / "loads" if base else None


class _Job(QObject):
    """Runs on the worker thread; talks to the UI thread through queued signals only."""

    sig_progress = Signal(float)
    sig_done = Signal(object, object)  # dataset or None, exception or None

    def __init__(self, folder: Path, previous=None, cache_dir: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.previous = previous  # the dataset shown: a table that now fails keeps it (stale)
        self.cache_dir = cache_dir
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        try:
            from zoneapp.core import load_cache

            keep: list = []  # the copy for next time, written once the dataset is handed over
            dataset = load_cache.load(self.folder, self.cache_dir,
                                      progress=self.sig_progress.emit,
                                      should_cancel=lambda: self.cancelled,
                                      previous=self.previous, keep_later=keep.append)
        except Exception as exc:  # noqa: BLE001 -- handed to the UI thread, which reports it
            self.sig_done.emit(None, exc)
            return
        self.sig_done.emit(dataset, None)
        for write in keep:
            write()


_RUNNING: set[QThread] = set()  # worker threads outlive a closed window until they end


def wait_for_running_loads(msecs: int) -> bool:
    """Block until every load's thread has ended (the app's last step: Qt aborts the process
    when a QThread still running is destroyed); False when one still runs after `msecs`."""
    return all(thread.wait(msecs) for thread in list(_RUNNING))


class FolderLoader(QObject):
    """One background load at a time; starting another cancels the one running."""

    sig_started = Signal(Path)
    sig_progress = Signal(float)  # 0..1, or -1 when the loader cannot say
    sig_loaded = Signal(object)  # Dataset
    sig_failed = Signal(Path, object)  # folder, exception
    sig_cancelled = Signal(Path)

    def __init__(self, parent: QObject | None = None, cache_dir: Path | None = None) -> None:
        """`cache_dir`: where unchanged folders' loads are kept; `load_cache_dir()` for the
        window, None (every load reads the files) by default."""
        super().__init__(parent)
        self.cache_dir = cache_dir
        self._job: _Job | None = None
        self._threads: list[QThread] = []  # kept alive until each finishes
        self._jobs: list[_Job] = []

    def is_loading(self) -> bool:
        return self._job is not None

    def start(self, folder: Path, previous=None) -> None:
        """Load `folder`; `previous` is the dataset shown of the same folder, if any."""
        self.cancel()
        job = _Job(Path(folder), previous, self.cache_dir)
        thread = QThread()  # no parent: a window closed mid-load must not destroy it running
        _RUNNING.add(thread)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.sig_progress.connect(self._on_progress)
        job.sig_done.connect(lambda dataset, error, j=job: self._on_done(j, dataset, error))
        # quit() is thread-safe: called directly, wait() does not need the UI event loop.
        job.sig_done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(lambda t=thread, j=job: self._on_thread_finished(t, j))
        self._job = job
        self._threads.append(thread)
        self._jobs.append(job)
        self.sig_started.emit(job.folder)
        self.sig_progress.emit(-1.0)
        thread.start()

    def cancel(self) -> None:
        """Stop waiting for the running load; its result, if it comes, is dropped."""
        job, self._job = self._job, None
        if job is not None:
            job.cancelled = True
            self.sig_cancelled.emit(job.folder)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every worker thread has ended (for tests and shutdown)."""
        return all(t.wait(msecs) for t in list(self._threads))

    def _on_progress(self, fraction: float) -> None:
        if self.sender() is self._job:
            self.sig_progress.emit(float(fraction))

    def _on_done(self, job: _Job, dataset, error) -> None:
        if job is not self._job:
            return  # cancelled or superseded
        self._job = None
        if error is not None:
            self.sig_failed.emit(job.folder, error)
        else:
            self.sig_loaded.emit(dataset)

    def _on_thread_finished(self, thread: QThread, job: _Job) -> None:
        _RUNNING.discard(thread)
        if thread in self._threads:
            self._threads.remove(thread)
        if job in self._jobs:
            self._jobs.remove(job)
        job.deleteLater()
        thread.deleteLater()


class LoadStatus(QWidget):
    """Status-bar widget while a folder loads: a progress bar and a Cancel button."""

    def __init__(self, loader: FolderLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setFlat(True)
        self.cancel_button.clicked.connect(loader.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        loader.sig_started.connect(lambda _folder: self.setVisible(True))
        loader.sig_progress.connect(self.show_progress)
        for signal in (loader.sig_loaded, loader.sig_failed, loader.sig_cancelled):
            signal.connect(lambda *_args: self.setVisible(False))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop loading and keep the data shown now"))
        self.setVisible(False)

    def show_progress(self, fraction: float) -> None:
        if fraction < 0:
            self.bar.setRange(0, 0)  # busy: the loader cannot say how far it is
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(1.0, fraction)))
