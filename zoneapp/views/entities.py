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
from zoneapp.core.entities import is_aggregate, names_own, plain_name
from zoneapp.core.periods import parse_period_detail

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


def by_region(names: list[str]) -> bool:
    """Whether most of the names are regions of China (the words then say 地区 / regions)."""
    if not names:
        return False
    return sum(plain_name(n) in _REGIONS for n in names) * 2 > len(names)


@dataclass
class Ranking:
    """One figure's entities in one period: parts largest first, its aggregates, the own
    entity's place, and the figure's rows in every period (for tables and earlier values)."""

    key: str
    unit: str
    kind: str  # value_kind
    period: int
    period_detail: str
    parts: pd.DataFrame  # value descending; ties in file order
    aggregates: pd.DataFrame
    history: pd.DataFrame  # the figure's rows, every period, NARROW columns and _pos
    source: pd.DataFrame  # the rows `history._pos` points into, every column
    own: str = ""  # the own entity as zone.toml names it; '' when none is declared
    own_position: int | None = None  # index into parts
    regions: bool = False
    noun: str = ""  # entity_noun of the parts when they are not regions
    additive: bool = True
    ranks: list[int] = field(default_factory=list)  # 1-based, ties share a rank
    periods: tuple = ()  # period_codes(history)

    @property
    def count(self) -> int:
        return len(self.parts)

    @property
    def own_rank(self) -> int | None:
        return None if self.own_position is None else self.ranks[self.own_position]

    def own_row(self):
        return None if self.own_position is None else self.parts.iloc[self.own_position]

    def total_row(self):
        """The aggregate that is the whole (全国 before 东部地区; else the largest), or None."""
        if self.aggregates.empty:
            return None
        for _, row in self.aggregates.iterrows():
            if any(word in text(row, "entity") for word in _WHOLE_NAMES):
                return row
        values = self.aggregates["value"].to_numpy(dtype=float, na_value=-np.inf)
        return self.aggregates.iloc[int(np.argmax(values))]

    def first_row(self):
        return self.parts.iloc[0] if self.count else self.aggregates.iloc[0]

    def rows_of(self, mask: np.ndarray) -> pd.DataFrame:
        """The figure's rows (every column, every period) where `mask` holds on `history`."""
        return self.source.iloc[self.history["_pos"].to_numpy()[mask]]

    def entity_rows(self, row) -> pd.DataFrame:
        """The figure's rows of `row`'s entity, every period: its earlier values."""
        same = self.history["entity"] == text(row, "entity")
        return self.rows_of(same.to_numpy(dtype=bool, na_value=False))

    def own_rows(self) -> pd.DataFrame:
        """The own entity's rows of the figure, every period."""
        own = self.own_row()
        return self.entity_rows(own) if own is not None else self.source.iloc[0:0]


# The columns a figure's ranking and table read on every row; whole rows are taken only
# for the period ranked (a figure of 200 entities × 120 months has 24,000 rows).
NARROW = ("key", "unit", "value_kind", "period", "period_detail", "entity", "entity_en",
          "aggregate", "value")


def entity_figures(rows: pd.DataFrame, most: int | None = None) -> list[pd.DataFrame]:
    """Each figure (key, unit, value_kind) among entity rows, in the order keys first appear
    (the first `most`): its rows' NARROW columns and `_pos`, the row's position in `rows`.
    Targets are left to the target views: a goal is not ranked against results."""
    if rows is None or rows.empty:
        return []
    narrow = rows[[c for c in NARROW if c in rows.columns]].assign(_pos=np.arange(len(rows)))
    kinds = narrow["value_kind"].fillna("") if "value_kind" in narrow.columns else \
        pd.Series("", index=narrow.index)
    keep = (kinds != "target").to_numpy(dtype=bool, na_value=True) & \
        ~narrow["value"].isna().to_numpy(dtype=bool)
    narrow, kinds = narrow[keep], kinds[keep]
    groups = narrow.groupby([narrow["key"], narrow["unit"].fillna(""), kinds], sort=False)
    codes = groups.ngroup().to_numpy()  # in order of first appearance
    order = np.argsort(codes, kind="stable")
    ends = np.cumsum(np.bincount(codes))
    count = len(ends) if most is None else min(most, len(ends))
    return [narrow.iloc[order[(ends[i - 1] if i else 0):ends[i]]] for i in range(count)]


def period_codes(frame: pd.DataFrame) -> tuple[np.ndarray, list[tuple[int, str]]]:
    """(a code per row, the distinct (year, period_detail) each code stands for), found on
    factorised columns: a figure of 200 entities × 120 months has 24,000 rows."""
    years, year_values = pd.factorize(frame["period"])
    if "period_detail" in frame.columns:
        details, detail_values = pd.factorize(frame["period_detail"].fillna(""))
    else:
        details, detail_values = np.zeros(len(frame), dtype=np.intp), pd.Index([""])
    width = max(len(detail_values), 1)
    codes, combined = pd.factorize(years * width + details)
    pairs = [(int(year_values[c // width]), str(detail_values[c % width])) for c in combined]
    return codes, pairs


def span_order(year: int, detail: str) -> int:
    """A sortable number for a period: later periods larger; a whole year after its parts."""
    span = parse_period_detail(detail, year)
    first, last = (span.first, span.last) if span is not None else (1, 12)
    return year * 10000 + last * 100 + (13 - first)


def rank(figure: pd.DataFrame, source: pd.DataFrame, period: int | None,
         own: str = "") -> Ranking | None:
    """The ranking of `figure` (from entity_figures(source)) in `period` (its latest part of
    that year), or in its latest period when `period` is None; None when it has no rows
    then."""
    codes, pairs = period_codes(figure)
    order = np.asarray([span_order(*p) for p in pairs], dtype=np.int64)[codes]
    if period is not None:
        years = figure["period"].to_numpy(dtype=float, na_value=np.nan)
        order = np.where(years == period, order, -1)
    if not len(order) or order.max() < 0:
        return None
    at = source.iloc[figure["_pos"].to_numpy()[order == order.max()]]
    aggregate = is_aggregate(at).to_numpy(dtype=bool)
    parts = at[~aggregate]
    values = parts["value"].to_numpy(dtype=float)
    positions = np.argsort(-values, kind="stable")
    parts, values = parts.iloc[positions], values[positions]
    ranks = (np.searchsorted(-values, -values, side="left") + 1).tolist()  # ties share
    mine = np.flatnonzero(own_mask(parts, own))
    first = at.iloc[0]
    return Ranking(
        key=text(first, "key"), unit=text(first, "unit"), kind=text(first, "value_kind"),
        period=int(first["period"]), period_detail=text(first, "period_detail"),
        parts=parts, aggregates=at[aggregate], history=figure, source=source, own=own,
        own_position=int(mine[0]) if len(mine) else None,
        regions=by_region(list(at["entity"].astype(str))),
        noun=entity_noun(list(parts["entity"].astype(str))),
        additive=is_additive(first), ranks=ranks, periods=(codes, pairs))


def period_label(ranking: Ranking, lang: str) -> str:
    """2023年 / 2023; 2023年1-11月 / Jan-Nov 2023 for a part of the year; 累计 said (a 1-2月
    当月 and its 累计 read alike)."""
    span = parse_period_detail(ranking.period_detail, ranking.period)
    if span is None:
        return f"{ranking.period}年" if lang == "zh" else str(ranking.period)
    if ranking.kind == "ytd":
        return span.label(lang) + ("累计" if lang == "zh" else " year to date")
    return span.label(lang)
