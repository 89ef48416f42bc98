"""A titled table: sortable view over a FrameModel, a filter box, a row count, copy and export.

Export writes what is shown (rows in view order after sort and filter, shown columns) through
`core.export.export_frame`. `ask_save_path` and `show_error` wrap the modal dialogs so tests
can replace them.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
    QPushButton, QTableView, QVBoxLayout, QWidget,
)

from zoneapp.core.schema import Table
from zoneapp.models.frame_model import FrameModel

from . import palette

MIN_COLUMN_WIDTH = 60
MAX_COLUMN_WIDTH = 360
FIT_SAMPLE_ROWS = 200  # column widths are fitted to the header and this many rows
CSV_FILTER = "CSV (UTF-8 带 BOM) (*.csv)"
XLSX_FILTER = "Excel (*.xlsx)"


class TablePanel(QWidget):
    """Title, filter box, table view, "N / M rows" and an Export… button (also Ctrl+E).

    Besides the brief's API: a filter box (`filter_edit`, wired to `model.set_filter`),
    `export()` (the Export… action; returns the written path or None), `copy_selection()`
    (Ctrl+C: selected cells as TSV with a header row; returns the text) and `fit_columns()`.
    """

    sig_exported = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._lang = "zh"
        self._title = ""
        self.model = FrameModel(self)
        self.model.derived_foreground = palette.qcolor(palette.MUTED_TEXT)
        self.view = QTableView(self)
        self._setup_view()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("tablePanelTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(220)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        self._build_layout()
        self._export_action = QAction(self)
        self._export_action.setShortcut(QKeySequence("Ctrl+E"))
        self._export_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._export_action.triggered.connect(self.export)
        self.addAction(self._export_action)
        self._copy_action = QAction(self)
        self._copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self._copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._copy_action.triggered.connect(self.copy_selection)
        self.view.addAction(self._copy_action)
        self.model.sig_rows_changed.connect(self._show_count)
        self.retranslate_ui()

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.count_label)
        top.addSpacing(8)
        top.addWidget(self.filter_edit)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    # ----- public API -------------------------------------------------------------------

    def set_data(self, frame: pd.DataFrame, table: Table | None, lang: str, title: str = "") -> None:
        """Show `frame` through `table` in `lang`; an empty title uses the table's label."""
        self._table = table
        self._lang = lang
        self._title = title
        self.model.set_frame(frame, table, lang)
        self._show_title()
        self.fit_columns()

    def set_lang(self, lang: str) -> None:
        """Relabel headers, enum cells and figures (a given title is the caller's to change)."""
        self._lang = lang
        self.model.set_lang(lang)
        self._show_title()
        self.fit_columns()

    def title(self) -> str:
        return self.title_label.text()

    def fit_columns(self) -> None:
        """Widths from the header and the first rows' text, kept within 60–360 px."""
        metrics = self.view.fontMetrics()
        header_metrics = self.view.horizontalHeader().fontMetrics()
        rows = min(self.model.rowCount(), FIT_SAMPLE_ROWS)
        for c in range(self.model.columnCount()):
            width = header_metrics.horizontalAdvance(self.model.header_label(c)) + 28
            for r in range(rows):
                text = self.model.data(self.model.index(r, c)) or ""
                width = max(width, metrics.horizontalAdvance(text) + 16)
            self.view.setColumnWidth(c, max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, width)))

    def ask_save_path(self, default_name: str) -> Path | None:
        """Ask where to export; None when the user cancels. (Tests replace this.)"""
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export table"), default_name, f"{CSV_FILTER};;{XLSX_FILTER}")
        if not path:
            return None
        path = Path(path)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(path.name + (".xlsx" if chosen == XLSX_FILTER else ".csv"))
        return path

    def show_error(self, title: str, text: str) -> None:
        """Report a failed action with its reason. (Tests replace this.)"""
        QMessageBox.critical(self, title, text)

    def default_file_name(self) -> str:
        stem = self.title() or (self._table.label(self._lang) if self._table else "") or "table"
        for ch in '<>:"/\\|?*':
            stem = stem.replace(ch, "-")
        return f"{stem}.csv"

    def export(self) -> Path | None:
        """Ask for a path and write the shown rows and columns there."""
        path = self.ask_save_path(self.default_file_name())
        if path is None:
            return None
        try:
            from zoneapp.core.export import export_frame
            written = export_frame(self.model.visible_frame(), Path(path), self._table, self._lang)
        except (OSError, ValueError, ImportError) as exc:
            self.show_error(self.tr("Export failed"),
                            self.tr("Could not write %1:\n%2").replace("%1", str(path))
                            .replace("%2", str(exc)))
            return None
        self.sig_exported.emit(Path(written))
        return Path(written)

    def copy_selection(self) -> str:
        """Copy the selected cells (their bounding block) as TSV with a header row."""
        indexes = self.view.selectionModel().selectedIndexes() if self.view.selectionModel() else []
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        selected = {(i.row(), i.column()) for i in indexes}
        clean = lambda s: (s or "").replace("\t", " ").replace("\n", " ")  # noqa: E731
        lines = ["\t".join(clean(self.model.header_label(c)) for c in cols)]
        for r in rows:
            lines.append("\t".join(
                clean(self.model.data(self.model.index(r, c))) if (r, c) in selected else ""
                for c in cols))
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    # ----- internals --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the rows shown to CSV or Excel (Ctrl+E)"))
        self.filter_edit.setPlaceholderText(self.tr("Filter…"))
        self._export_action.setText(self.tr("Export…"))
        self._copy_action.setText(self.tr("Copy"))
        self._show_count(self.model.shown_count(), len(self.model.frame()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_title(self) -> None:
        text = self._title or (self._table.label(self._lang) if self._table else "")
        self.title_label.setText(text)
        self.title_label.setVisible(bool(text))

    def _show_count(self, shown: int, total: int) -> None:
        self.count_label.setText(
            self.tr("%1 / %2 rows").replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))
