"""A figure by entity over time: after its ranking, a chart of its total (全市, 全国) or, when
zone.toml names an own entity, of that entity, period by period on the true time axis of the
zone's own figures (views.timeline, views.time_axis).

A ranking shows one period; this shows how the figure moved. One chart per figure and kind of
value: 当月 and 累计 are different figures (figure_index), so never one series. A 当月 chart
fills the months only its 累计 reports with 当月 derived as the zone's own are (core.monthly:
1–2月 as one, a year's first 累计 its own period's value; marked derived with the formula);
a 累计 chart is never derived. Months show the latest two years (timeline.CHART_YEARS),
whole years all of them, gaps as gaps.

Only the chosen entity's rows are taken from the frame, found on the figure index's codes in
numpy: a province's figure has 24,000 rows, its total 120.
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd

from zoneapp.core.cells import cell_text as text
from zoneapp.core.monthly import (Point, derived_period_rows, kind_of, points_of, span_label,
                                  span_of)
from zoneapp.core.periods import PeriodSpan
from zoneapp.views import figure_index, figures
from zoneapp.views.entities import entity_label, is_whole, own_mask
from zoneapp.views.figure_index import FigureIndex, FigureRows
from zoneapp.views.model import ChartView
from zoneapp.views.ranking import MAX_FIGURES
from zoneapp.views.time_axis import month_place, month_ticks, year_axis
from zoneapp.views.timeline import CHART_YEARS, flow_chart
from zoneapp.views.words import say

Figure = tuple[str, str, str]  # (key, unit, value_kind): a figure of figure_index


def with_trends(dataset, charts: list[ChartView], lang: str, period: int | None = None,
                section: str = "") -> list[ChartView]:
    """`charts` (ranking.entity_views') with each figure's trend charts after its ranked
    chart; those of a figure without one (a single entity) after them all."""
    trends = trend_charts(dataset, section, lang, period)
    if not trends:
        return charts
    # A ranked chart is keyed rank_<key>_<value kind>, a "_" added for a second figure of
    # that key and kind (another unit), in the figures' order: the trends' order too.
    waiting: dict[str, list[Figure]] = {}
    for who in trends:
        waiting.setdefault(_rank_key(who), []).append(who)
    out: list[ChartView] = []
    for chart in charts:
        out.append(chart)
        found = waiting.get(chart.key.rstrip("_"))
        if found:
            out += trends.pop(found.pop(0))
    for rest in trends.values():
        out += rest
    return out


def _rank_key(who: Figure) -> str:
    return "_".join(p for p in ("rank", who[0], who[2]) if p)


def trend_charts(dataset, section: str, lang: str, period: int | None = None
                 ) -> dict[Figure, list[ChartView]]:
    """Each figure of `section` (those a section ranks, ranking.MAX_FIGURES) -> its charts
    over time, for the figures with two or more periods up to year `period`."""
    if dataset is None or dataset.indicators is None or "entity" not in dataset.indicators:
        return {}
    index = figure_index.of_dataset(dataset)
    found = index.figures(section, MAX_FIGURES)
    if not found:
        return {}
    own = dataset.manifest.own_entity
    named = [(_figure(index, f), f) for f in found]
    chosen = {who: _entity_code(f, index, own) for who, f in named}
    wanted: dict[Figure, np.ndarray] = {}
    sums: dict[Figure, np.ndarray] = {}  # a 当月 figure's entity's 累计: the months it leaves out
    for who, figure in named:
        code = chosen[who]
        if code is None:
            continue
        wanted[who] = _positions(figure, index, code, period)
        sibling = _ytd_sibling(who, named) if who[2] == "month" else None
        if sibling is not None and len(wanted[who]):
            sums[who] = _positions(sibling, index, code, period)
    every = sorted({int(p) for at in (*wanted.values(), *sums.values()) for p in at})
    if not every:
        return {}
    record = dict(zip(every, _records(index, every)))
    out: dict[Figure, list[ChartView]] = {}
    keys: set[str] = set()
    for who, _ in named:
        at = wanted.get(who)
        if at is None or len(at) < 2:
            continue
        ytd = [record[int(p)] for p in sums[who]] if who in sums else None
        made = figure_trends([record[int(p)] for p in at], ytd, who, lang, keys)
        if made:
            out[who] = made
    return out


def _records(index: FigureIndex, positions: list[int]) -> list[dict]:
    """The source's rows at `positions` as dicts (a bar reads a dozen cells, ~10 µs each
    from a Series), taken column by column from the arrays: a frame's take deep-copies the
    file's headers (attrs), and to_dict("records") on arrow text is three times slower."""
    at = np.asarray(positions, dtype=np.intp)
    names = list(index.source.columns)
    columns = [index.column(c).array.take(at).tolist() for c in names]
    return [dict(zip(names, cells)) for cells in zip(*columns)]


