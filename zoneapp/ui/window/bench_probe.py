"""`ZONEAPP_BENCH=1` (bench/run.py): print when the main window first paints and when the
overview shows the default data, then quit. Nothing here runs otherwise."""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from zoneapp.ui.widgets.after_paint import after_next_paint


def _emit(key: str, value: float) -> None:
    print(f"ZONEAPP_BENCH {key}={value:.6f}", flush=True)


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            _emit("first_paint", time.time())
            watched.removeEventFilter(self)
        return False


def install(window: QMainWindow) -> None:
    """Watch `window` for its first paint and for the first paint of the current tab (the
    overview) with the first dataset shown."""
    probe = _FirstPaint(window)
    window.installEventFilter(probe)
    window._bench_probe = probe  # kept alive with the window

    def ready() -> None:
        _emit("ready", time.time())
        QApplication.quit()

    def shown(_dataset) -> None:
        window.sig_dataset_loaded.disconnect(shown)
        page = window.tab_widget.currentWidget()
        content = page.widget() if hasattr(page, "widget") else page  # the scroll area's page
        window._bench_ready = after_next_paint(content, ready)
        content.update()

    window.sig_dataset_loaded.connect(shown)
