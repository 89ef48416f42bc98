"""A scrollable tab page: a row of KPI cards, a two-column chart grid, then tables."""
from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from ...core.dataset import Dataset
from ...core.schema import INDICATORS, TABLES_BY_NAME
from ...core.summary import previous_row
from zoneapp.ui import palette
from zoneapp.ui.window import view_state
from zoneapp.ui.widgets.charts import Bar, BarChart
from zoneapp.ui.widgets.kpi import KpiCard
from zoneapp.ui.widgets.source_panel import has_source
from zoneapp.core.stale import stale_mark
from zoneapp.ui.widgets.table_panel import TablePanel
from . import figures

KPI_MIN_WIDTH = 230
MAX_KPIS = 8
CHART_HEIGHT = 320
CHART_MIN_HEIGHT = 230
BAR_ROW_HEIGHT = 44
TABLE_ROW_HEIGHT = 30
TABLE_MAX_HEIGHT = 420


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    label.setStyleSheet(f"#sectionTitle {{ color: {palette.ACCENT}; font-weight: bold; }}")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class TabPage(QScrollArea):
    """Subclasses implement `populate(ds)`, calling add_kpis / add_chart / add_table.

    `period` (None: all years) is what the header's selector chose: tables show that period's
    rows and KPI cards that period's figures; charts always show every period.
    `sig_source_requested` carries the row whose source the user asked for.
    """

    section = ""
    sig_source_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
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
        self.empty_label = QLabel(self.tr("No data for this section in this folder."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {palette.MUTED_TEXT}; padding: 40px;")
        self._layout.addLayout(self._kpi_grid)
        self._layout.addLayout(self._chart_grid)
        self._layout.addLayout(self._tables)
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)
        self.dataset: Dataset | None = None
        self.lang = "zh"
        self.period: int | None = None
        self.table_frames: dict[str, tuple[pd.DataFrame, str, str]] = {}
        self.kpis: list[KpiCard] = []
        self.charts: dict[str, BarChart] = {}
        self.tables: dict[str, TablePanel] = {}
        self._kpi_columns = 0

    # Building --------------------------------------------------------------------------------
    def set_dataset(self, dataset: Dataset, lang: str = "zh", period: int | None = None) -> None:
        self.dataset = dataset
        self.lang = lang
        self.period = period
        content = self.widget()
        shown = content.isVisible()  # filled while on screen (tabs fill when first shown):
        if shown:  # hidden meanwhile, so the new cards, charts and tables show at once
            content.hide()
        self._clear()
        self.empty_label.setText(self.tr("No data for this section in this folder."))
        self.empty_label.setStyleSheet(f"color: {palette.MUTED_TEXT}; padding: 40px;")
        self.populate(dataset)
        self._kpi_columns = 0
        self._layout_kpis()
        self.empty_label.setVisible(not (self.kpis or self.charts or self.tables))
        if shown:
            content.show()

    def set_period(self, period: int | None) -> None:
        """Show `period`'s rows in the tables and its figures on the cards (None: all years)."""
        if self.dataset is not None and period != self.period:
            self.set_dataset(self.dataset, self.lang, period)
        self.period = period

    def populate(self, dataset: Dataset) -> None:
        raise NotImplementedError

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
        self.table_frames.clear()

    def add_kpis(self, rows: pd.DataFrame | None) -> list[KpiCard]:
        """A card per indicator row (latest period per key), at most MAX_KPIS in all."""
        if rows is None or rows.empty:
            return []
        history = rows
        if self.period is not None:
            rows = rows[rows["period"] == self.period]
        added = []
        for _, row in figures.latest_by_key(rows).iterrows():
            if len(self.kpis) >= MAX_KPIS:
                break
            card = KpiCard()
            card.set_indicator(row, self.lang)
            card.set_previous(previous_row(history, row))
            card.sig_source_requested.connect(self.sig_source_requested)
            card.setMinimumWidth(180)
            self.kpis.append(card)
            added.append(card)
        return added

    def add_chart(self, key: str, title: str, bars: list[Bar], horizontal: bool = False,
                  value_axis_label: str = "") -> BarChart | None:
        """A bar chart in the next grid cell; nothing when there are no bars."""
        if not bars:
            return None
        chart = self._new_chart(title)
        chart.set_bars(bars, horizontal=horizontal, value_axis_label=value_axis_label)
        return self._place_chart(key, chart, len(bars) if horizontal else 0)

    def add_grouped_chart(self, key: str, title: str, categories: list[str],
                          series: dict[str, list[Bar]], value_axis_label: str = "",
                          horizontal: bool = False) -> BarChart | None:
        """Grouped bars: a group per category, a bar per series."""
        if not categories or not any(series.values()):
            return None
        chart = self._new_chart(title)
        chart.set_grouped(categories, series, horizontal=horizontal,
                          value_axis_label=value_axis_label)
        rows = math.ceil(len(categories) * (1 + 0.4 * (len(series) - 1))) if horizontal else 0
        return self._place_chart(key, chart, rows)

    def _new_chart(self, title: str) -> BarChart:
        chart = BarChart()
        chart.lang = self.lang
        chart.set_title(title)
        chart.sig_source_requested.connect(self.sig_source_requested)
        return chart

    def add_figures_chart(self, key: str, title: str, rows: pd.DataFrame, keys: list[str],
                          value_axis_label: str = "") -> BarChart | None:
        """Horizontal bars of `keys`: the latest figures, or a bar per period when several."""
        chosen = rows[rows["key"].isin(keys)]
        periods = sorted(int(p) for p in chosen["period"].dropna().unique())
        latest = {row["key"]: row for _, row in figures.latest_by_key(chosen).iterrows()}
        keys = [k for k in keys if k in latest]
        if len(periods) <= 1:
            bars = [figures.indicator_bar(latest[k], self.lang) for k in keys]
            return self.add_chart(key, title, bars, horizontal=True,
                                  value_axis_label=value_axis_label)
        names = [figures.name(latest[k], self.lang) for k in keys]
        series: dict[str, list[Bar]] = {}
        for period in periods:
            at = chosen[chosen["period"] == period]
            series[str(period)] = [
                figures.indicator_bar(at[at["key"] == k].iloc[0], self.lang, label=name,
                                      series=str(period))
                for k, name in zip(keys, names) if (at["key"] == k).any()]
        return self.add_grouped_chart(key, title, names, series, value_axis_label,
                                      horizontal=True)

    def _place_chart(self, key: str, chart: BarChart, horizontal_count: int = 0) -> BarChart:
        """Next cell of the two-column grid; horizontal charts are as tall as their bars need."""
        height = CHART_HEIGHT
        if horizontal_count:
            height = max(CHART_MIN_HEIGHT, 110 + BAR_ROW_HEIGHT * horizontal_count)
        chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        chart.setFixedHeight(height)
        index = len(self.charts)
        self._chart_grid.addWidget(chart, index // 2, index % 2)
        self.charts[key] = chart
        describe_chart(chart)
        self._equalise_row(index // 2)
        return chart

    def _equalise_row(self, row: int) -> None:
        """Both charts of a grid row get the taller one's height, so their axes line up."""
        widgets = [self._chart_grid.itemAtPosition(row, c) for c in (0, 1)]
        charts = [w.widget() for w in widgets if w is not None]
        height = max(c.minimumHeight() for c in charts)
        for chart in charts:
            chart.setFixedHeight(height)

    def add_table(self, key: str, frame: pd.DataFrame | None, table_name: str,
                  title: str = "") -> TablePanel | None:
        """A table panel over `frame`; nothing when the table did not load or is empty."""
        if frame is None or frame.empty:
            return None
        if self.period is not None and "period" in frame.columns:
            frame = frame[frame["period"] == self.period]
        table = TABLES_BY_NAME.get(table_name, INDICATORS)
        title = title or table.label(self.lang)
        if self.dataset is not None and table_name in getattr(self.dataset, "stale", {}):
            title += stale_mark(self.lang)  # a reload could not read it: the last good data
        self.table_frames[key] = (frame, table_name, title)
        panel = TablePanel()
        panel.set_data(frame, table, self.lang, title)
        rows = len(frame)
        panel.setFixedHeight(min(TABLE_MAX_HEIGHT, 100 + TABLE_ROW_HEIGHT * rows))
        self._tables.addWidget(panel)
        self.tables[key] = panel
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

    def add_indicator_table(self, rows: pd.DataFrame | None) -> TablePanel | None:
        return self.add_table("indicators", rows, "indicators", self.tr("Figures and sources"))

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

    # Data helpers ----------------------------------------------------------------------------
    def section_rows(self, dataset: Dataset) -> pd.DataFrame:
        return dataset.section_indicators(self.section)

    def rules(self, dataset: Dataset, kinds: tuple[str, ...] = ("sum", "within")) -> pd.DataFrame:
        rules = dataset.table("rules")
        if rules is None or rules.empty:
            return pd.DataFrame(columns=["rule_id", "kind", "whole_key", "part_keys"])
        return rules[rules["kind"].isin(kinds)]

    def split_charts(self, dataset: Dataset, rows: pd.DataFrame,
                     skip: set[str] = frozenset()) -> set[str]:
        """A chart per whole-and-parts rule among `rows`: the whole, then its parts.

        A rule with one part joins the chart of another rule on the same whole, if any.
        Rules whose keys are all in `skip` are left out. Returns the keys charted.
        """
        latest = figures.latest_by_key(rows)
        if latest is None or latest.empty:
            return set()
        by_key = {row["key"]: row for _, row in latest.iterrows()}
        groups: list[tuple[str, list[str]]] = []
        singles: list[tuple[str, str]] = []
        for _, rule in self.rules(dataset).iterrows():
            whole = rule["whole_key"]
            parts = [p for p in _split_list(rule["part_keys"]) if p in by_key]
            if whole not in by_key or not parts or {whole, *parts} <= set(skip):
                continue
            if len(parts) >= 2 or rule["kind"] == "sum":
                groups.append((whole, parts))
            else:
                singles.append((whole, parts[0]))
        for whole, part in singles:
            target = next((g for g in groups if g[0] == whole), None)
            if target is None:
                groups.append((whole, [part]))
            elif part not in target[1]:
                target[1].append(part)
        charted: set[str] = set()
        for index, (whole, parts) in enumerate(groups):
            keys = [whole] + parts
            unit = figures.text(by_key[whole], "unit")
            title = self.tr("%1: breakdown").replace("%1", figures.name(by_key[whole], self.lang))
            key = f"split_{whole}" if f"split_{whole}" not in self.charts else f"split_{whole}_{index}"
            self.add_figures_chart(key, title, rows, keys,
                                   value_axis_label=figures.unit_axis_label(unit, self.lang))
            charted.update(keys)
        return charted

    def unit_charts(self, rows: pd.DataFrame, exclude: set[str] = frozenset(),
                    fill_to: int = 0) -> set[str]:
        """A chart per unit for the latest figures not charted yet. Returns the keys charted.

        A lone figure of its unit is a KPI card, not a chart, unless the tab has fewer than
        `fill_to` charts.
        """
        latest = figures.latest_by_key(rows)
        if latest is None or latest.empty:
            return set()
        latest = latest[~latest["key"].isin(set(exclude))]
        groups = list(latest.groupby("unit", sort=False))
        charted: set[str] = set()
        for unit, group in sorted(groups, key=lambda g: -len(g[1])):
            if len(group) < 2 and len(self.charts) >= fill_to:
                continue
            title = figures.names_title([figures.name(r, self.lang) for _, r in group.iterrows()],
                                        self.lang)
            self.add_figures_chart(f"unit_{unit}", title, rows,
                                   list(group["key"]),
                                   value_axis_label=figures.unit_axis_label(unit, self.lang))
            charted.update(group["key"])
        return charted

    def standalone_keys(self, dataset: Dataset, rows: pd.DataFrame) -> pd.DataFrame:
        """The rows whose key is not a part of any rule: what a KPI card should show."""
        parts: set[str] = set()
        for _, rule in self.rules(dataset).iterrows():
            parts.update(_split_list(rule["part_keys"]))
        return rows[~rows["key"].isin(parts)] if rows is not None and not rows.empty else rows

    def figure_charts(self, dataset: Dataset, rows: pd.DataFrame,
                      skip: set[str] = frozenset()) -> set[str]:
        """The section's figures as charts: each rule's breakdown, figures that share a unit,
        and figures over several years. Keys in `skip` are charted elsewhere on the tab."""
        from .by_year import add_by_year_charts

        charted = self.split_charts(dataset, rows, skip=skip)
        charted |= self.unit_charts(rows, exclude=charted | skip)
        return charted | add_by_year_charts(self, rows, exclude=charted | skip)

    def rows_for(self, dataset: Dataset, table_name: str) -> pd.DataFrame | None:
        """A table's rows for this tab: those whose `section` is this tab, or all of them."""
        frame = dataset.table(table_name)
        if frame is None or "section" not in frame.columns:
            return frame
        return frame[frame["section"] == self.section]


class SectionTab(TabPage):
    """A tab of KPI cards, the figures' charts, the section's own tables, then its figures."""

    own_tables: tuple[str, ...] = ()  # shown in this order, each filtered to this tab's section

    def populate(self, dataset: Dataset) -> None:
        rows = self.section_rows(dataset)
        self.add_kpis(self.standalone_keys(dataset, rows))
        self.figure_charts(dataset, rows)
        for name in self.own_tables:
            self.add_table(name, self.rows_for(dataset, name), name)
        self.add_indicator_table(rows)


def describe_chart(chart: BarChart) -> None:
    """Screen readers: the chart's title as its name, its bars and values as the description."""
    chart.setAccessibleName(chart.title_text())
    chart.setAccessibleDescription("; ".join(f"{b.label} {b.display}" for b in chart.bars()))


def _split_list(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [p.strip() for p in str(value).split(";") if p.strip()]
