"""The zone's figures below a year: 当月 (a period's own value) and 累计 (year to date) kept
apart, 当月 derived from consecutive 累计 values, 同比 from the same period a year before.

A row's kind, from `value_kind` and `period_detail` (data/README.md):
  ytd     累计: value_kind ytd, or no kind and a span from January (2023-01..2023-05, 2023H1)
  period  当月/当季: value_kind month, or no kind and a span not from January (2023Q2, 2023-05)
  target  a goal; stock: a level at the period's end (neither is a flow: nothing is derived)
1–2月 reported together is one period: its 累计 is its own 当月 value, never split in two.
Rows with an entity are a breakdown (core.entities) and are left alone here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import units
from .cells import cell_text
from .periods import PeriodSpan, parse_period_detail
from .precision import places

TIME_KINDS = ("month", "ytd", "target")


def time_mask(rows: pd.DataFrame) -> pd.Series:
    """True for the zone's own rows below a year or marked month / ytd / target."""
    timed = pd.Series(False, index=rows.index)
    # The zone's rows first: at province scale nearly every row has an entity, and the
    # other tests then run on the few that are left (a tenth of the time on 2.4M rows).
    zone = rows["entity"].fillna("").eq("").to_numpy(dtype=bool) \
        if "entity" in rows.columns else np.ones(len(rows), dtype=bool)
    if not zone.any():
        return timed
    own = rows[zone] if not zone.all() else rows
    hit = np.zeros(len(own), dtype=bool)
    if "period_detail" in own.columns:
        hit |= ~own["period_detail"].fillna("").eq("").to_numpy(dtype=bool)
    if "value_kind" in own.columns:
        hit |= own["value_kind"].isin(TIME_KINDS).to_numpy(dtype=bool)
    timed.iloc[np.flatnonzero(zone)[hit]] = True
    return timed


def split_time_rows(rows: pd.DataFrame | None) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """(the rest, the zone's monthly / 累计 / target rows): the yearly views never see the
    second part, so 当月 and 累计 never share a card or a series with whole years."""
    if rows is None or rows.empty:
        return rows, rows.iloc[0:0] if rows is not None else None
    mask = time_mask(rows)
    if not mask.any():
        return rows, rows.iloc[0:0]
    return rows[~mask], rows[mask]


def span_of(row) -> PeriodSpan | None:
    """The months a row covers: its period_detail, or the whole year."""
    try:
        year = int(float(row["period"]))
    except (TypeError, ValueError, KeyError):
        return None
    return parse_period_detail(cell_text(row, "period_detail"), year)


def kind_of(row, span: PeriodSpan | None = None) -> str:
    """'ytd', 'period', 'target', 'stock' or 'year' (a whole year's figure)."""
    kind = cell_text(row, "value_kind")
    if kind in ("target", "stock", "ytd"):
        return kind
    span = span or span_of(row)
    if kind == "month":
        return "period"
    if span is None or span.whole_year:
        return "year"
    return "ytd" if span.first == 1 else "period"


def year_before(row, previous) -> bool:
    """Whether `previous` is `row`'s months a year before, of the same kind and unit: the
    only earlier row a 5月 or a 1–5月累计 is compared with (never another year's 1–12月)."""
    span, then = span_of(row), span_of(previous)
    if span is None or then is None:
        return False
    return then == PeriodSpan(span.year - 1, span.first, span.last) \
        and kind_of(previous, then) == kind_of(row, span) \
        and cell_text(previous, "unit") == cell_text(row, "unit")


@dataclass(frozen=True)
class Point:
    """One flow figure of a key: its months, kind (ytd / period), value and row."""

    key: str
    span: PeriodSpan
    kind: str
    value: float
    unit: str
    qualifier: str
    derived: bool
    row: object = field(compare=False, repr=False)  # the indicators row (a Series)


def points(rows: pd.DataFrame, key: str | None = None) -> list[Point]:
    """The flow figures (ytd and period) among `rows`, sorted by year and months."""
    if rows is None or rows.empty:
        return []
    if key is not None:
        rows = rows[rows["key"] == key]
    return points_of(row for _, row in rows.iterrows())


def points_of(rows) -> list[Point]:
    """`points` of rows given one by one (Series, or dicts: a frame's records are read ten
    times quicker than its rows)."""
    out = []
    for row in rows:
        span = span_of(row)
        if span is None or pd.isna(row["value"]):
            continue
        kind = kind_of(row, span)
        if kind in ("ytd", "period"):
            out.append(Point(cell_text(row, "key"), span, kind, float(row["value"]),
                             cell_text(row, "unit"), cell_text(row, "qualifier"),
                             cell_text(row, "basis") == "derived", row))
    return sorted(out, key=lambda p: (p.span.year, p.span.last, p.span.first, p.derived))


