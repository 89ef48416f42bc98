"""The header band: the zone's name, its period, a period selector and a one-line description."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout


class Header(QFrame):
    """A calm coloured band across the top of the window.

    With data of more than one period, a selector ("All years" then each year, latest first)
    says which period the tables and KPI cards show; `sig_period_changed` carries the year,
    or None for all years.
    """

    sig_period_changed = Signal(object)

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
        self.period_label = QLabel(self)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setMinimumContentsLength(8)
        self.period_combo.currentIndexChanged.connect(self._on_period_index)
        self.period_label.setBuddy(self.period_combo)
        top.addWidget(self.period_label)
        top.addWidget(self.period_combo)
        self._periods: list[int] = []
        self._show_selector()
        self.retranslate_ui()
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

    # Period selector ------------------------------------------------------------------------
    def set_periods(self, periods) -> None:
        """Offer "All years" plus each of `periods` (latest first); selects "All years"."""
        self._periods = sorted({int(p) for p in periods}, reverse=True)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItem(self.tr("All years"), None)
        for period in self._periods:
            self.period_combo.addItem(str(period), period)
        self.period_combo.setCurrentIndex(0)
        self.period_combo.blockSignals(False)
        self._show_selector()

    def periods(self) -> list[int]:
        return list(self._periods)

    def selected_period(self) -> int | None:
        return self.period_combo.currentData() if self.period_combo.count() else None

    def select_period(self, period: int | None) -> None:
        """Select `period` (None: all years); emits sig_period_changed when it changes."""
        index = self.period_combo.findData(period) if period is not None else 0
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def _on_period_index(self, _index: int) -> None:
        self.sig_period_changed.emit(self.selected_period())

    def _show_selector(self) -> None:
        visible = len(self._periods) > 1
        self.period_label.setVisible(visible)
        self.period_combo.setVisible(visible)

    def retranslate_ui(self) -> None:
        self.period_label.setText(self.tr("Show year:"))
        if self.period_combo.count():
            self.period_combo.setItemText(0, self.tr("All years"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
