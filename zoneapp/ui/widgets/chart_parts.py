"""Pieces of a chart that are not the plot: the placed bar, the legend row."""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from zoneapp.ui import palette
from zoneapp.views.model import Bar


@dataclass
class Placed:
    """A bar as laid out on the plot."""

    bar: Bar
    pos: float  # centre on the category axis
    thickness: float
    color: str


class Legend(QWidget):
    """A row of colour swatches with names, drawn with Qt widgets so it never covers bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.labels: list[str] = []
        self.entries: list[tuple[str, str, bool]] = []

    def set_entries(self, entries: list[tuple[str, str, bool]]) -> None:
        """`entries`: (text, colour, derived) each; derived draws a light dashed swatch."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone now, not when the event loop next deletes it
                item.widget().deleteLater()
        self.entries = list(entries)
        self.labels = [text for text, _, _ in entries]
        for text, color, derived in entries:
            swatch = QLabel(self)
            swatch.setFixedSize(14, 14)
            fill = palette.derived_fill(color) if derived else color
            style = "dashed" if derived else "solid"
            swatch.setStyleSheet(f"background: {fill}; border: 1.5px {style} {color};")
            label = QLabel(text, self)
            label.setStyleSheet(f"color: {palette.TEXT};")
            self._layout.addWidget(swatch)
            self._layout.addWidget(label)
            self._layout.addSpacing(8)
        self._layout.addStretch(1)
        self.setVisible(bool(entries))


def is_nan(value: float) -> bool:
    try:
        return value is None or math.isnan(float(value))
    except (TypeError, ValueError):
        return True
