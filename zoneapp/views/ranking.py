"""A figure's entities as the user reads them: a ranked bar chart (largest first, the top
TOP_N, then the rest as one "others" bar when the figure adds up), a card of the user's own
entity with its rank and share, and a table entity × period.

The own entity (zone.toml's [zone] own_entity) is highlighted and always among the bars;
aggregates (全国, 合计) are said in the chart's note, never drawn among their parts.
"""
from __future__ import annotations

import dataclasses
import functools
import html
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zoneapp.core.cells import cell_text as text
from zoneapp.core.periods import parse_period_detail
from zoneapp.core.schema import FLOAT, TEXT, Column, Table
from zoneapp.core.stale import stale_mark
from zoneapp.core.monthly_summary import goal_clause
from zoneapp.core.summary import previous_row, sentence
from zoneapp.core.units import format_percent, format_value
from zoneapp.views import figure_index, figures
from zoneapp.views.entities import Ranking, entity_label, fetch_rows, period_label, rank
from zoneapp.views.kpis import kpi_view
from zoneapp.views.model import Bar, ChartView, KpiView, TableView
from zoneapp.views.words import counted, say

TOP_N = 15  # bars before "others": 15 names stay readable in a half-width chart
# Figures by entity a section draws (chart, card, table each), in file order: a folder of a
# hundred such figures declares sections for them rather than stacking a hundred charts.
MAX_FIGURES = 12
TABLE_NAME = "entity_periods"  # no schema table: the frame's columns are shown as they are


@dataclass
class EntityViews:
    """What a section shows of its figures by entity."""

    kpis: list[KpiView] = field(default_factory=list)
    charts: list[ChartView] = field(default_factory=list)
    tables: list[TableView] = field(default_factory=list)


def entity_views(dataset, rows: pd.DataFrame, lang: str, period: int | None = None,
                 top_n: int = TOP_N, section: str | None = None,
                 most_kpis: int | None = None) -> EntityViews:
    """For each figure among `rows` (rows about entities, see split_rows): its ranking in
    `period` (None: its latest) as a chart and a card, and its table entity × period (every
    period). `section`: `rows` are the entity rows of that section of `dataset`, whose
    figures are then looked up in the dataset's index (made once per dataset). `most_kpis`:
    the cards wanted (the first ones; the section shows at most eight cards in all)."""
    out = EntityViews()
    own = dataset.manifest.own_entity if dataset is not None else ""
    stale = "indicators" in getattr(dataset, "stale", {})
    keys: set[str] = set()
    if rows is None or rows.empty:
        return out
    if section is not None and dataset is not None:
        index = figure_index.of_dataset(dataset)
        found = index.figures(section, MAX_FIGURES)
    else:
        index = figure_index.build(rows)
        found = index.figures("", MAX_FIGURES)
    rankings = [(figure, rank(figure, index, period, own)) for figure in found]
    rows: dict = {}  # every row the views show, taken at once
    cells: dict = {}
    cards = len(found) if most_kpis is None else most_kpis
    for _, ranking in rankings:
        if ranking is not None:
            ranking.rows, ranking.cells = rows, cells
    fetch_rows(index.source, sorted({p for i, (_, r) in enumerate(rankings) if r is not None
                                     for p in r.wanted(top_n, card=i < cards)}), rows, cells)
    for figure, ranking in rankings:
        if ranking is not None:
            if ranking.count >= 2:
                key = _unique("rank", ranking, keys)
                out.charts.append(ranked_chart(ranking, lang, top_n, key))
            wanted = most_kpis is None or len(out.kpis) < most_kpis
            card = ranking_kpi(ranking, lang) if wanted else None
            if card is not None:
                out.kpis.append(card)
        ranking = ranking or rank(figure, index, None)
        table = entity_table(ranking, lang, _unique("entities", ranking, keys))
        if stale:
            table.title += stale_mark(lang)
        out.tables.append(table)
    return out


def _unique(stem: str, ranking: Ranking, taken: set[str]) -> str:
    key = "_".join(p for p in (stem, ranking.key, ranking.kind) if p)
    while key in taken:
        key += "_"
    taken.add(key)
    return key


# ----- words ----------------------------------------------------------------------------

def _words(ranking: Ranking, regions: str, other: str) -> str:
    """The phrase for regions when the entities are regions, else the generic one, said of
    the entities' kind where words.py has it (4个县区, not 4项)."""
    if ranking.regions:
        return regions
    return counted(ranking.noun, other)


def _count_word(ranking: Ranking, n: int, lang: str, regions: str, other: str) -> str:
    return say(_words(ranking, regions, other), lang, n)


