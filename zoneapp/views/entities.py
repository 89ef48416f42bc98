"""Figures broken down by entity (regions, parks, industries): which rows, in which period,
ranked how, and the user's own entity among them.

A figure is one (key, unit, value_kind) among rows that name an `entity`. Its ranking is for
one period: the view's year (the latest part of it when the rows have a `period_detail`), or
the latest year. Aggregates (`aggregate` = yes: 全国, 合计) are the total, never a rank among
their parts. What the ranking looks like (chart, card, table) is in views/ranking.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zoneapp.core.cells import cell_text as text
from zoneapp.core.entities import names_own, plain_name
from zoneapp.core.periods import parse_period_detail
from zoneapp.views.figure_index import FigureIndex, FigureRows

# Names that make a figure "by region": a province-level name or a region of the country.
_REGIONS = frozenset(
    "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 "
    "湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾 "
    "东部地区 中部地区 西部地区 东北地区".split())
# Words in a figure's name that make it a rate, a share or an average: never summed.
_NOT_ADDITIVE_WORDS = ("率", "增速", "增长", "增幅", "比重", "占比", "人均", "平均", "均价",
                       "指数", "密度", "强度")
_NOT_ADDITIVE_EN = re.compile(
    r"\b(rates?|growth|shares?|ratios?|per|average|index|intensity)\b", re.IGNORECASE)
# Aggregate names that are the whole, preferred over sub-totals (东部地区) as the total.
_WHOLE_NAMES = ("全国", "合计", "总计", "全省", "全市", "全区", "总体")


def is_whole(name: str) -> bool:
    """全国, 全市, …合计: an aggregate that is the whole, not a sub-total such as 东部地区."""
    return any(word in name for word in _WHOLE_NAMES)


def has_entity(rows: pd.DataFrame) -> np.ndarray:
    """True for rows about an entity (a region, park, industry) rather than the zone. (The
    loader strips cells, so a blank entity is missing or "".)"""
    if rows is None or "entity" not in rows.columns:
        return np.zeros(0 if rows is None else len(rows), dtype=bool)
    cells = rows["entity"]
    return (cells.notna() & (cells != "")).to_numpy(dtype=bool, na_value=False)


def split_rows(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the zone's own rows, the rows about entities)."""
    mask = has_entity(rows)
    if not mask.any():
        return rows, rows.iloc[0:0]
    if mask.all():  # a folder of breakdowns only: no copy of its rows
        return rows.iloc[0:0], rows
    return rows[~mask], rows[mask]


def own_mask(rows: pd.DataFrame, own: str) -> np.ndarray:
    """Rows whose entity is `own`, written in Chinese or English (case aside, 省/市 aside)."""
    if not own or rows.empty:
        return np.zeros(len(rows), dtype=bool)
    found = np.zeros(len(rows), dtype=bool)
    for column in ("entity", "entity_en"):
        if column in rows.columns:
            found |= names_own(rows[column], own)
    return found


def entity_label(row, lang: str) -> str:
    """The entity's name in `lang`: entity_en in English, the Chinese name when it has none."""
    return (text(row, "entity_en") if lang != "zh" else "") or text(row, "entity")


def is_additive(row) -> bool:
    """Whether the figure's values across entities add up: amounts and counts do; rates,
    shares, growth and per-head figures do not."""
    unit = text(row, "unit")
    if unit == "%" or "/" in unit or "每" in unit or unit.startswith("人均"):
        return False
    if any(word in text(row, "name_zh") for word in _NOT_ADDITIVE_WORDS):
        return False
    return _NOT_ADDITIVE_EN.search(text(row, "name_en")) is None


# Name endings that say what the entities are when the table does not: a county table's
# rows (信州区, 广丰县, 上饶经开区) were counted as "4项", items.
_ZONE_ENDINGS = ("园", "园区", "开发区", "经开区", "高新区", "经济区", "商务区", "功能区", "试验区",
                 "合作区", "产业区")
_COUNTY_ENDINGS = ("区", "县", "旗", "市")


def entity_noun(names: list[str]) -> str:
    """What the (non-region) entities are, for counting them: 'parks' when most are parks or
    zones, 'cities' when every one ends in 市, 'counties' when every one is a county-level
    area (an 经开区 among 县区 counts as one), '' when the names do not say."""
    names = [plain_name(n) if not n.endswith("市") else n.strip() for n in names]
    names = [n for n in names if n]
    if not names:
        return ""
    if sum(n.endswith(_ZONE_ENDINGS) for n in names) * 2 > len(names):
        return "parks"
    if all(n.endswith("市") and len(n) > 1 for n in names):
        return "cities"
    if all(n.endswith(_COUNTY_ENDINGS) and len(n) > 1 for n in names):
        return "counties"
    return ""


