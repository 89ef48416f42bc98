"""A titled table: sortable view over a FrameModel, a filter row, copy and export.

Export writes what is shown (rows in view order after sort and filter, shown columns) or the
whole table through `core.export.export_frame`, as CSV (UTF-8 with BOM, or GB18030 for old
Excel) or xlsx. `ask_save_path` and `show_error` wrap the modal dialogs so tests can replace
them.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pandas as pd
from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMenu, QMessageBox,
    QSizePolicy, QTableView, QToolButton, QVBoxLayout, QWidget,
)

from zoneapp.core.io.names import safe_file_name
from zoneapp.core.schema import Table
from zoneapp.models.frame_model import FrameModel

from zoneapp.ui import palette
from zoneapp.ui.window.after_paint import after_next_paint
from zoneapp.ui.widgets.table_copy import TooManyCells, selection_tsv
from zoneapp.ui.widgets.table_filters import FilterBar
from zoneapp.ui.window.write_failure import failure_text

MIN_COLUMN_WIDTH = 60
MAX_COLUMN_WIDTH = 360
FIT_SAMPLE_ROWS = 200  # column widths are fitted to the header and this many rows
FIT_SAMPLE_CELLS = 4000  # … or fewer rows, down to FIT_MIN_ROWS, in a table of many columns
FIT_MIN_ROWS = 30
# In a wide table of one kind of figure (region × month) a figure's widest texts are its
# extremes (always measured): a few first rows suffice. A narrower table samples its figures as
# its text: its values differ in unit and qualifier ("over 1.2 M m²" beside "25").
FIT_FIGURE_ROWS = 10
FIT_WIDE_TABLE = 30  # columns
FIT_MEASURED = 4  # texts measured per column, the longest by _text_extent
CSV_FILTER = "CSV UTF-8 (*.csv)"
GB18030_FILTER = "CSV GB18030 (*.csv)"
XLSX_FILTER = "Excel (*.xlsx)"
SHOWN, WHOLE = "shown", "whole"


def _text_extent(text: str) -> int:
    """A text's width in half-width characters (about: a Chinese character counts two), to pick
    the few texts worth measuring with the font."""
    # UTF-8 gives a Chinese character three bytes and ASCII one: counted in C, not per char.
    return (len(text.encode("utf-8", "surrogatepass")) + len(text)) // 2


class ExportTarget(NamedTuple):
    """Where to export and how: a CSV's encoding is "utf-8-sig" or "gb18030"."""

    path: Path
    encoding: str = "utf-8-sig"


