"""A year's target for a figure against its latest 累计: completion (完成年度目标的88.2%), the
time elapsed (时序进度: 10 of 12 months = 83.3%) and the gap between them in points.

A target is a row with value_kind `target` for a key and year (no period_detail: the whole
year). The 累计 is the zone's ytd row of that key and year ending latest (at or before
`until` when given); a whole year's figure counts as twelve months done. Both percentages are
rounded to one decimal and the gap is their difference as shown, so a sentence's three
numbers agree (88.2 − 83.3 = 4.9). A target that cannot be compared (part of a year; a unit
that does not convert) is a load warning (check_targets), never dropped without a word.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import units
from .cells import cell_text
from .monthly import Point, points, span_label
from .periods import parse_period_detail
from .problems import WARNING, Problem


@dataclass(frozen=True)
class Progress:
    """How far a key's 累计 has come towards its year's target."""

    key: str
    year: int
    done: Point  # the 累计 compared
    target: float  # in its own unit
    target_unit: str
    target_row: object
    completion: float  # per cent, one decimal
    elapsed: float  # per cent of the year's months gone, one decimal
    gap: float  # completion − elapsed, percentage points (as shown)

    @property
    def months(self) -> int:
        return self.done.span.last

    def formula(self, lang: str) -> str:
        """How completion and time elapsed were computed, in `lang`."""
        done = units.convert(self.done.value, self.done.unit, self.target_unit)
        shown = units.format_value(self.done.value, self.done.unit, self.done.qualifier, lang)
        goal = units.format_value(self.target, self.target_unit, "", lang)
        n = units.format_number
        if lang == "zh":
            return (f"完成率：{span_label(self.done.span, 'zh')}累计{shown} ÷ {self.year}年目标"
                    f"{goal} = {n(done)} ÷ {n(self.target)} ≈ {n(self.completion, '%', decimals=1)}%；"
                    f"时序进度：{self.months} ÷ 12 ≈ {n(self.elapsed, '%', decimals=1)}%")
        return (f"completion: {span_label(self.done.span, 'en')} year to date {shown} / "
                f"{self.year} target {goal} = {n(done, lang='en')} / {n(self.target, lang='en')}"
                f" ≈ {n(self.completion, '%', 'en', decimals=1)}%; time elapsed: "
                f"{self.months} / 12 ≈ {n(self.elapsed, '%', 'en', decimals=1)}%")


def target_rows(rows: pd.DataFrame, of_entities: bool = False) -> pd.DataFrame:
    """The yearly target rows among `rows` (value_kind target, no period_detail): the zone's,
    or with `of_entities` those of its entities (views/entity_targets.py)."""
    if rows is None or rows.empty or "value_kind" not in rows.columns:
        return rows.iloc[0:0] if rows is not None else pd.DataFrame()
    chosen = rows[rows["value_kind"].fillna("").eq("target")]
    if "period_detail" in chosen.columns:
        chosen = chosen[chosen["period_detail"].fillna("").eq("")]
    if "entity" in chosen.columns:
        chosen = chosen[chosen["entity"].fillna("").ne("").eq(of_entities)]
    elif of_entities:
        chosen = chosen.iloc[0:0]
    return chosen.dropna(subset=["value", "period"])


def progress(rows: pd.DataFrame, key: str, year: int, until: int | None = None,
             flows: list[Point] | None = None) -> Progress | None:
    """The key's progress towards its `year` target with the latest 累计 (months up to
    `until`, when given); None without a target, a 累计, or units that convert."""
    targets = target_rows(rows)
    targets = targets[(targets["key"] == key) & (targets["period"] == year)]
    if targets.empty:
        return None
    flows = points(rows, key) if flows is None else flows
    done = [p for p in flows if p.key == key and p.kind == "ytd" and p.span.year == year
            and p.span.first == 1 and (until is None or p.span.last <= until)]
    if not done:
        return None
    return progress_of(done[-1], targets.iloc[-1])


def progress_of(done: Point, target_row) -> Progress | None:
    """Completion of one 累计 `done` against one target row."""
    target, unit = float(target_row["value"]), cell_text(target_row, "unit")
    value = units.convert(done.value, done.unit, unit)
    if value is None or target <= 0:
        return None
    completion = round(value / target * 100, 1)
    elapsed = round(done.span.last / 12 * 100, 1)
    return Progress(done.key, done.span.year, done, target, unit, target_row, completion,
                    elapsed, round(completion - elapsed, 1))


def progress_series(rows: pd.DataFrame, key: str, year: int,
                    flows: list[Point] | None = None) -> list[Progress]:
    """Progress at each 累计 of the year (one per month reported), for a chart."""
    targets = target_rows(rows)
    targets = targets[(targets["key"] == key) & (targets["period"] == year)]
    if targets.empty:
        return []
    flows = points(rows, key) if flows is None else flows
    out, seen = [], set()
    for p in flows:
        if p.key == key and p.kind == "ytd" and p.span.year == year and p.span.first == 1 \
                and p.span.last not in seen:
            found = progress_of(p, targets.iloc[-1])
            if found is not None:
                seen.add(p.span.last)
                out.append(found)
    return out


def check_targets(indicators: pd.DataFrame) -> list[Problem]:
    """Warnings for the target rows no completion can come from, which would otherwise be
    left out without a word: a target for part of a year (2025H1: the completion and
    时序进度 are the year's), and a target whose unit does not convert to its figure's 累计
    (a target in 亿元 for a figure in 家). Each names the file, row and column."""
    if indicators is None or indicators.empty or "value_kind" not in indicators.columns:
        return []
    targets = indicators[indicators["value_kind"].fillna("").eq("target")]
    if "entity" in targets.columns:  # an entity's: views/entity_targets.py says in its chart
        targets = targets[targets["entity"].fillna("").eq("")]
    targets = targets.dropna(subset=["value", "period"])
    if targets.empty:
        return []
    file = indicators.attrs.get("file", "indicators.csv")
    headers = indicators.attrs.get("headers", {})
    problems: list[Problem] = []

    def warn(row, column: str, zh: str, en: str, code: str) -> None:
        at = int(row["_row"]) if "_row" in row.index and pd.notna(row["_row"]) else None
        problems.append(Problem(file, at, headers.get(column, column), zh, en, code, WARNING))

    zone = indicators
    if "entity" in zone.columns:
        zone = zone[zone["entity"].fillna("").eq("")]
    for _, row in targets.iterrows():
        key, year = cell_text(row, "key"), int(row["period"])
        zh_name = cell_text(row, "name_zh") or key
        en_name = cell_text(row, "name_en") or zh_name
        detail = cell_text(row, "period_detail")
        if detail:
            span = parse_period_detail(detail)
            zh_part = span_label(span, "zh") if span else detail
            en_part = span_label(span, "en") if span else detail
            warn(row, "period_detail",
                 f"{zh_name}的目标是{zh_part}的目标：完成率和时序进度只按全年目标计算，"
                 "这一目标未用于比较（请写全年目标，期间留空）",
                 f"the target of {en_name} is for {en_part}: completion and time elapsed are "
                 "computed against a whole year's target only, so this one is not compared "
                 "(give the year's target with an empty period detail)",
                 "target_part_year")
            continue
        unit = cell_text(row, "unit")
        done = [p for p in points(zone[zone["period"] == year], key)
                if p.kind == "ytd" and p.span.year == year and p.span.first == 1]
        wrong = sorted({p.unit for p in done if units.convert(1.0, p.unit, unit) is None})
        if wrong:
            warn(row, "unit",
                 f"{zh_name}{year}年目标的单位“{unit}”不能换算成其累计值的单位“{'、'.join(wrong)}”，"
                 "这一目标未用于比较",
                 f"the unit of the {year} target of {en_name} ({unit or 'none'}) does not "
                 f"convert to its year-to-date figure's ({', '.join(wrong)}); the target is "
                 "not compared", "target_unit")
    return problems