def by_region(index: FigureIndex, codes: np.ndarray) -> bool:
    """Whether most of the entities with these codes are regions of China (the words then
    say 地区 / regions); each name is looked at once per index."""
    if "_regions" not in index.cache:
        index.cache["_regions"] = np.array([plain_name(str(n)) in _REGIONS
                                            for n in index.names], dtype=bool)
    return bool(len(codes)) and int(index.cache["_regions"][codes].sum()) * 2 > len(codes)


@dataclass
class Ranking:
    """One figure's entities in one period: parts largest first, its aggregates, the own
    entity's place, and the figure's rows in every period (for tables and earlier values).

    Rows are positions into `source` (figure_index): only the rows a chart, card or table
    shows are taken out of it, when asked for."""

    key: str
    unit: str
    kind: str  # value_kind
    period: int
    period_detail: str
    part_index: np.ndarray  # into the figure's rows, value descending; ties in file order
    values: np.ndarray  # the parts' values, in that order
    aggregate_index: np.ndarray  # into the figure's rows, in file order
    figure: FigureRows  # the figure's rows, every period
    index: FigureIndex
    own: str = ""  # the own entity as zone.toml names it; '' when none is declared
    own_position: int | None = None  # index into parts
    regions: bool = False
    noun: str = ""  # entity_noun of the parts when they are not regions
    additive: bool = True
    ranks: list[int] = field(default_factory=list)  # 1-based, ties share a rank
    # Rows taken out of the source, by position; shared by the rankings of a view, which
    # take every row they show at once (fetch_rows): a take costs per column, not per row.
    rows: dict = field(default_factory=dict)
    cells: dict = field(default_factory=dict)  # the same rows as dicts, for their words

    @property
    def source(self) -> pd.DataFrame:
        return self.index.source

    @property
    def part_positions(self) -> np.ndarray:
        """The parts' positions in the source, value descending."""
        return self.figure.positions[self.part_index]

    @property
    def aggregate_positions(self) -> np.ndarray:
        return self.figure.positions[self.aggregate_index]

    @property
    def aggregates(self) -> pd.DataFrame:
        return self.source.iloc[self.aggregate_positions]

    def shown_positions(self, top_n: int) -> list[int]:
        """The parts a chart of the top `top_n` draws (the own entity's among them)."""
        shown = list(range(min(top_n, self.count)))
        if self.own_position is not None and self.own_position not in shown:
            shown.append(self.own_position)
        return shown

    def wanted(self, top_n: int, card: bool = True) -> list[int]:
        """The source positions of every row this ranking's chart, card and table read (the
        card's: its entity's previous year, for the own entity, the aggregates and the
        leader, whichever it shows)."""
        found = [int(p) for p in self.part_positions[self.shown_positions(top_n)]] + \
            [int(p) for p in self.aggregate_positions]
        if card:
            shown = [self.part_index[self.own_position]] if self.own_position is not None \
                else list(self.aggregate_index) + list(self.part_index[:1])
            for i in shown:
                name = str(self.index.names[self.figure.entities[i]]).strip()
                earlier = self.previous_position(name, self.index.years[self.figure.periods[i]])
                if earlier is not None:
                    found.append(earlier)
        return found

    def row_at(self, position: int) -> pd.Series:
        if position not in self.rows:
            fetch_rows(self.source, [position], self.rows, self.cells)
        return self.rows[position]

    def part_cells(self, positions) -> list[dict]:
        """part_rows as dicts."""
        self.part_rows(positions)
        return [self.cells[int(p)] for p in self.part_positions[list(positions)]]

    @property
    def count(self) -> int:
        return len(self.part_positions)

    @property
    def own_rank(self) -> int | None:
        return None if self.own_position is None else self.ranks[self.own_position]

    def part_rows(self, positions) -> list[pd.Series]:
        """The parts at `positions` (into parts) as rows, those not taken yet taken at once."""
        wanted = [int(p) for p in self.part_positions[list(positions)]]
        fetch_rows(self.source, [p for p in wanted if p not in self.rows], self.rows, self.cells)
        return [self.rows[p] for p in wanted]

    def part(self, position: int) -> pd.Series:
        return self.row_at(int(self.part_positions[position]))

    def own_row(self):
        return None if self.own_position is None else self.part(self.own_position)

    def total_row(self):
        """The aggregate that is the whole (全国 before 东部地区; else the largest), or None."""
        if not len(self.aggregate_positions):
            return None
        fetch_rows(self.source, [int(p) for p in self.aggregate_positions
                                 if int(p) not in self.rows], self.rows, self.cells)
        rows = [self.rows[int(p)] for p in self.aggregate_positions]
        for row in rows:
            if is_whole(text(row, "entity")):
                return row
        values = [-np.inf if pd.isna(row["value"]) else float(row["value"]) for row in rows]
        return rows[int(np.argmax(values))]

    def first_row(self):
        return self.part(0) if self.count else self.row_at(int(self.aggregate_positions[0]))

    def previous_row(self, row):
        """The figure's row of `row`'s entity for the latest year before `row`'s (the last
        of that year in file order), as core.summary.previous_row finds it in the entity's
        rows: found on the codes, one row taken."""
        period = row.get("period")
        if period is None or pd.isna(period):
            return None
        earlier = self.previous_position(text(row, "entity"), int(period))
        return None if earlier is None else self.row_at(earlier)

    def previous_position(self, name: str, year) -> int | None:
        hit = np.array([str(n).strip() == name for n in self.index.names] + [False], dtype=bool)
        years = self.index.years[self.figure.periods]
        earlier = np.flatnonzero(hit[self.figure.entities] & (years < year))
        if not len(earlier):
            return None
        latest = years[earlier]
        return int(self.figure.positions[earlier[latest == latest.max()][-1]])


