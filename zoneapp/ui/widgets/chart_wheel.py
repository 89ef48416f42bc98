"""The mouse wheel over a chart scrolls the page; Ctrl+wheel, or the wheel over a chart that
has been clicked, zooms it (as map and office apps do).

Charts fill most of a tab, so a wheel that always zoomed would trap the page's scrolling. The
filter sits on the plot's viewport: a wheel event it does not let through goes to the nearest
scroll area around the chart (the tab page), which scrolls. It is sent there rather than
ignored and left to propagate, since Qt propagates only spontaneous wheel events. A click on
the plot engages zooming until the mouse leaves the chart.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget


class WheelGate(QObject):
    """Event filter for a plot's viewport: lets the wheel zoom only with Ctrl or after a click."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self._viewport = viewport
        self._engaged = False
        viewport.installEventFilter(self)

    def is_engaged(self) -> bool:
        """True after a click on the plot, until the mouse leaves it."""
        return self._engaged

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._engaged = True
        elif kind == QEvent.Type.Leave:
            self._engaged = False
        elif kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if not (ctrl or self._engaged):
                self._pass_on(event)
                return True
        return False

    def _pass_on(self, event: QWheelEvent) -> None:
        """Send the wheel to the viewport of the scroll area around the chart, if any."""
        area = self._viewport.parentWidget()  # the plot, itself a QGraphicsView: skipped
        area = area.parentWidget() if area is not None else None
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()
            return
        target = area.viewport()
        pos = target.mapFromGlobal(event.globalPosition())
        forwarded = QWheelEvent(pos, event.globalPosition(), event.pixelDelta(),
                                event.angleDelta(), event.buttons(), event.modifiers(),
                                event.phase(), event.inverted(), event.source())
        QApplication.sendEvent(target, forwarded)
        event.setAccepted(forwarded.isAccepted())
