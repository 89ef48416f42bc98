"""Run something once a widget has been painted: work that can wait until the user sees it."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    """Calls `then` once the watched widget has been painted (after the paint, not before)."""

    def __init__(self, parent: QObject, then: Callable[[], None]):
        super().__init__(parent)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # runs once this paint pass has been flushed
            self.deleteLater()
        return False


def after_next_paint(widget: QWidget, then: Callable[[], None]) -> QObject:
    """Call `then` once, right after `widget`'s next paint; never if it is not painted. The
    watcher returned belongs to `widget` (it goes with it) and may be kept to cancel: delete it."""
    watcher = _AfterPaint(widget, then)
    widget.installEventFilter(watcher)
    return watcher