def _figure(index: FigureIndex, figure: FigureRows) -> Figure:
    first = int(figure.positions[0])
    cells = [index.column(c).iat[first] if c in index.source.columns else ""
             for c in ("key", "unit", "value_kind")]
    return tuple("" if pd.isna(c) else str(c) for c in cells)


def _ytd_sibling(who: Figure, named: list) -> FigureRows | None:
    """The 累计 figure of a 当月 figure's key and unit, whose values its 当月 may be derived from."""
    return next((f for w, f in named if w[:2] == who[:2] and w[2] == "ytd"), None)


def _entity_code(figure: FigureRows, index: FigureIndex, own: str) -> int | None:
    """The entity charted: the own entity when the figure has it; else its total (an
    aggregate named as the whole, 全国 before 东部地区; else the one with most periods)."""
    codes, first = np.unique(figure.entities, return_index=True)
    if own:
        names = pd.DataFrame({c: index.column(c).iloc[figure.positions[first]].reset_index(
            drop=True) for c in ("entity", "entity_en") if c in index.source.columns})
        mine = np.flatnonzero(own_mask(names, own))
        if len(mine):
            return int(codes[mine[0]])
    totals = np.unique(figure.entities[figure.aggregate])
    if not len(totals):
        return None
    whole = [c for c in totals if is_whole(str(index.names[c]))]
    if whole:
        return int(whole[0])
    counts = np.bincount(figure.entities[figure.aggregate])
    return int(totals[np.argmax(counts[totals])])


def _positions(figure: FigureRows, index: FigureIndex, code: int,
               period: int | None) -> np.ndarray:
    """The source positions of the entity's rows up to year `period`; of its rows below a
    year, those of the latest CHART_YEARS years only (what a month chart shows)."""
    hit = figure.entities == code
    years = index.years[figure.periods]
    if period is not None:
        hit &= years <= period
    if "_below_year" not in index.cache:
        index.cache["_below_year"] = np.array([bool(d) for _, d in index.pairs] + [False])
    below = index.cache["_below_year"][figure.periods] & hit
    if below.any():
        recent = np.unique(years[below])[-CHART_YEARS:]
        hit &= ~below | np.isin(years, recent)
    return figure.positions[hit]


# ----- charts ---------------------------------------------------------------------------

def figure_trends(rows: list[dict], ytd: list[dict] | None, who: Figure, lang: str,
                  keys: set[str]) -> list[ChartView]:
    """The charts of one figure's rows of one entity: its 当月 values (with those only its
    累计 rows `ytd` give, derived), its 累计 values, or its values by year (or by month for a
    level); each kind its own chart, two periods or more each."""
    flows = points_of(rows)
    levels = len(flows) < len(rows)  # rows that are no 当月 or 累计: whole years, levels
    kinds = {p.kind for p in flows}
    if ytd is None and kinds == {"period", "ytd"}:  # no value_kind: 2023Q1 reads as 累计
        ytd = rows
    if ytd is not None and "period" in kinds:
        flows += _derived(flows, rows, ytd)
    first = rows[0]
    entity = entity_label(first, lang)
    charts = []
    for kind in ("period", "ytd"):
        of_kind = [p for p in flows if p.kind == kind]
        recent = sorted({p.span.year for p in of_kind})[-CHART_YEARS:]
        shown = [p for p in of_kind if p.span.year in recent]
        if len({p.span for p in shown}) < 2:
            continue
        title = _title(first, kind, _by_month(shown), entity, lang)
        chart = flow_chart(_key("trend", who, kind, keys), title, shown, lang)
        if chart is not None:
            charts.append(_with_entity(chart, first, entity, lang))
    level = _level_chart(rows, who, entity, lang, keys) if levels else None
    if level is not None:
        charts.append(level)
    return charts


