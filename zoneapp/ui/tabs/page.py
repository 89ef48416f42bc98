"""A section's page: a row of KPI cards, a two-column chart grid, then tables.

It paints a SectionView (zoneapp/views): what the section shows is decided there, below Qt.
Charts and tables are made when they come near the viewport (lazy.py); `charts` and `tables`
make one when it is asked for, so whatever reads the page still gets every one.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from zoneapp.core.dataset import Dataset
from zoneapp.core.schema import TABLES_BY_NAME
from zoneapp.ui import palette
from zoneapp.ui.tabs.lazy import LazyWidgets, Slot, placeholder, swap
from zoneapp.ui.widgets.charts import BarChart, chart_height
from zoneapp.ui.widgets.kpi import KpiCard
from zoneapp.ui.widgets.source_panel import has_source
from zoneapp.ui.widgets.table_panel import TablePanel
from zoneapp.ui.widgets import view_state
from zoneapp.views.model import SectionView, TableView
from zoneapp.views.sections import section_view

KPI_MIN_WIDTH = 230
TABLE_ROW_HEIGHT = 30
TABLE_MAX_HEIGHT = 420
# Views kept per page (language × period), the most recent: switching the language or the
# year back is a repaint, and flipping through ten years does not keep ten views of each tab.
KEPT_VIEWS = 4


class SectionPage(QScrollArea):
    """The page of section `code`: `set_dataset` builds its view and paints it.

    `period` (None: all periods) is what the header's selector chose: tables show that
    period's rows and KPI cards that period's figures; charts always show every period.
    `sig_source_requested` carries the row whose source the user asked for;
    `sig_table_built` each table panel made after the page was filled (scrolled to).
    """

    sig_source_requested = Signal(object)
    sig_table_built = Signal(object)

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
        self._views: dict[tuple[str, int | None], SectionView] = {}  # of `_views_of`
        self._views_of: Dataset | None = None
        self.kpis: list[KpiCard] = []
        self.charts = LazyWidgets(self._build_chart)  # key -> BarChart, made when needed
        self.tables = LazyWidgets(self._build_table)  # key -> TablePanel, made when needed
        self._kpi_columns = 0
        self._near_timer = _timer(self, lambda: self._build_near(0))
        # The next screen is made after the page has painted (content's Paint, eventFilter),
        # one widget per turn of the event loop: what shows is never kept waiting for it.
        self._prefetch_timer = _timer(self, self._prefetch)
        content.installEventFilter(self)
        # Page Down, the wheel, a drag of the bar and ensureWidgetVisible all move the bar.
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    # Building --------------------------------------------------------------------------------
    def set_dataset(self, dataset: Dataset, lang: str = "zh", period: int | None = None) -> None:
        """Show section `section` of `dataset` in `lang` and `period`. Views already made for
        this dataset are kept: switching the language back is only a repaint."""
        view = self._view_of(dataset, lang, period)
        self.dataset = dataset
        self.lang = lang
        self.period = period
        self.show_view(view)

    def prepare(self, dataset: Dataset, lang: str, period: int | None) -> bool:
        """Make the view `set_dataset` would show, without showing it: the window does this
        in idle time for the tabs not on screen, so that a switch only builds widgets. True
        if it was not made yet."""
        made = (lang, period) in self._views and dataset is self._views_of
        self._view_of(dataset, lang, period)
        for other in [k for k in self._views if k != (lang, period)]:  # a tab not on screen
            del self._views[other]  # keeps the one view it would show: six tabs, not 6 × 4
        return not made

    def _view_of(self, dataset: Dataset, lang: str, period: int | None) -> SectionView:
        """The view of this section of `dataset`, made once per language and period."""
        if dataset is not self._views_of:
            self._views.clear()
            self._views_of = dataset
        view = self._views.pop((lang, period), None)
        if view is None:
            view = section_view(dataset, self.section, lang, period)
        self._views[lang, period] = view  # the most recent last
        while len(self._views) > KEPT_VIEWS:  # every tab keeps views: a few each
            del self._views[next(iter(self._views))]
        return view

    def show_view(self, view: SectionView) -> None:
        """Paint `view`: its cards, its charts two to a row, then its tables. A view of the
        same shape as the one shown (a new language, period or theme) updates the widgets
        in place, keeping each table's sort, filter and selection.

        Cards are made at once; a chart or table only when it comes near the viewport
        (lazy.py): until then a placeholder of its height holds its place."""
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
        heights = [chart_height(chart) for chart in view.charts]
        for index, chart in enumerate(view.charts):
            row = heights[index - index % 2:index - index % 2 + 2]  # a row as tall as the taller
            self._add_slot(self.charts, self._chart_grid, chart, max(row), index)
        for table in view.tables:
            self._add_slot(self.tables, self._tables, table, _table_height(table))
        self._kpi_columns = 0
        self._layout_kpis()
        self.empty_label.setVisible(view.empty)
        if shown:
            content.show()
        self._build_near(0)  # what is on screen now; the next screen once it has painted

    def _add_slot(self, widgets: LazyWidgets, layout, view, height: int,
                  index: int | None = None) -> None:
        slot = Slot(view.key, view, height, placeholder(height))
        if index is None:
            layout.addWidget(slot.placeholder)
        else:
            layout.addWidget(slot.placeholder, index // 2, index % 2)
        widgets.slots[view.key] = slot

    def _update(self, view: SectionView) -> None:
        for card, kpi in zip(self.kpis, view.kpis):
            card.set_view(kpi, view.lang)
        for chart_view in view.charts:
            slot = self.charts.slots[chart_view.key]
            slot.view = chart_view
            if slot.widget is not None:
                slot.widget.set_view(chart_view, view.lang)
        for table in view.tables:
            slot = self.tables.slots[table.key]
            slot.view, slot.height = table, _table_height(table)
            if slot.widget is None:
                slot.placeholder.setFixedHeight(slot.height)
                continue
            panel = slot.widget
            state = view_state.capture(panel)
            panel.set_data(table.frame, table.schema or TABLES_BY_NAME.get(table.table_name),
                           view.lang, table.title)
            panel.setFixedHeight(slot.height)
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

    # Making charts and tables when they come near ----------------------------------------
    def _build_near(self, margin: int) -> None:
        """Make the charts and tables within `margin` pixels of the viewport. Nothing while
        the page is hidden: showing it calls this again."""
        if not self.isVisible() or not (self.charts.waiting() or self.tables.waiting()):
            return
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # true places
        top = self.verticalScrollBar().value() - margin
        bottom = self.verticalScrollBar().value() + self.viewport().height() + margin
        for widgets in (self.charts, self.tables):
            for slot in widgets.waiting():
                y = slot.placeholder.y()
                if y < bottom and y + slot.height > top:
                    widgets[slot.key]

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and watched is self.widget() \
                and not self._prefetch_timer.isActive() \
                and (self.charts.waiting() or self.tables.waiting()):
            self._prefetch_timer.start()
        return super().eventFilter(watched, event)

    def _prefetch(self) -> None:
        """The chart or table nearest the viewport within a screen of it, if any; then the
        next on the next turn of the event loop, so that scrolling there finds them made and
        the window stays responsive meanwhile."""
        if not self.isVisible():
            return
        self._build_near(0)  # first anything on screen (a window made taller)
        value, screen = self.verticalScrollBar().value(), self.viewport().height()
        near = [(abs(s.placeholder.y() - value), widgets, s)
                for widgets in (self.charts, self.tables) for s in widgets.waiting()
                if s.placeholder.y() < value + 2 * screen
                and s.placeholder.y() + s.height > value - screen]
        if near:
            _, widgets, slot = min(near, key=lambda n: n[0])
            widgets[slot.key]
            self._prefetch_timer.start()

    def _build_chart(self, slot: Slot) -> BarChart:
        chart = BarChart()
        chart.set_view(slot.view, self.view.lang if self.view is not None else self.lang)
        chart.sig_source_requested.connect(self.sig_source_requested)
        chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        chart.setFixedHeight(slot.height)
        swap(self._chart_grid, slot.placeholder, chart)
        slot.widget, slot.placeholder = chart, None
        return chart

    def _build_table(self, slot: Slot) -> TablePanel:
        view = slot.view
        panel = TablePanel()
        panel.set_data(view.frame, view.schema or TABLES_BY_NAME.get(view.table_name),
                       self.view.lang if self.view is not None else self.lang, view.title)
        panel.setFixedHeight(slot.height)
        swap(self._tables, slot.placeholder, panel)
        slot.widget, slot.placeholder = panel, None
        self._add_source_action(panel)  # the panel sets its own Tab order
        if slot.state is not None:
            view_state.restore(panel, slot.state)
            slot.state = None
        self.sig_table_built.emit(panel)
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
        """The tables' sort, filter and selection and the page's scroll position; a table
        not made yet keeps the state it was given."""
        tables = {key: view_state.capture(panel) for key, panel in self.tables.built().items()}
        tables |= {s.key: s.state for s in self.tables.waiting() if s.state is not None}
        return {"tables": tables, "scroll": self.verticalScrollBar().value()}

    def restore_view_state(self, state: dict) -> None:
        for key, table_state in state.get("tables", {}).items():
            slot = self.tables.slots.get(key)
            if slot is None:
                continue
            if slot.widget is not None:
                view_state.restore(slot.widget, table_state)
            else:  # restored when it is made
                slot.state = table_state
        self.verticalScrollBar().setValue(state.get("scroll", 0))

    def show_table_row(self, table_name: str, row: int | None) -> TablePanel | None:
        """Select the row whose spreadsheet row is `row` in a table from `table_name`.

        Returns the panel holding it (scrolled into view, focused), or None when no table
        of this tab shows that row. A search or drop-down hiding the row is cleared (the
        main window sets the year selector back to all years first). `row` None: the
        table itself is shown. Only tables of `table_name` are made for it.
        """
        for key, slot in self.tables.slots.items():
            table = slot.view.schema or TABLES_BY_NAME.get(slot.view.table_name)
            if table is None or table.name != table_name:
                continue
            panel = self.tables[key]
            self.widget().layout().activate()  # a panel just made: its place, to scroll to
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
        """The search box of the tab's first table, if it has one (made for it)."""
        for key in self.tables:
            return self.tables[key].filter_edit
        return None

    # Layout ----------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._layout_kpis()
        self._near_timer.start()  # once laid out: a taller window shows more (render)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._build_near(0)

    def _scrolled(self, _value: int) -> None:
        self._build_near(self.viewport().height())  # within a screen: made before it shows

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


def _timer(parent: QWidget, slot) -> QTimer:
    """A single-shot timer for the next turn of the event loop."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer


def _table_height(view: TableView) -> int:
    rows = getattr(view, "rows", None)  # views.ranking.EntityTableView: its frame made later
    return min(TABLE_MAX_HEIGHT, 100 + TABLE_ROW_HEIGHT * (len(view.frame) if rows is None
                                                          else rows))


def _shape(view: SectionView) -> tuple:
    """What decides which widgets a view needs: cards, charts and tables, by key."""
    return (len(view.kpis), [c.key for c in view.charts], [t.key for t in view.tables])