def rank_text(ranking: Ranking, position: int, lang: str) -> str:
    """"第12位（共31）" / "Rank 12 of 31"."""
    return say("Rank %1 of %2", lang, ranking.ranks[position], ranking.count)


def share_text(ranking: Ranking, lang: str) -> str:
    """The own entity's share of the total (its aggregate, else the sum of the parts), saying
    which; '' for figures that do not add up or without an own entity."""
    own = ranking.own_row()
    if own is None or not ranking.additive:
        return ""
    total = ranking.total_row()
    if total is not None:
        whole, of = float(total["value"]), entity_label(total, lang)
    else:
        whole = float(ranking.values.sum())
        of = None
    if not whole:
        return ""
    pct = format_percent(float(own["value"]) / whole * 100, lang, signed=False)
    if of is not None:
        return say("%2 of the total (%1)", lang, of, pct)
    return say(_words(ranking, "%2 of the %1 regions' sum", "%2 of the sum of %1"), lang,
               ranking.count, pct)


def total_text(ranking: Ranking, lang: str) -> str:
    """"全国合计：181,902.3亿元" for an amount; "全国：8.4%" for a rate."""
    total = ranking.total_row()
    if total is None:
        return ""
    name, shown = entity_label(total, lang), figures.display(total, lang)
    whole = ranking.additive and not any(w in text(total, "entity") for w in ("合计", "总计"))
    return say("%1 total: %2" if whole else "%1: %2", lang, name, shown)


# ----- chart ----------------------------------------------------------------------------

def ranked_chart(ranking: Ranking, lang: str, top_n: int = TOP_N,
                 key: str = "") -> ChartView:
    """Horizontal bars, largest first: the top `top_n`, the own entity (with its rank) when
    below them, then one bar for the rest when the figure adds up; the rest counted in the
    note when it does not. The note also gives the total (全国合计 …)."""
    first = ranking.first_row()
    name = figures.name(first, lang)
    shown = ranking.shown_positions(top_n)
    own = ranking.own_position
    bars = [_entity_bar(ranking, i, row, cells, lang, with_rank=i >= top_n)
            for i, row, cells in zip(shown, ranking.part_rows(shown), ranking.part_cells(shown))]
    drawn = set(shown)
    rest = [i for i in range(ranking.count) if i not in drawn]
    notes = [total_text(ranking, lang)]
    if rest and ranking.additive:
        bars.append(_others_bar(ranking, rest, lang))
    elif rest:
        notes.append(_count_word(ranking, len(rest), lang, "%1 more regions not shown",
                                 "%1 more not shown"))
    title = say(_words(ranking, "%1: ranking of %2 regions, %3", "%1: ranking of %2, %3"), lang,
                name, ranking.count, period_label(ranking, lang))
    highlight = ""
    if own is not None:
        highlight = say(_words(ranking, "%1 (own region)", "%1 (own)"), lang,
                        entity_label(bars[shown.index(own)].ref, lang))
    note = ("" if lang == "zh" else " ").join(
        n + ("。" if lang == "zh" else ".") for n in notes if n)
    return ChartView(key or f"rank_{ranking.key}", title, bars=bars, horizontal=True,
                     value_axis_label=figures.unit_axis_label(ranking.unit, lang),
                     note=note, highlight_label=highlight)


def _entity_bar(ranking: Ranking, position: int, row, cells: dict, lang: str,
                with_rank: bool) -> Bar:
    # Its words read from the row as a dict: a Series' lookup costs ~10 µs a cell.
    label = entity_label(cells, lang)
    bar = figures.indicator_bar(cells, lang, label=label)
    bar.ref = row
    bar.highlight = position == ranking.own_position
    if with_rank:
        bar.label = say("%1 (rank %2)", lang, label, ranking.ranks[position])
    title = f"{label} · {figures.name(cells, lang)}"
    bar.tooltip = bar.tooltip.replace(
        f"<b>{html.escape(figures.name(cells, lang))}</b>", f"<b>{html.escape(title)}</b>", 1)
    bar.tooltip += "<br>" + html.escape(rank_text(ranking, position, lang))
    return bar


def _others_bar(ranking: Ranking, rest: list[int], lang: str) -> Bar:
    """The rest summed: derived, and said so, since no source reports that sum."""
    value = float(ranking.values[rest].sum())
    qualified = False
    if "qualifier" in ranking.source.columns:
        cells = ranking.index.column("qualifier").take(ranking.part_positions[rest]).tolist()
        qualified = any(isinstance(c, str) and c.strip() for c in cells)
    shown = format_value(value, ranking.unit, "约" if qualified else "", lang)
    label = _count_word(ranking, len(rest), lang, "%1 other regions", "%1 others")
    how = _count_word(ranking, len(rest), lang, "Derived: the sum of the %1 other regions",
                      "Derived: the sum of the %1 others")
    tip = "<br>".join(html.escape(t) for t in (label, shown)) + f"<br><i>{html.escape(how)}</i>"
    return Bar(label=label, value=value, display=shown, tooltip=tip, derived=True,
               unit=ranking.unit)