def _derived(flows: list[Point], rows: list[dict], ytd: list[dict]) -> list[Point]:
    """The 当月 values the entity's 累计 gives and its 当月 rows do not, derived as the
    zone's own are (core.monthly.derived_period_rows), named for the entity."""
    reported = {p.span for p in flows if p.kind == "period" and not p.derived}
    sums, before, missing = points_of(ytd), None, False
    for p in sums:  # the months each 累计 adds: derived only when one is not reported
        if p.kind == "ytd" and p.span.first == 1:
            first = before.span.last + 1 if before is not None and \
                before.span.year == p.span.year else 1
            missing |= PeriodSpan(p.span.year, first, p.span.last) not in reported
            before = p
    if not missing:
        return []
    made = derived_period_rows(pd.DataFrame(rows if ytd is rows else rows + ytd))
    for row in made:
        for column in ("entity", "entity_en", "aggregate"):
            row[column] = text(rows[0], column)
    return [p for p in points_of(made) if p.kind == "period"]


def _by_month(shown: list[Point]) -> bool:
    """Whether the bars are months: each 当月 a month (1–2月 reported together counts), each
    累计 a month more than the year's one before (the year's first may start later: a
    folder imported from March on begins with 1–3月)."""
    if all(p.kind == "period" for p in shown):
        return all(p.span.last - p.span.first < 1 + (p.span.first == 1) for p in shown)
    lasts: dict[int, list[int]] = {}
    for p in shown:
        lasts.setdefault(p.span.year, []).append(p.span.last)
    steps = [b - a for months in lasts.values() for a, b in zip(sorted(months), sorted(months)[1:])]
    return bool(steps) and all(s == 1 for s in steps)


def _level_chart(rows: list[dict], who: Figure, entity: str, lang: str,
                 keys: set[str]) -> ChartView | None:
    """Whole years (and levels at a period's end, 期末): a bar per period, at its place."""
    chosen: dict[PeriodSpan, dict] = {}
    for row in rows:
        span = span_of(row)
        if span is None or pd.isna(row["value"]) or kind_of(row, span) not in ("year", "stock"):
            continue
        chosen.setdefault(span, row)  # one bar per period: the first row of it
    if len(chosen) < 2:
        return None
    first = next(iter(chosen.values()))
    yearly = all(s.whole_year for s in chosen)
    if yearly:
        ordered = sorted(chosen, key=lambda s: s.year)
    else:
        recent = sorted({s.year for s in chosen})[-CHART_YEARS:]
        ordered = sorted((s for s in chosen if s.year in recent), key=lambda s: (s.year, s.last))
    if len(ordered) < 2:
        return None
    labels = [s.label(lang) if s.whole_year else span_label(s, lang) for s in ordered]
    bars = [figures.indicator_bar(chosen[s], lang, label=label)
            for s, label in zip(ordered, labels)]
    kind = "year" if yearly else "stock"
    title = _title(first, kind, not yearly and all(s.first == s.last for s in ordered),
                   entity, lang)
    if yearly:
        axis = year_axis([str(s.year) for s in ordered])
    else:
        places = [month_place(PeriodSpan(s.year, s.last, s.last)) for s in ordered]
        axis = {"positions": [c for c, _ in places], "widths": [w for _, w in places],
                "ticks": month_ticks(ordered, lang)}
    chart = ChartView(_key("trend", who, kind, keys), title, bars=bars,
                      value_axis_label=figures.unit_axis_label(text(first, "unit"), lang),
                      **axis)
    return _with_entity(chart, first, entity, lang)


def _title(row, kind: str, by_month: bool, entity: str, lang: str) -> str:
    """"现价工业产值当月：全市，按月" / "…(month): City, by month"; by year without a kind."""
    name = figures.name(row, lang)
    if kind == "year":
        return say("%1: %2, by year", lang, name, entity)
    words = {("period", True): "%1 (month): %2, by month",
             ("period", False): "%1 (each period): %2, by period",
             ("ytd", True): "%1 (year to date): %2, by month",
             ("ytd", False): "%1 (year to date): %2, by period",
             ("stock", True): "%1: %2, by month",
             ("stock", False): "%1: %2, by period"}[kind, by_month]
    return say(words, lang, name, entity)


def _with_entity(chart: ChartView, row, entity: str, lang: str) -> ChartView:
    """Each bar's tooltip names the entity: "全市 · 现价工业产值", as a ranked bar's does."""
    name = html.escape(figures.name(row, lang))
    for bar in chart.bars:
        bar.tooltip = bar.tooltip.replace(f"<b>{name}</b>",
                                          f"<b>{html.escape(entity)} · {name}</b>", 1)
    return chart


def _key(stem: str, who: Figure, kind: str, taken: set[str]) -> str:
    key = "_".join(p for p in (stem, who[0], who[2] or kind) if p)
    while key in taken:
        key += "_"
    taken.add(key)
    return key
