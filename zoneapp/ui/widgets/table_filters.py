"""The filter row above a table: a search box (debounced), which column it searches, drop-down
filters for categorical columns, and "显示 N / 共 M 行".

A category given in both languages (industry_zh / industry_en) gets one drop-down, in the
table's language. The drop-downs sit in `choices_widget`, which the table panel places on the
filter row or, when the panel is narrow, on a row of its own."""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget,
)

from zoneapp.core import schema
from zoneapp.models.frame_model import FrameModel

from zoneapp.ui import palette

SEARCH_DELAY_MS = 250  # typing pauses this long before a million rows are searched
MAX_CHOICES = 60  # a column with more distinct values gets no drop-down
# Text columns people filter by picking a value (enum columns always get a drop-down).
CATEGORICAL_TEXT = ("industry", "status", "category", "level", "term")
COMBO_MIN_CHARS = 6  # drop-downs are sized for this many characters ...
COLUMN_COMBO_CHARS = 9  # "All columns" / "所有列"
COMBO_MAX_WIDTH = 190  # ... and never wider than this; their lists show the whole text
LANG_SUFFIXES = ("_zh", "_en")


def _bilingual_base(key: str) -> str | None:
    """"industry" for industry_zh / industry_en; None for other keys."""
    for suffix in LANG_SUFFIXES:
        if key.endswith(suffix):
            return key[: -len(suffix)]
    return None


def choice_keys(keys: list[str], lang: str) -> list[str]:
    """Of categorical `keys`, one per category: industry_zh in Chinese, industry_en in
    English when both are there; a key without a sibling in the other language stays."""
    present = set(keys)
    chosen = []
    for key in keys:
        base = _bilingual_base(key)
        if base is not None and key != f"{base}_{lang}" and f"{base}_{lang}" in present:
            continue
        chosen.append(key)
    return chosen


_LANGUAGE_TAG = re.compile(r"\s*[(（](?:English|Chinese|英文|中文)[)）]$")


def filter_label(label: str, key: str) -> str:
    """A drop-down's name: a column of a language pair without its "(English)" tag, since the
    drop-down stands for the pair ("Industry: all", not "Industry (English): all")."""
    return _LANGUAGE_TAG.sub("", label) if _bilingual_base(key) is not None else label


def _cap_width(combo: QComboBox) -> None:
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_MIN_CHARS)
    combo.setMaximumWidth(COMBO_MAX_WIDTH)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)


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
        self.search_edit.setMinimumWidth(120)
        self.column_combo = QComboBox(self)
        _cap_width(self.column_combo)
        self.column_combo.setMinimumContentsLength(COLUMN_COMBO_CHARS)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.choice_combos: dict[str, QComboBox] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.column_combo.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.choices_widget = QWidget(parent)  # placed by the table panel
        self._choices_layout = QHBoxLayout(self.choices_widget)
        self._choices_layout.setContentsMargins(0, 0, 0, 0)
        self._choices_layout.setSpacing(6)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.count_label)
        self._layout.addSpacing(8)
        self._layout.addWidget(self.search_edit)
        self._layout.addWidget(self.column_combo)
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
        model = self.model
        keys = [model.column_key(c) for c in range(model.columnCount())
                if is_categorical(model, c)]
        shown = choice_keys(keys, model.lang())
        for key in keys:  # a filter on the other language's column would hide rows unseen
            if key not in shown and model.choice_filter(key) is not None:
                model.set_choice_filter(key, None)
        for key in shown:
            c = model.column_keys().index(key)
            choices = model.choices(key, MAX_CHOICES)
            if not choices or len(choices) < 2:
                continue
            combo = QComboBox(self.choices_widget)
            combo.setObjectName(f"choice_{key}")
            _cap_width(combo)
            name = filter_label(model.header_label(c), key)
            combo.addItem(self.tr("%1: all").replace("%1", name), None)
            for code, label in choices:
                combo.addItem(label, code)
            combo.setToolTip(model.header_label(c))
            metrics = combo.fontMetrics()
            combo.view().setMinimumWidth(max(metrics.horizontalAdvance(combo.itemText(i))
                                             for i in range(combo.count())) + 40)
            combo.setMinimumWidth(  # "Stage: all" shown whole, up to the cap
                min(COMBO_MAX_WIDTH, metrics.horizontalAdvance(combo.itemText(0)) + 40))
            kept = model.choice_filter(key)
            if kept and len(kept) == 1:
                combo.setCurrentIndex(max(combo.findData(next(iter(kept))), 0))
            combo.currentIndexChanged.connect(
                lambda _i, k=key, box=combo: self._choose(k, box.currentData()))
            self._choices_layout.addWidget(combo)
            self.choice_combos[key] = combo
        self.choices_widget.setVisible(bool(self.choice_combos))
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Search box, column chooser, then the drop-downs left to right."""
        widgets = [self.search_edit, self.column_combo, *self.choice_combos.values()]
        for first, second in zip(widgets, widgets[1:]):
            QWidget.setTabOrder(first, second)

    def tab_widgets(self) -> list[QWidget]:
        """The filter row's focusable widgets in Tab order."""
        return [self.search_edit, self.column_combo, *self.choice_combos.values()]

    # ----- state kept across rebuilds ---------------------------------------------------

    def search_column(self) -> str | None:
        """The key of the column searched; None: all columns."""
        return self.column_combo.currentData()

    def set_search_column(self, key: str | None) -> bool:
        index = self.column_combo.findData(key) if key is not None else 0
        if index < 0:
            return False
        self.column_combo.setCurrentIndex(index)
        return True

    def choice_values(self) -> dict[str, str]:
        """Column key -> the stored value picked in its drop-down (drop-downs left at "all"
        are left out)."""
        return {key: combo.currentData() for key, combo in self.choice_combos.items()
                if combo.currentData() is not None}

    def set_choice(self, key: str, code: str) -> bool:
        """Pick `code` in `key`'s drop-down. A key of the other language (industry_zh in
        English) picks the value its rows have in this language's column, if they agree."""
        if key not in self.choice_combos:
            base = _bilingual_base(key)
            frame = self.model.frame()
            sibling = f"{base}_{self.model.lang()}" if base is not None else None
            if sibling not in self.choice_combos or key not in frame.columns:
                return False
            values = frame.loc[frame[key].astype(str) == code, sibling].dropna().unique()
            if len(values) != 1:
                return False
            key, code = sibling, str(values[0])
        index = self.choice_combos[key].findData(code)
        if index < 0:
            return False
        self.choice_combos[key].setCurrentIndex(index)
        return True

    def clear_filters(self) -> None:
        """Empty the search box and set every drop-down back to "all"."""
        self.search_edit.clear()
        for combo in self.choice_combos.values():
            combo.setCurrentIndex(0)
        self.apply_search()

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
