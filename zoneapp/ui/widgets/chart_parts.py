"""Pieces of a chart that are not the plot: the placed bar, the legend row, label wrapping."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
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


def wrap(text: str, width_px: float, metrics: QFontMetricsF, max_lines: int = 2) -> str:
    """Break `text` into at most `max_lines` lines of `width_px`, eliding the last one.

    Chinese breaks between any two characters, other scripts between words.
    """
    width_px = max(width_px, metrics.horizontalAdvance("木木"))
    if metrics.horizontalAdvance(text) <= width_px:
        return text
    lines, current, used = [], "", 0
    for token in _TOKENS.findall(text):
        if current and metrics.horizontalAdvance((current + token).rstrip()) > width_px:
            lines.append(current.rstrip())
            used += len(current)
            current = ""
            if len(lines) == max_lines - 1:
                break
        current += token
    rest = text[used:].strip()
    lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width_px))
    return "\n".join(line for line in lines if line)


_TOKENS = re.compile(r"[0-9A-Za-z\u00c0-\u024f.,%()'’/&+-]+\s*|\s+|.")