# ----- card -----------------------------------------------------------------------------

def _with_entity(title: str, entity: str, lang: str) -> str:
    """现价工业产值（全市，2024年5月）: the entity joins the title's own brackets, not a second
    pair after them; 高技术产业营业收入（江西）; "Revenue (Jiangxi)"."""
    if lang == "zh" and title.endswith("）") and "（" in title:
        base, _, inner = title[:-1].rpartition("（")
        return f"{base}（{entity}，{inner}）"
    return say("%1 (%2)", lang, title, entity)


def ranking_kpi(ranking: Ranking, lang: str) -> KpiView | None:
    """The own entity's card: its value, change, rank and share of the total. Without an own
    entity, the total's card (the first entity named); without a total, the leader's."""
    own = ranking.own_row()
    if own is not None:
        row = own
        extra = [rank_text(ranking, ranking.own_position, lang), share_text(ranking, lang)]
    else:
        row = ranking.total_row()
        if row is None and not ranking.count:
            return None
        if row is None:
            row, extra = ranking.part(0), [rank_text(ranking, 0, lang)]
        else:
            leader = entity_label(ranking.part(0), lang) if ranking.count else ""
            extra = [say(_words(ranking, "First of %1 regions: %2", "First of %1: %2"), lang,
                         ranking.count, leader)] if leader else []
    if ranking.count < 2:  # a rank among one says nothing
        extra = [share_text(ranking, lang)] if own is not None else []
    card = kpi_view(row, lang, ranking.previous_row(row))
    title = _with_entity(card.title, entity_label(row, lang), lang)
    line = ("，" if lang == "zh" else ", ").join(e for e in extra if e)
    tooltip = card.tooltip.replace(card.title, title, 1) + (f"\n{line}" if line else "")
    spoken = card.accessible_text.replace(card.title, title, 1) + (f" {line}" if line else "")
    return dataclasses.replace(card, key=f"{card.key}@{text(row, 'entity')}", title=title,
                               compare_text=line, tooltip=tooltip, accessible_text=spoken)


# ----- table ----------------------------------------------------------------------------

def entity_table(ranking: Ranking, lang: str, key: str) -> TableView:
    """Rows the entities (aggregates first, marked; then the latest period's order), columns
    the periods (a number each, so the table sorts by any of them). Its frame and schema are
    made when first read (EntityTableView)."""
    figure, first = ranking.figure, ranking.first_row()
    monthly = any(ranking.index.pairs[c][1] for c in pd.unique(figure.periods))
    by = ("%1 (%2) by region and " if ranking.regions else "%1 (%2) by entity and ") + (
        "period" if monthly else "year")
    unit = figures.unit_axis_label(text(first, "unit"), lang).removeprefix("单位：")
    title = say(by, lang, figures.kind_name(first, lang), unit)
    rows = len(pd.unique(figure.entities))
    return EntityTableView(key, title, rows, functools.partial(_entity_frame, ranking, lang, title))


class EntityTableView(TableView):
    """A TableView whose frame and schema are made when first read. A section's dozen tables
    entity × period show only when scrolled to (ui/tabs/lazy.py), and making their frames
    was a third of making the section's view, paid on every first show of a tab.

    `rows` is the frame's length, known without making it (a placeholder's height)."""

    def __init__(self, key: str, title: str, rows: int, make) -> None:
        self._make, self._made, self.rows = make, None, rows
        super().__init__(key, None, TABLE_NAME, title)

    def _parts(self) -> tuple[pd.DataFrame, Table]:
        if self._made is None:
            self._made, self._make = self._make(), None
        return self._made

    @property
    def frame(self) -> pd.DataFrame:
        return self._parts()[0]

    @frame.setter
    def frame(self, value) -> None:
        if value is not None:  # TableView's __init__ sets None; a frame given replaces it
            self._made = (value, self._parts()[1])

    @property
    def schema(self) -> Table:
        return self._parts()[1]

    @schema.setter
    def schema(self, value) -> None:
        if value is not None:
            self._made = (self._parts()[0], value)