class TablePanel(QWidget):
    """Title, filter row (search, drop-downs, "N / M rows"), table view and Export.

    `export(scope)` writes the rows shown (SHOWN) or the whole table (WHOLE) and returns the
    path or None; `copy_selection()` (Ctrl+C) puts the selected cells on the clipboard as TSV
    with a header row; `fit_columns()` sizes columns to their contents within limits.
    """

    sig_exported = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._lang = "zh"
        self._title = ""
        self.model = FrameModel(self)
        self.model.derived_foreground = QColor(palette.MUTED_TEXT)
        self.view = QTableView(self)
        self._setup_view()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("tablePanelTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.filter_bar = FilterBar(self.model, self)
        self.filter_edit = self.filter_bar.search_edit
        self.count_label = self.filter_bar.count_label
        self.export_button = QToolButton(self)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.export_button.clicked.connect(lambda: self.export(SHOWN))
        self._build_layout()
        self._build_actions()
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
        view.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move between cells
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        # The view lays rows out again only on its next event-loop pass, and then paints the
        # viewport a second time; after a filter or sort over a million rows that second
        # paint costs as much as the first. Laying out at once (connected after the view's
        # own slots) makes whatever paints next -- the event loop, repaint(), grab() -- the
        # only paint, with the new rows.
        self.model.layoutChanged.connect(self._layout_now)
        self.model.modelReset.connect(self._layout_now)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def _build_layout(self) -> None:
        """Title, filter row, drop-downs and Export on one line; the drop-downs move to a
        line of their own when the panel is too narrow for them (see `_place_choices`)."""
        top = self._top_row = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.filter_bar)
        top.addWidget(self.export_button)
        self._choices_row = QHBoxLayout()
        self._choices_row.setContentsMargins(0, 0, 0, 0)
        self._choices_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(self._choices_row)
        layout.addWidget(self.view, 1)
        self.title_label.setMinimumWidth(0)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                       QSizePolicy.Policy.Preferred)
        self._choices_on_top = False
        self._place_choices(on_top=True)

    def _place_choices(self, on_top: bool | None = None) -> None:
        """Put the drop-downs beside the search box when the panel is wide enough."""
        choices = self.filter_bar.choices_widget
        if on_top is None:
            top = self._top_row.sizeHint().width()  # the title (Ignored) counts as 0 wide
            if self._choices_on_top:
                top -= choices.sizeHint().width() + self._top_row.spacing()
            title = self.title_label.sizeHint().width()
            on_top = self.width() >= top + title + choices.sizeHint().width() + 24
        if on_top == self._choices_on_top:
            return
        self._choices_on_top = on_top
        (self._choices_row if on_top else self._top_row).removeWidget(choices)
        if on_top:  # its width does not count in the panel's minimum: it moves down instead
            choices.setMinimumWidth(1)
            self._top_row.insertWidget(2, choices)
        else:
            choices.setMinimumWidth(0)
            self._choices_row.insertWidget(0, choices)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._place_choices()

    def _set_tab_order(self) -> None:
        """Search box → column chooser → drop-downs → Export → table."""
        chain = [*self.filter_bar.tab_widgets(), self.export_button, self.view]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _action(self, slot, shortcut=None, owner: QWidget | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            (owner or self).addAction(action)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        # Ctrl+E is the main window's File → Export table…, which exports the focused table.
        self._export_action = self._action(lambda: self.export(SHOWN))
        self._export_whole_action = self._action(lambda: self.export(WHOLE))
        self._copy_action = self._action(self.copy_selection, QKeySequence.StandardKey.Copy,
                                         self.view)
        self._select_all_action = self._action(self.view.selectAll,
                                               QKeySequence.StandardKey.SelectAll, self.view)
        menu = QMenu(self.export_button)
        menu.addAction(self._export_action)
        menu.addAction(self._export_whole_action)
        self.export_button.setMenu(menu)

    # ----- public API -------------------------------------------------------------------

    def set_data(self, frame: pd.DataFrame, table: Table | None, lang: str, title: str = "") -> None:
        """Show `frame` through `table` in `lang`; an empty title uses the table's label."""
        self._table = table
        self._lang = lang
        self._title = title
        self.model.derived_foreground = QColor(palette.MUTED_TEXT)  # the theme's now
        self.model.set_frame(frame, table, lang)
        self.filter_bar.rebuild()
        self._show_title()
        self.fit_columns()
        self._set_tab_order()
        self._place_choices()
        # Once the table is on screen (not before: that would slow the tab's opening), the
        # model works out in the background what a first search of a big table needs.
        after_next_paint(self.view.viewport(), self.model.warm_up_search)

    def set_lang(self, lang: str) -> None:
        """Relabel headers, enum cells and figures (a given title is the caller's to change)."""
        self._lang = lang
        self.model.set_lang(lang)  # columns may move (English first): the arrow follows
        self.view.horizontalHeader().setSortIndicator(*self.model.sort_column())
        self.filter_bar.rebuild()
        self._show_title()
        self.fit_columns()
        self._set_tab_order()
        self._place_choices()

    def title(self) -> str:
        return self.title_label.text()

    def fit_columns(self) -> None:
        """Widths from the header and the first rows' text, kept within 60–360 px."""
        metrics = self.view.fontMetrics()
        header_metrics = self.view.horizontalHeader().fontMetrics()
        columns = self.model.columnCount()
        # A wide table (a region × month table has ~120 columns) samples fewer rows per
        # column: formatting every cell of 200 rows took most of a province tab's first show.
        rows = min(self.model.rowCount(),
                   max(FIT_MIN_ROWS, FIT_SAMPLE_CELLS // max(columns, 1)), FIT_SAMPLE_ROWS)
        figure_rows = FIT_FIGURE_ROWS if columns > FIT_WIDE_TABLE else None
        for c in range(columns):
            width = header_metrics.horizontalAdvance(self.model.header_label(c)) + 28
            texts = sorted(set(self.model.width_texts(c, rows, figure_rows)),
                           key=_text_extent)
            for text in texts[-FIT_MEASURED:]:  # only the likely widest are measured
                width = max(width, metrics.horizontalAdvance(text) + 16)
            self.view.setColumnWidth(c, max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, width)))
        # A last column of text takes the spare width; one of figures (a table region ×
        # year) keeps its width, so its numbers sit beside the others, not at the far edge.
        last = self.model.columnCount() - 1
        self.view.horizontalHeader().setStretchLastSection(
            last < 0 or not self.model.is_numeric_column(last))

    def ask_save_path(self, default_name: str) -> Path | ExportTarget | None:
        """Ask where to export and in which format; None when the user cancels. A plain Path
        means UTF-8 with BOM for a .csv. (Tests replace this.)"""
        filters = [self.tr("CSV UTF-8, for Excel and WPS (*.csv)"),
                   self.tr("CSV GB18030, for old Excel (*.csv)"), XLSX_FILTER]
        from zoneapp import settings  # the remembered export encoding is the default choice

        preferred = filters[1] if settings.get("export/encoding") == "gb18030" else filters[0]
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export table"), default_name, ";;".join(filters), preferred)
        if not path:
            return None
        path = Path(path)
        xlsx = chosen == XLSX_FILTER
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(path.name + (".xlsx" if xlsx else ".csv"))
        return ExportTarget(path, "gb18030" if chosen == filters[1] else "utf-8-sig")

    def show_error(self, title: str, text: str) -> None:
        """Report a failed action with its reason. (Tests replace this.)"""
        QMessageBox.critical(self, title, text)

    def default_file_name(self) -> str:
        stem = self.title() or (self._table.label(self._lang) if self._table else "") or "table"
        for ch in '<>:"/\\|?*':
            stem = stem.replace(ch, "-")
        return f"{safe_file_name(stem, 'table')}.csv"

    def export(self, scope: str = SHOWN) -> Path | None:
        """Ask for a path and write the rows shown (SHOWN) or the whole table (WHOLE) there."""
        self.filter_bar.apply_search()  # a search still being typed applies first
        answer = self.ask_save_path(self.default_file_name())
        if answer is None:
            return None
        target = answer if isinstance(answer, ExportTarget) else ExportTarget(Path(answer))
        frame = self.model.whole_frame() if scope == WHOLE else self.model.visible_frame()
        try:
            from zoneapp.core.io.export import export_frame
            written = export_frame(frame, Path(target.path), self._table, self._lang,
                                   encoding=target.encoding)
        except (OSError, ValueError, ImportError) as exc:
            self.show_error(self.tr("Export failed"),
                            self.tr("Could not write %1:\n%2").replace("%1", str(target.path))
                            .replace("%2", failure_text(exc)))
            return None
        self.sig_exported.emit(Path(written))
        return Path(written)

    def copy_selection(self) -> str:
        """Copy the selected cells (their bounding block) as TSV with a header row."""
        selection = self.view.selectionModel()
        if selection is None or not selection.hasSelection():
            return ""
        try:
            text = selection_tsv(self.model, selection.selection())
        except TooManyCells as exc:
            self.show_error(self.tr("Copy"), self.tr(
                "%1 cells are too many to copy; use Export for large selections.")
                .replace("%1", f"{exc.cells:,}"))
            return ""
        QGuiApplication.clipboard().setText(text)
        return text

    # ----- internals --------------------------------------------------------------------

    def _layout_now(self, *_args) -> None:
        self.view.executeDelayedItemsLayout()

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self._copy_action)
        menu.addAction(self._select_all_action)
        own = (self._copy_action, self._select_all_action)
        for action in self.view.actions():  # what the page added, such as "Source…"
            if action not in own:
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self._export_action)
        menu.addAction(self._export_whole_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def retranslate_ui(self) -> None:
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the rows shown to CSV or Excel (Ctrl+E)"))
        self._export_action.setText(self.tr("Export rows shown…"))
        self._export_whole_action.setText(self.tr("Export whole table…"))
        self._copy_action.setText(self.tr("Copy"))
        self._select_all_action.setText(self.tr("Select all"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:  # placed on a page: its focus chain
            self._set_tab_order()
        return super().event(event)

    def _show_title(self) -> None:
        text = self._title or (self._table.label(self._lang) if self._table else "")
        self.title_label.setText(text)
        self.title_label.setVisible(bool(text))