def month_range(span: PeriodSpan, lang: str = "zh") -> str:
    """The months alone, as monthly reports write them: 1–10月, 1–2月, 10月, 上半年, 二季度;
    January–October, October, H1, Q2. A whole year of months is 1–12月."""
    code = span.code()
    part = code[4:] if len(code) == 6 else ""  # Q1 … Q4, H1, H2
    if lang == "zh":
        if part:
            return _PARTS_ZH[part]
        if span.first == span.last:
            return f"{span.first}月"
        return f"{span.first}–{span.last}月"
    if part:
        return part
    if span.first == span.last:
        return _LONG_MONTHS[span.first - 1]
    return f"{_LONG_MONTHS[span.first - 1]}–{_LONG_MONTHS[span.last - 1]}"


_PARTS_ZH = {"Q1": "一季度", "Q2": "二季度", "Q3": "三季度", "Q4": "四季度",
             "H1": "上半年", "H2": "下半年"}
_LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def span_label(span: PeriodSpan, lang: str = "zh", months: bool = True) -> str:
    """With the year: 2025年1–10月 / January–October 2025, 2024年上半年 / H1 2024. A whole
    year reads 2024年1–12月 with `months`, else 2024年 / 2024."""
    if span.whole_year and not months:
        return span.label(lang)
    if lang == "zh":
        return f"{span.year}年{month_range(span, lang)}"
    return f"{month_range(span, lang)} {span.year}"


def _rounded(value: float, *inputs: float) -> float:
    return round(value, max(places(v) for v in inputs))


def _fmt(value: float, unit: str, qualifier: str, lang: str) -> str:
    return units.format_value(value, unit, qualifier, lang)


def derived_period_rows(timed: pd.DataFrame | None) -> list[dict]:
    """当月 (or 当季) rows from consecutive reported 累计 rows of a key and year: ytd[m] −
    ytd[m−1], converted to the later figure's unit; the first 累计 of a year (1–2月 reported
    together) is its own period's value. Periods a row already reports are left alone.
    `timed`: the zone's rows below a year (`split_time_rows`)."""
    if timed is None or timed.empty:
        return []
    reported = timed[timed["basis"].fillna("") != "derived"] if "basis" in timed.columns else timed
    flows = points(reported)
    own = [p for p in flows if p.kind == "period"]
    have = {(p.key, p.span) for p in own}
    rows = []
    by_key_year: dict[tuple[str, int], list[Point]] = {}
    for p in flows:
        if p.kind == "ytd" and p.span.first == 1:
            by_key_year.setdefault((p.key, p.span.year), []).append(p)
    for (key, year), ytds in by_key_year.items():
        before = None
        for p in ytds:
            if before is not None and before.span.last == p.span.last:
                continue  # the same months twice (an H1 and a 1-6月 row): the first one counts
            first = 1 if before is None else before.span.last + 1
            span = PeriodSpan(year, first, p.span.last)
            if (key, span) not in have:
                row = _unreported_part(p, before, span, [q for q in own if q.key == key])
                if row is not None:
                    rows.append(row)
            before = p
    return rows


def _unreported_part(p: Point, before: Point | None, span: PeriodSpan,
                     own: list[Point]) -> dict | None:
    """The row for the months of `span` no 当月 row reports. A reported month inside the span
    (3月 under the year's first 累计, 1–3月, when 1–2月 was not imported) is taken off its end:
    1–2月 = 1–3月累计 − 3月; the whole span would put a 1–3月 bar of the 累计 among the
    months. Reported months elsewhere in the span leave nothing to derive."""
    inside = [q for q in own if q.span.year == span.year and q.span.first <= span.last
              and q.span.last >= span.first]
    if not inside:
        return _period_row(p, before, span)
    tail = inside[0] if len(inside) == 1 else None
    if tail is None or tail.span.last != span.last or tail.span.first <= span.first:
        return None
    rest = PeriodSpan(span.year, span.first, tail.span.first - 1)
    return _period_row(p, before, rest, tail)


