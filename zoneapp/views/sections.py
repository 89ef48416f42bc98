"""A dataset, a section, a language and a period -> the SectionView that shows them.

How each section shows its figures is declared in SECTION_PARTS by id: its KPI cards (all its
figures, or those not drawn as a part of a whole), its special charts, then the figures'
charts; an id not there gets the default parts. The tables it shows besides its figures (then
the table of its figures) are the folder's (`dataset.section(code).tables`, core.sections).
Rows about an entity (a region, a park, an industry) are ranked instead (views/ranking.py):
their cards follow the zone's own, their charts and tables come after the zone's.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from zoneapp.core.monthly import split_time_rows
from zoneapp.core.schema import INDICATORS, TABLES_BY_NAME
from zoneapp.core.schema_types import with_sections
from zoneapp.core.stale import stale_mark
from zoneapp.core.summary import previous_row
from zoneapp.core.units import UNITS
from zoneapp.views import (charts, entity_targets, entity_trend, figures, innovation, projects,
                           ranking, timeline)
from zoneapp.views.entities import split_rows
from zoneapp.views.kpis import kpi_view
from zoneapp.views.model import ChartView, SectionView, TableView
from zoneapp.views.time_axis import year_axis
from zoneapp.views.words import say

MAX_KPIS = 8
# The figures of the overview's by-year chart, when the data has them; else its money figures.
PERIOD_CHART_KEYS = ("revenue", "profit")


@dataclass(frozen=True)
class SectionParts:
    """What a section shows besides its figures' charts and its table of figures."""

    all_kpis: bool = False  # every figure gets a card, parts of a rule included
    special: tuple[Callable, ...] = ()  # (dataset, rows, lang) -> ChartView | None
    figure_charts: str = "all"  # "all", "by_year" (only figures over several years)


def _overview_chart(dataset, rows: pd.DataFrame, lang: str) -> ChartView | None:
    """Grouped bars: a group per year, a bar per figure; derived years look different."""
    if rows is None or rows.empty:
        return None
    keys = [k for k in PERIOD_CHART_KEYS if (rows["key"] == k).any()]
    if not keys:
        money = rows[rows["unit"].isin([u for u in UNITS if UNITS[u].base == "yuan"])]
        keys = list(pd.unique(money["key"]))[:3]
    chosen = rows[rows["key"].isin(keys)]
    if chosen.empty:
        return None
    unit = figures.text(chosen.iloc[0], "unit")
    chosen = chosen[chosen["unit"] == unit]
    categories, series = charts.series_by_year(chosen, keys, lang)
    if not categories or not any(series.values()):
        return None
    return ChartView("by_period", charts.by_year_title(list(series), lang),
                     categories=categories, series=series,
                     value_axis_label=figures.unit_axis_label(unit, lang),
                     **year_axis(categories))  # a gap of years shows as a gap


SECTION_PARTS: dict[str, SectionParts] = {
    "overview": SectionParts(all_kpis=True, special=(_overview_chart,),
                             figure_charts="by_year"),
    "projects": SectionParts(
        special=(lambda ds, rows, lang: projects.investment_chart(ds.table("projects"), lang),
                 lambda ds, rows, lang: projects.stage_chart(ds.table("projects"), lang))),
    "innovation": SectionParts(
        special=(lambda ds, rows, lang: innovation.status_chart(ds.table("recognitions"),
                                                                lang),)),
}


def section_view(dataset, code: str, lang: str = "zh", period: int | None = None,
                 until: int | None = None) -> SectionView:
    """What section `code` shows of `dataset` in `lang`; `period` None: every period (tables
    then show all rows and cards the latest figures; charts always show every period).
    `until`: the last month a monthly figure's card shows (the summary's --period)."""
    parts = SECTION_PARTS.get(code, SectionParts())
    section = dataset.section(code)
    view = SectionView(code=code, label=section.label(lang), lang=lang, period=period)
    every_row = dataset.section_indicators(code)
    own_rows, entity_rows = split_rows(every_row)
    rows, timed = split_time_rows(own_rows)  # 当月, 累计, targets: views.timeline
    for make in parts.special:
        chart = make(dataset, rows, lang)
        if chart is not None and chart.all_bars():
            view.charts.append(chart)
    skip = charts.charted_keys(view.charts)  # a key's whole years may chart beside its months
    view.charts += timeline.time_charts(timed, lang, period)
    if parts.figure_charts == "by_year":
        view.charts += charts.by_year_charts(rows, lang, exclude=skip)
    else:
        view.charts += charts.figure_charts(dataset, rows, lang, skip=skip)
    shown = rows if parts.all_kpis else rows[~rows["key"].isin(charts.part_keys(view.charts))]
    own_kpis = timeline.time_kpis(timed, lang, period, until) + kpi_views(shown, lang, period)
    by_entity = ranking.entity_views(dataset, entity_rows, lang, period,  # regions, parks …
                                     section=code, most_kpis=max(0, MAX_KPIS - len(own_kpis)))
    own = dataset.manifest.own_entity
    compared = entity_targets.compare(entity_rows, period)  # each county against its target
    entity_targets.add_own_goals(by_entity.kpis, entity_targets.own_progress(compared, own),
                                 lang)
    view.kpis = (own_kpis + by_entity.kpis)[:MAX_KPIS]
    goals = entity_targets.target_charts(compared, lang, own)
    view.charts += entity_targets.with_targets(  # a figure's ranking, its targets, its trend
        entity_trend.with_trends(dataset, by_entity.charts, lang, period, code), goals)
    declared = dataset.manifest.sections  # their names label the section column (read back)
    for name in section.tables:
        frame = dataset.table(name)
        if frame is not None and "section" in frame.columns:  # measures: this section's rows
            frame = frame[frame["section"] == code]
        _add_table(view, name, frame, name, stale=dataset.stale, sections=declared)
    view.tables += by_entity.tables
    _add_table(view, "indicators", every_row, "indicators", say("Figures and sources", lang),
               stale=dataset.stale, sections=declared)
    return view


def kpi_views(rows: pd.DataFrame | None, lang: str, period: int | None = None) -> list:
    """A card per key (its latest figure, or the period's), at most MAX_KPIS."""
    if rows is None or rows.empty:
        return []
    history = rows
    if period is not None:
        rows = rows[rows["period"] == period]
    latest = figures.latest_by_key(rows)
    if latest is None or latest.empty:
        return []
    return [kpi_view(row, lang, previous_row(history, row))
            for _, row in latest.head(MAX_KPIS).iterrows()]


def _add_table(view: SectionView, key: str, frame: pd.DataFrame | None, table_name: str,
               title: str = "", stale: dict | frozenset = frozenset(),
               sections: tuple = ()) -> None:
    """A table of `frame`'s rows in the view's period; nothing when it did not load or is empty."""
    if frame is None or frame.empty:
        return
    if view.period is not None and "period" in frame.columns:
        frame = frame[frame["period"] == view.period]
    table = TABLES_BY_NAME.get(table_name, INDICATORS)
    title = title or table.label(view.lang)
    if table_name in stale:  # a reload could not read it: the last good data, marked
        title += stale_mark(view.lang)
    view.tables.append(TableView(key, frame, table_name, title, schema=with_sections(table, sections)))
