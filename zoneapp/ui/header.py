"""The header band: the zone's name, its period and a one-line description."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout


class Header(QFrame):
    """A calm coloured band across the top of the window."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("header")
        self.setStyleSheet(
            "#header { background: #1f4e79; }"
            "#header QLabel { color: white; background: transparent; }"
            "#headerPeriod { color: #d6e4f0; }"
            "#headerDescription { color: #c9d9e8; }"
        )
        self._name = QLabel(self.tr("No data loaded"))
        self._name.setObjectName("headerName")
        font = self._name.font()
        font.setPointSizeF(font.pointSizeF() * 1.55)
        font.setBold(True)
        self._name.setFont(font)
        self._period = QLabel("")
        self._period.setObjectName("headerPeriod")
        period_font = self._period.font()
        period_font.setPointSizeF(period_font.pointSizeF() * 1.15)
        self._period.setFont(period_font)
        self._description = QLabel("")
        self._description.setObjectName("headerDescription")
        self._description.setWordWrap(True)
        self._description.hide()

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self._name)
        top.addWidget(self._period)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self._description)

    def set_zone(self, name: str, period: str, description: str = "") -> None:
        self._name.setText(name)
        self._period.setText(self.tr("Period: %1").replace("%1", period) if period else "")
        self._description.setText(description)
        self._description.setVisible(bool(description))

    def name_text(self) -> str:
        return self._name.text()

    def period_text(self) -> str:
        return self._period.text()
