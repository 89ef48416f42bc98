"""A KPI card's progress towards its year's target: a bar filled to the completion, a mark at
the time elapsed (时序进度), the completion written beside it; the line under it says the
time elapsed and the gap (时序进度83.3%，高于4.9个百分点), coloured as a change is."""
from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from zoneapp.ui import palette
from zoneapp.views.model import KpiView

BAR_HEIGHT = 8


class TargetBar(QWidget):
    """The bar and its completion text, painted; `set_view` takes a KpiView's target fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.completion: float | None = None
        self.elapsed: float | None = None
        self.gap: float | None = None
        self.text = ""
        self.setFixedHeight(int(QFontMetricsF(self.font()).height()) + 2)

    def set_values(self, completion: float | None, elapsed: float | None, gap: float | None,
                   text: str) -> None:
        self.completion, self.elapsed, self.gap, self.text = completion, elapsed, gap, text
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.completion is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        text_w = metrics.horizontalAdvance(self.text) + 8
        track = QRectF(0, (self.height() - BAR_HEIGHT) / 2, max(self.width() - text_w, 20),
                       BAR_HEIGHT)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(palette.BORDER))
        p.drawRoundedRect(track, 3, 3)
        done = track.adjusted(0, 0, 0, 0)
        done.setWidth(track.width() * min(max(self.completion, 0.0), 100.0) / 100)
        p.setBrush(QColor(palette.change_color(self.gap)))
        p.drawRoundedRect(done, 3, 3)
        if self.elapsed is not None:  # the time line: a mark across the bar
            x = track.left() + track.width() * min(max(self.elapsed, 0.0), 100.0) / 100
            p.setPen(QPen(QColor(palette.TEXT), 2))
            p.drawLine(QLineF(x, track.top() - 3, x, track.bottom() + 3))
        p.setPen(QColor(palette.TEXT))
        p.drawText(QRectF(track.right() + 8, 0, text_w, self.height()),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text)
        p.end()


class TargetLines(QWidget):
    """The bar and the time-elapsed line, together; hidden for a card without a target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = TargetBar(self)
        self.label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.hide()

    def keep_room(self, on: bool) -> None:
        """Hidden, still take the room (a card without a target beside one lines up), or not
        (the room then goes to a two-line title)."""
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(on)
        self.setSizePolicy(policy)

    def set_view(self, view: KpiView | None) -> None:
        shown = view is not None and view.completion_pct is not None
        if shown:
            self.bar.set_values(view.completion_pct, view.elapsed_pct, view.gap_pp,
                                view.target_text)
            self.label.setText(view.elapsed_text)
            self.label.setStyleSheet(f"color: {palette.change_color(view.gap_pp)}; border: none;")
        self.setVisible(shown)

    def extra_height(self) -> int:
        """What the card grows by to hold these two lines."""
        return self.bar.height() + math.ceil(QFontMetricsF(self.label.font()).lineSpacing()) + 4

    def texts(self) -> tuple[str, str]:
        """(completion, time elapsed and gap) as shown; empty when hidden."""
        if not self.isVisibleTo(self.parentWidget()):
            return "", ""
        return self.bar.text, self.label.text()
