"""The filter row above a table: a search box (debounced), which column it searches, drop-down
filters for categorical columns, and "显示 N / 共 M 行"."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from zoneapp.core import schema
from zoneapp.models.frame_model import FrameModel

from . import palette

SEARCH_DELAY_MS = 250  # typing pauses this long before a million rows are searched
MAX_CHOICES = 60  # a column with more distinct values gets no drop-down
# Text columns people filter by picking a value (enum columns always get a drop-down).
CATEGORICAL_TEXT = ("industry", "status", "category", "level", "term")


def is_categorical(model: FrameModel, column: int) -> bool:
    """Enum columns, and text columns named like industry_zh / status_en."""
    key = model.column_key(column)
    col = model.table().column(key) if model.table() and key in model.table().keys else None
    if col is not None and col.kind == schema.ENUM:
        return True
    return key.removesuffix("_zh").removesuffix("_en") in CATEGORICAL_TEXT


class FilterBar(QWidget):
    """Search box + column chooser + one drop-down per categorical column + row count."""

    def __init__(self, model: FrameModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(220)
        self.column_combo = QComboBox(self)
        self.column_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.choice_combos: dict[str, QComboBox] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.column_combo.currentIndexChanged.connect(lambda _i: self.apply_search())
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._choices_layout = QHBoxLayout()
        self._choices_layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(self._choices_layout)
        self._layout.addWidget(self.count_label)
        self._layout.addSpacing(8)
        self._layout.addWidget(self.column_combo)
        self._layout.addWidget(self.search_edit)
        model.sig_rows_changed.connect(self.show_count)
        self.retranslate_ui()

    # ----- public API -------------------------------------------------------------------

    def apply_search(self) -> None:
        """Search now (a pending debounced search is done at once)."""
        self._timer.stop()
        column = self.column_combo.currentData()
        text = self.search_edit.text()
        if text != self.model.filter_text() or column != self.model.filter_column():
            self.model.set_filter(text, column)

    def pending(self) -> bool:
        return self._timer.isActive()

    def rebuild(self) -> None:
        """Columns and drop-downs for the model's current frame and language."""
        self._rebuild_columns()
        self._rebuild_choices()
        self.show_count(self.model.shown_count(), len(self.model.frame()))

    def show_count(self, shown: int, total: int) -> None:
        self.count_label.setText(self.tr("Showing %1 of %2 rows")
                                 .replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))

    # ----- internals --------------------------------------------------------------------

    def _rebuild_columns(self) -> None:
        current = self.column_combo.currentData()
        self.column_combo.blockSignals(True)
        self.column_combo.clear()
        self.column_combo.addItem(self.tr("All columns"), None)
        for c in range(self.model.columnCount()):
            key = self.model.column_key(c)
            if not self.model.is_numeric_column(c) or self.model.table() is None \
                    or self.model.table().column(key).kind == schema.INT:
                self.column_combo.addItem(self.model.header_label(c), key)
        index = self.column_combo.findData(current)
        self.column_combo.setCurrentIndex(max(index, 0))
        self.column_combo.blockSignals(False)

    def _rebuild_choices(self) -> None:
        for combo in self.choice_combos.values():
            self._choices_layout.removeWidget(combo)
            combo.deleteLater()
        self.choice_combos = {}
        for c in range(self.model.columnCount()):
            if not is_categorical(self.model, c):
                continue
            key = self.model.column_key(c)
            choices = self.model.choices(key, MAX_CHOICES)
            if not choices or len(choices) < 2:
                continue
            combo = QComboBox(self)
            combo.setObjectName(f"choice_{key}")
            combo.addItem(self.tr("%1: all").replace("%1", self.model.header_label(c)), None)
            for code, label in choices:
                combo.addItem(label, code)
            kept = self.model.choice_filter(key)
            if kept and len(kept) == 1:
                combo.setCurrentIndex(max(combo.findData(next(iter(kept))), 0))
            combo.currentIndexChanged.connect(
                lambda _i, k=key, box=combo: self._choose(k, box.currentData()))
            self._choices_layout.addWidget(combo)
            self.choice_combos[key] = combo

    def _choose(self, key: str, code: str | None) -> None:
        self.model.set_choice_filter(key, None if code is None else {code})

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search…"))
        self.column_combo.setToolTip(self.tr("Which column the search box looks in"))
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
