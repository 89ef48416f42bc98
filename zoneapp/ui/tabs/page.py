"""A section's page: a row of KPI cards, a two-column chart grid, then tables.

It paints a SectionView (zoneapp/views): what the section shows is decided there, below Qt.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from zoneapp.core.dataset import Dataset
from zoneapp.core.schema import TABLES_BY_NAME
from zoneapp.ui import palette
from zoneapp.ui.widgets.charts import BarChart, chart_height
from zoneapp.ui.widgets.kpi import KpiCard
from zoneapp.ui.widgets.source_panel import has_source
from zoneapp.ui.widgets.table_panel import TablePanel
from zoneapp.ui.window import view_state
from zoneapp.views.model import ChartView, SectionView, TableView
from zoneapp.views.sections import section_view

KPI_MIN_WIDTH = 230
TABLE_ROW_HEIGHT = 30
TABLE_MAX_HEIGHT = 420


class SectionPage(QScrollArea):
    """The page of section `code`: `set_dataset` builds its view and paints it.

    `period` (None: all periods) is what the header's selector chose: tables show that
    period's rows and KPI cards that period's figures; charts always show every period.
    `sig_source_requested` carries the row whose source the user asked for.
    """

    sig_source_requested = Signal(object)

    def __init__(self, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = code
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("tabContent")
        self.setWidget(content)
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(20, 16, 20, 20)
        self._layout.setSpacing(14)
        self._kpi_grid = QGridLayout()
        self._kpi_grid.setSpacing(12)
        self._chart_grid = QGridLayout()
        self._chart_grid.setSpacing(14)
        self._tables = QVBoxLayout()
        self._tables.setSpacing(14)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addLayout(self._kpi_grid)
        self._layout.addLayout(self._chart_grid)
        self._layout.addLayout(self._tables)
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)
        self.dataset: Dataset | None = None
        self.lang = "zh"
        self.period: int | None = None
        self.view: SectionView | None = None
        self._views: dict[tuple[str, int | None], SectionView] = {}  # of `dataset`
        self.kpis: list[KpiCard] = []
        self.charts: dict[str, BarChart] = {}
        self.tables: dict[str, TablePanel] = {}
        self._kpi_columns = 0

    # Building --------------------------------------------------------------------------------
    def set_dataset(self, dataset: Dataset, lang: str = "zh", period: int | None = None) -> None:
        """Show section `section` of `dataset` in `lang` and `period`. Views already made for
        this dataset are kept: switching the language back is only a repaint."""
        if dataset is not self.dataset:
            self._views.clear()
        self.dataset = dataset
        self.lang = lang
        self.period = period
        view = self._views.get((lang, period))
        if view is None:
            view = self._views[lang, period] = section_view(dataset, self.section, lang, period)
        self.show_view(view)

    def show_view(self, view: SectionView) -> None:
        """Paint `view`: its cards, its charts two to a row, then its tables. A view of the
        same shape as the one shown (a new language, period or theme) updates the widgets
        in place, keeping each table's sort, filter and selection."""
        self.empty_label.setText(self.tr("No data for this section in this folder."))
        self.empty_label.setStyleSheet(f"color: {palette.MUTED_TEXT}; padding: 40px;")
        if self.view is not None and _shape(self.view) == _shape(view):
            self.view = view
            self._update(view)
            return
        self.view = view
        content = self.widget()
        shown = content.isVisible()  # filled while on screen (tabs fill when first shown):
        if shown:  # hidden meanwhile, so the new cards, charts and tables show at once
            content.hide()
        self._clear()
        targets = any(kpi.completion_pct is not None for kpi in view.kpis)
        for kpi in view.kpis:
            card = KpiCard()
            card.reserve_target_room(targets)  # a row of cards lines up
            card.set_view(kpi, view.lang)
            card.sig_source_requested.connect(self.sig_source_requested)
            card.setMinimumWidth(180)
            self.kpis.append(card)
        for chart in view.charts:
            self._add_chart(chart)
        for table in view.tables:
            self._add_table(table)
        self._kpi_columns = 0
        self._layout_kpis()
        self.empty_label.setVisible(view.empty)
        if shown:
            content.show()

    def _update(self, view: SectionView) -> None:
        for card, kpi in zip(self.kpis, view.kpis):
            card.set_view(kpi, view.lang)
        for chart_view in view.charts:
            self.charts[chart_view.key].set_view(chart_view, view.lang)
        for table in view.tables:
            panel = self.tables[table.key]
            state = view_state.capture(panel)
            panel.set_data(table.frame, table.schema or TABLES_BY_NAME.get(table.table_name),
                           view.lang, table.title)
            panel.setFixedHeight(min(TABLE_MAX_HEIGHT, 100 + TABLE_ROW_HEIGHT * len(table.frame)))
            view_state.restore(panel, state)

    def set_period(self, period: int | None) -> None:
        """Show `period`'s rows in the tables and its figures on the cards (None: all years)."""
        if self.dataset is not None and period != self.period:
            self.set_dataset(self.dataset, self.lang, period)
        self.period = period

    def _clear(self) -> None:
        for layout in (self._kpi_grid, self._chart_grid, self._tables):
            while layout.count():
                item = layout.takeAt(0)
                if item.widget() is not None:
                    item.widget().setParent(None)
                    item.widget().deleteLater()
        self.kpis.clear()
        self.charts.clear()
        self.tables.clear()

    def _add_chart(self, view: ChartView) -> BarChart:
        """The chart in the next cell of the two-column grid; horizontal charts are as tall
        as their bars need, and both charts of a row as tall as the taller."""
        chart = BarChart()
        chart.set_view(view, self.lang)
        chart.sig_source_requested.connect(self.sig_source_requested)
        chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        chart.setFixedHeight(chart_height(view))
        index = len(self.charts)
        self._chart_grid.addWidget(chart, index // 2, index % 2)
        self.charts[view.key] = chart
        row = [self._chart_grid.itemAtPosition(index // 2, c) for c in (0, 1)]
        tallest = max(item.widget().minimumHeight() for item in row if item is not None)
        for item in row:
            if item is not None:
                item.widget().setFixedHeight(tallest)
        return chart

    def _add_table(self, view: TableView) -> TablePanel:
        panel = TablePanel()
        panel.set_data(view.frame, view.schema or TABLES_BY_NAME.get(view.table_name),
                       self.lang, view.title)
        panel.setFixedHeight(min(TABLE_MAX_HEIGHT, 100 + TABLE_ROW_HEIGHT * len(view.frame)))
        self._tables.addWidget(panel)
        self.tables[view.key] = panel
        self._add_source_action(panel)  # the panel sets its own Tab order
        return panel

    def _add_source_action(self, panel: TablePanel) -> None:
        """Double-click a cell, or right-click → "Source…", to see where its row came from."""
        def request(index=None) -> None:
            index = panel.view.currentIndex() if index is None else index
            if not index.isValid():
                return
            row = panel.model.frame().iloc[panel.model.source_row(index.row())]
            if has_source(row):
                self.sig_source_requested.emit(row)

        action = QAction(self.tr("Source…"), panel.view)
        action.triggered.connect(lambda _=False: request())
        panel.view.addAction(action)
        if panel.view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            panel.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        panel.view.doubleClicked.connect(request)
        panel.source_action = action

    # State kept across rebuilds; rows found for the problems panel ---------------------------
    def view_state(self) -> dict:
        """The tables' sort, filter and selection and the page's scroll position."""
        tables = {key: view_state.capture(panel) for key, panel in self.tables.items()}
        return {"tables": tables, "scroll": self.verticalScrollBar().value()}

    def restore_view_state(self, state: dict) -> None:
        for key, table_state in state.get("tables", {}).items():
            if key in self.tables:
                view_state.restore(self.tables[key], table_state)
        self.verticalScrollBar().setValue(state.get("scroll", 0))

    def show_table_row(self, table_name: str, row: int | None) -> TablePanel | None:
        """Select the row whose spreadsheet row is `row` in a table from `table_name`.

        Returns the panel holding it (scrolled into view, focused), or None when no table
        of this tab shows that row. A search or drop-down hiding the row is cleared (the
        main window sets the year selector back to all years first). `row` None: the
        table itself is shown.
        """
        for panel in self.tables.values():
            table = panel.model.table()
            if table is None or table.name != table_name:
                continue
            if row is None:
                self.ensureWidgetVisible(panel)
                panel.view.setFocus()
                return panel
            positions = view_state.source_positions(panel.model, [int(row)], True)
            if not positions:
                continue
            if not view_state.view_rows(panel.model, positions):
                panel.filter_bar.clear_filters()
            if view_state.select_rows(panel, positions):
                self.ensureWidgetVisible(panel, 0, 40)
                panel.view.setFocus()
                return panel
        return None

    def first_filter_edit(self):
        """The search box of the tab's first table, if it has one."""
        for panel in self.tables.values():
            return panel.filter_edit
        return None

    # Layout ----------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._layout_kpis()

    def _layout_kpis(self) -> None:
        if not self.kpis:
            return
        width = max(self.viewport().width() - 40, KPI_MIN_WIDTH)
        columns = max(1, min(len(self.kpis), width // KPI_MIN_WIDTH))
        if columns == self._kpi_columns:
            return
        self._kpi_columns = columns
        for card in self.kpis:
            self._kpi_grid.removeWidget(card)
        for i, card in enumerate(self.kpis):
            self._kpi_grid.addWidget(card, i // columns, i % columns)
        for c in range(self._kpi_grid.columnCount()):
            self._kpi_grid.setColumnStretch(c, 1 if c < columns else 0)


def _shape(view: SectionView) -> tuple:
    """What decides which widgets a view needs: cards, charts and tables, by key."""
    return (len(view.kpis), [c.key for c in view.charts], [t.key for t in view.tables])
