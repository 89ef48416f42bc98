"""ui.after_paint: something run once a widget has been painted."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from zoneapp.ui.widgets.after_paint import after_next_paint


def test_runs_once_after_the_next_paint(qtbot):
    label = QLabel("painted")
    qtbot.addWidget(label)
    calls = []
    after_next_paint(label, lambda: calls.append(label.isVisible()))
    qtbot.wait(50)
    assert calls == []  # not shown: not painted, not run
    label.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=5000)
    label.repaint()
    qtbot.wait(50)
    assert calls == [True]  # once only
