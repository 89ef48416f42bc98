"""`ZONEAPP_BENCH=1` (bench/run.py): print when the main window first paints and when the
overview shows the default data, then quit. Nothing here runs otherwise."""
from __future__ import annotations

import resource
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def _emit(key: str, value: float) -> None:
    print(f"ZONEAPP_BENCH {key}={value:.6f}", flush=True)


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            _emit("first_paint", time.time())
            watched.removeEventFilter(self)
        return False


def install(window: QMainWindow) -> None:
    """Watch `window` for its first paint and its first dataset shown."""
    probe = _FirstPaint(window)
    window.installEventFilter(probe)
    window._bench_probe = probe  # kept alive with the window

    def shown(_dataset) -> None:
        # After the tabs have taken the data and the event loop has painted them.
        window.repaint()
        _emit("ready", time.time())
        _emit("peak_rss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        QTimer.singleShot(0, QApplication.quit)

    window.sig_dataset_loaded.connect(shown)