def _entity_frame(ranking: Ranking, lang: str, title: str) -> tuple[pd.DataFrame, Table]:
    """entity_table's frame and its schema (the columns' labels in both languages)."""
    figure, regions = ranking.figure, ranking.regions
    codes, period_codes = pd.factorize(figure.periods)  # periods in order of first appearance
    periods = [ranking.index.pairs[c] for c in period_codes]
    later = ranking.index.order[period_codes]  # span_order of each period
    by_time = sorted(range(len(periods)), key=lambda c: later[c])
    position = np.empty(len(periods), dtype=np.intp)
    position[by_time] = np.arange(len(periods))
    rows, entity_codes = pd.factorize(figure.entities)  # entities in order of first appearance
    names = ranking.index.names[entity_codes]
    grid = np.full((len(names), len(periods)), np.nan)
    grid[rows, position[codes]] = figure.values
    aggregate = set(names[np.unique(rows[figure.aggregate])])
    latest = np.nan_to_num(grid[:, -1], nan=-np.inf)
    order = [i for i in range(len(names)) if names[i] in aggregate] + \
        [i for i in np.argsort(-latest, kind="stable") if names[i] not in aggregate]
    # Column keys are the same in both languages, so a language switch keeps the sort.
    columns = ["_".join(p for p in (f"p{periods[c][0]}", periods[c][1]) if p) for c in by_time]
    frame = pd.DataFrame(grid[order], columns=columns)
    english = _english_names(ranking, rows) if lang != "zh" else {}
    frame.insert(0, "entity", _shown_names([names[i] for i in order], english, aggregate, lang))
    word = "Region" if regions else "Entity"
    ytd = text(ranking.first_row(), "value_kind") == "ytd"
    schema = Table(TABLE_NAME, title, title, "", key=("entity",), columns=(
        Column("entity", TEXT, say(word, "zh"), word),
        *(Column(k, FLOAT, _label(*periods[c], "zh", ytd), _label(*periods[c], "en", ytd))
          for k, c in zip(columns, by_time))))
    return frame, schema


@functools.lru_cache(maxsize=4096)  # a table of 120 months has 240 column labels
def _label(year: int, detail: str, lang: str, ytd: bool = False) -> str:
    """A period column's header: 2024年5月, 2024年一季度; in a 累计 table the months it
    sums, 2024年1–3月 beside 2024年1–2月 and 2024年1–4月 (not 2024年一季度)."""
    span = parse_period_detail(detail, year)
    if span is None or span.whole_year:
        return f"{year}年" if lang == "zh" else str(year)
    if ytd and span.first == 1 and span.last > 1:
        return (f"{year}年1–{span.last}月" if lang == "zh"
                else f"Jan–{_MONTHS_EN[span.last - 1]} {year}")
    return span.label(lang)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _english_names(ranking: Ranking, rows: np.ndarray) -> dict[str, str]:
    """Each entity's English name, as its first row of the figure gives it."""
    if "entity_en" not in ranking.source.columns:
        return {}
    _, first = np.unique(rows, return_index=True)
    taken = ranking.source[["entity", "entity_en"]].iloc[ranking.figure.positions[first]]
    pairs = taken.astype("string").fillna("")
    return dict(zip(pairs["entity"], pairs["entity_en"].str.strip()))


def _shown_names(order: list[str], english: dict[str, str], aggregate: set[str],
                 lang: str) -> list[str]:
    """Each entity in `lang`, an aggregate marked "全国（合计）"."""
    out = []
    for name in order:
        label = english.get(name) or name
        said = any(w in name for w in ("合计", "总计")) or "total" in label.casefold()
        out.append(say("%1 (aggregate)", lang, label) if name in aggregate and not said
                   else label)
    return out


# ----- summary --------------------------------------------------------------------------

def entity_sentence(indicators: pd.DataFrame, card: KpiView, lang: str) -> str:
    """The summary's sentence for an entity's card: the figure named with its entity, the
    change against the same entity's earlier period, then its rank and share."""
    row = card.row.copy()
    entity = text(row, "entity")
    same = indicators["entity"].astype("string").str.strip() == entity
    history = indicators[same.fillna(False).to_numpy(dtype=bool)]
    # English first: a figure without an English name falls back to the Chinese one, which
    # must not have the entity in it yet ("全市现价工业产值 in 全市").
    row["name_en"] = f"{text(row, 'name_en') or text(row, 'name_zh')} in {entity_label(row, 'en')}"
    row["name_zh"] = f"{entity}{text(row, 'name_zh')}"
    said = sentence(row, lang, previous_row(history, row))
    if said and card.completion_pct is not None:  # 完成年度目标的60%，高于时序进度18.3个百分点
        said = said[:-1] + ("，" if lang == "zh" else ", ") + \
            goal_clause(card.completion_pct, card.gap_pp, lang) + said[-1]
    if not said or not card.compare_text:
        return said
    extra = card.compare_text if lang == "zh" else card.compare_text[:1].lower() + \
        card.compare_text[1:]
    return said[:-1] + ("，" if lang == "zh" else "; ") + extra + said[-1]