FIRST_COLUMNS = ("key", "unit", "value_kind", "period", "period_detail", "name_zh", "name_en")


def first_cells(index: FigureIndex, position: int) -> dict:
    """The cells of the row at `position` a ranking is named by, each read alone: a whole row
    of the source costs a read of every column."""
    return {c: index.column(c).iat[position] for c in FIRST_COLUMNS if c in index.source.columns}


def fetch_rows(source: pd.DataFrame, positions: list[int], into: dict,
               cells: dict | None = None) -> None:
    """Take the rows at `positions` out of `source` at once, into `into` by position (and
    as dicts into `cells`)."""
    if not positions:
        return
    taken = source.iloc[positions]
    # Each row as iterrows gives it (the cells of one object array, named by its label),
    # without iterrows' per-row finalizing; the dicts from the same array, not to_dict's
    # second pass over every cell.
    values, columns = taken.to_numpy(dtype=object), taken.columns
    for position, label, row in zip(positions, taken.index, values):
        into[position] = pd.Series(row, index=columns, name=label)
    if cells is not None:
        cells.update((p, dict(zip(columns, row))) for p, row in zip(positions, values))


def latest_reported(counts: dict[int, int]) -> int:
    """Of periods -> how many entities report each, the latest that at least half as many
    report as the most do: one county reporting June early does not make June the period a
    ranking or a target chart compares (never with `counts` empty)."""
    most = max(counts.values())
    return max(p for p, n in counts.items() if n * 2 >= most)


def rank(figure: FigureRows, index: FigureIndex, period: int | None,
         own: str = "") -> Ranking | None:
    """The ranking of `figure` (of `index`) in `period` (its latest part of that year), or
    in its latest period when `period` is None (`latest_reported`); None when it has no rows
    then."""
    order = index.order[figure.periods]
    if period is not None:
        order = np.where(index.years[figure.periods] == period, order, -1)
    if not len(order) or order.max() < 0:
        return None
    reported = (order >= 0) & ~figure.aggregate
    chosen = order.max()
    if reported.any():
        orders, counts = np.unique(order[reported], return_counts=True)
        chosen = latest_reported(dict(zip(orders.tolist(), counts.tolist())))
    at = np.flatnonzero(order == chosen)
    aggregate = figure.aggregate[at]
    parts = at[~aggregate]
    values = figure.values[parts]
    positions = np.argsort(-values, kind="stable")
    parts, values = parts[positions], values[positions]
    ranks = (np.searchsorted(-values, -values, side="left") + 1).tolist()  # ties share
    source = index.source
    mine = np.zeros(0, dtype=np.intp)
    if own:  # the parts' names only: a take from every column costs per column
        names = pd.DataFrame({c: source[c].iloc[figure.positions[parts]].reset_index(drop=True)
                              for c in ("entity", "entity_en") if c in source.columns})
        mine = np.flatnonzero(own_mask(names, own))
    first = first_cells(index, int(figure.positions[at[0]]))
    return Ranking(
        key=text(first, "key"), unit=text(first, "unit"), kind=text(first, "value_kind"),
        period=int(first["period"]), period_detail=text(first, "period_detail"),
        part_index=parts, values=values, aggregate_index=at[aggregate], figure=figure,
        index=index,
        own=own, own_position=int(mine[0]) if len(mine) else None,
        regions=by_region(index, figure.entities[at]),
        noun=entity_noun([str(index.names[c]) for c in np.unique(figure.entities[parts])]),
        additive=is_additive(first), ranks=ranks)


def period_label(ranking: Ranking, lang: str) -> str:
    """2023年 / 2023; 2023年1–11月 / Jan–Nov 2023 for a part of the year; 累计 said (a 1–2月
    当月 and its 累计 read alike)."""
    span = parse_period_detail(ranking.period_detail, ranking.period)
    if span is None:
        return f"{ranking.period}年" if lang == "zh" else str(ranking.period)
    if ranking.kind == "ytd":
        return span.label(lang) + ("累计" if lang == "zh" else " year to date")
    return span.label(lang)