def _period_row(p: Point, before: Point | None, span: PeriodSpan,
                minus: Point | None = None) -> dict | None:
    """The 当月 (当期) row of `span`: the 累计 `p` less the year's previous 累计 `before` and
    less a reported 当月 `minus` at its end, with the formula in both languages."""
    now_zh, now_en = span_label(p.span, "zh") + "累计", f"{span_label(p.span, 'en')} (year to date)"
    taken = [q for q in (before, minus) if q is not None]
    if not taken:
        value, qualifier = p.value, p.qualifier
        zh = f"{now_zh}{_fmt(p.value, p.unit, p.qualifier, 'zh')}即{span_label(span, 'zh')}" \
             f"的当期值（年内第一个累计值，不拆分）"
        en = f"{now_en} {_fmt(p.value, p.unit, p.qualifier, 'en')} is the value of " \
             f"{span_label(span, 'en')} (the year's first year-to-date figure, not split)"
    else:
        earlier = [units.convert(q.value, q.unit, p.unit) for q in taken]
        if any(e is None for e in earlier):
            return None
        value = _rounded(p.value - sum(earlier), p.value, *earlier)
        qualifier = "约" if (p.qualifier or any(q.qualifier for q in taken)) else ""
        then_zh = "、".join(f"{span_label(q.span, 'zh')}{'累计' if q.kind == 'ytd' else ''}"
                           f"{_fmt(q.value, q.unit, q.qualifier, 'zh')}" for q in taken)
        then_en = " and ".join(f"{span_label(q.span, 'en')}"
                               f"{' (year to date)' if q.kind == 'ytd' else ''} "
                               f"{_fmt(q.value, q.unit, q.qualifier, 'en')}" for q in taken)
        zh = (f"由{now_zh}{_fmt(p.value, p.unit, p.qualifier, 'zh')}减去{then_zh}推算："
              f"{units.format_number(p.value)} − "
              + " − ".join(units.format_number(e) for e in earlier)
              + f" = {units.format_number(value)}{p.unit}")
        en = (f"{now_en} {_fmt(p.value, p.unit, p.qualifier, 'en')} minus {then_en}: "
              f"{units.format_number(p.value, lang='en')} − "
              + " − ".join(units.format_number(e, lang='en') for e in earlier)
              + f" = {units.format_number(value, lang='en')} "
              f"({units.unit_label(p.unit, 'en') or p.unit})")
    row = p.row
    inputs = [p, *taken]
    return {
        "section": cell_text(row, "section"), "key": p.key, "name_zh": cell_text(row, "name_zh"),
        "name_en": cell_text(row, "name_en"), "period": span.year, "value": value,
        "unit": p.unit, "qualifier": qualifier, "yoy_pct": float("nan"), "basis": "derived",
        "source_id": cell_text(row, "source_id"), "source_sentence": "", "note": "",
        "entity": "", "entity_en": "", "aggregate": "", "period_detail": span.code(),
        "value_kind": "month", "derivation_zh": zh, "derivation_en": en,
        "inputs": ";".join(f"{q.key}@{q.span.code() or q.span.year}" for q in inputs), "_row": pd.NA,
    }


@dataclass(frozen=True)
class Change:
    """A 同比 change: per cent, and how it was found (reported, or derived with its formula)."""

    pct: float
    derived: bool
    formula_zh: str = ""
    formula_en: str = ""


def year_on_year(point: Point, all_points: list[Point]) -> Change | None:
    """The point's 同比: its reported yoy_pct, else from the same months and kind a year
    before (value / before − 1), marked derived with the formula."""
    reported = point.row.get("yoy_pct") if hasattr(point.row, "get") else None
    if reported is not None and not pd.isna(reported):
        return Change(float(reported), False)
    prior = PeriodSpan(point.span.year - 1, point.span.first, point.span.last)
    before = next((p for p in all_points if p.key == point.key and p.span == prior
                   and p.kind == point.kind), None)
    if before is None or point.unit == "%":
        return None
    earlier = units.convert(before.value, before.unit, point.unit)
    if not earlier:
        return None
    pct = round((point.value / earlier - 1) * 100, 1)
    kind_zh = "累计" if point.kind == "ytd" else ""
    kind_en = " (year to date)" if point.kind == "ytd" else ""
    then_zh = f"{span_label(prior, 'zh')}{kind_zh}"
    zh = (f"同比由{span_label(point.span, 'zh')}{kind_zh}"
          f"{_fmt(point.value, point.unit, point.qualifier, 'zh')}与{then_zh}"
          f"{_fmt(before.value, before.unit, before.qualifier, 'zh')}"
          f"{'（推算）' if before.derived else ''}推算："
          f"{units.format_number(point.value)} ÷ {units.format_number(earlier)} − 1 ≈ "
          f"{units.format_number(pct, '%', decimals=1)}%")
    en = (f"YoY from {span_label(point.span, 'en')}{kind_en} "
          f"{_fmt(point.value, point.unit, point.qualifier, 'en')} and "
          f"{span_label(prior, 'en')}{kind_en} "
          f"{_fmt(before.value, before.unit, before.qualifier, 'en')}"
          f"{' (derived)' if before.derived else ''}: "
          f"{units.format_number(point.value, lang='en')} / "
          f"{units.format_number(earlier, lang='en')} − 1 ≈ "
          f"{units.format_number(pct, '%', 'en', decimals=1)}%")
    return Change(pct, True, zh, en)
