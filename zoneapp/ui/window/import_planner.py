"""The import dialog's planning, off the UI thread: each change asks for a new plan, and only
the newest request's plan comes back (older ones still queued are skipped, ones running are
dropped when they end), so a 100,000-row sheet never freezes the dialog."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from zoneapp.core.tables.grid import ImportFailed, read_grid


class _Signals(QObject):
    sig_done = Signal(int, object, object)  # request number, plan or None, ImportFailed or None


class _Run(QRunnable):
    def __init__(self, number: int, newest: Callable[[], int], work: Callable[[], object],
                 signals: _Signals) -> None:
        super().__init__()
        self.number, self.newest, self.work, self.signals = number, newest, work, signals

    def run(self) -> None:
        if self.number != self.newest():
            return  # a newer request is queued: no one will look at this plan
        try:
            plan, error = self.work(), None
        except ImportFailed as err:
            plan, error = None, err
        except Exception as exc:  # noqa: BLE001 -- a defect must be said, not end the app
            plan, error = None, ImportFailed("", f"无法分析这张表（{exc!r}）",
                                             f"the table could not be analysed ({exc!r})")
        self.signals.sig_done.emit(self.number, plan, error)


class Planner(QObject):
    """`request(work)` runs `work()` (which returns a plan or raises ImportFailed) on a worker
    thread; `sig_planned(plan, error)` follows on the UI thread for the newest request only."""

    sig_started = Signal()
    sig_planned = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # plans one at a time: the newest waits for the pool
        self._number = 0
        self._done = 0
        self._signals = _Signals()  # no parent: emitted from the worker, queued to this thread
        self._signals.sig_done.connect(self._on_done)

    @property
    def busy(self) -> bool:
        """A plan was asked for and has not come back yet."""
        return self._done != self._number

    def request(self, work: Callable[[], object]) -> None:
        self._number += 1
        self.pool.start(_Run(self._number, lambda: self._number, work, self._signals))
        self.sig_started.emit()

    def drop(self) -> None:
        """Forget every request (the dialog closed): nothing more is delivered."""
        self._number += 1
        self._done = self._number

    def wait(self, msecs: int = 30000) -> bool:
        """Block until no plan is being made (tests and closing)."""
        return self.pool.waitForDone(msecs)

    def _on_done(self, number: int, plan, error) -> None:
        if number != self._number:
            return  # superseded
        self._done = number
        self.sig_planned.emit(plan, error)


def read_sheet(read: dict, file, sheet: str | None):
    """The sheet's grid and frame, read once (on the planning thread) and kept for the next
    plan; another sheet replaces it."""
    import pandas as pd

    found = read.get(sheet)
    if found is None:
        grid = read_grid(file, sheet)
        found = (grid, pd.DataFrame(grid.rows))
        read.clear()
        read[sheet] = read[grid.sheet or sheet] = found
    return found
