"""Figures the data layer derives from reported ones, each saying how it was computed.

(a) A prior year from a year-on-year change: value / (1 + yoy / 100), when that year is not
    reported; the same for the months of a 累计 or 当月 row, labelled with those months.
(b) Each `ratio` rule: sum(parts) / whole x 100, in per cent. (c) 当月 from consecutive 累计
    values (core.monthly).
Derived rows have the indicators' columns plus `derivation_zh`, `derivation_en` and `inputs`
("key@period" items joined by ';'); basis = "derived", source_sentence = "". A derived value
is rounded to the decimals of the figures it comes from (506.1 / 1.117 is 453.1, not
453.0886…): more would claim a precision the source does not have.
"""
from __future__ import annotations

import math

import pandas as pd

from . import units
from .problems import ERROR, Problem
from .periods import PeriodSpan, parse_period_detail
from .precision import places, significant_digits
from .rules import Figure, convert, figures, rule_parts, rules_file, rules_header
from .schema import INDICATORS

DERIVED_COLUMNS = ("derivation_zh", "derivation_en", "inputs")


def combined_columns() -> list[str]:
    return [*INDICATORS.keys, *DERIVED_COLUMNS, "_row"]


def derive_indicators(indicators: pd.DataFrame, rules: pd.DataFrame | None,
                      reported: dict[tuple[str, int], Figure] | None = None
                      ) -> tuple[pd.DataFrame, list[Problem]]:
    """The reported indicators plus derived rows, in the combined layout (`combined_columns`).
    `_row` is "Int64": the source row for reported figures, <NA> for derived ones.
    `reported`: `rules.figures(indicators)` when the caller has it already."""
    from .monthly import derived_period_rows, split_time_rows

    reported = figures(indicators) if reported is None else reported
    timed = split_time_rows(indicators)[1]  # the zone's 累计, 当月 and target rows
    rows = _prior_years(indicators, set(reported), timed)
    problems: list[Problem] = []
    if rules is not None and not rules.empty:
        # Ratios may use the prior years just derived: added as figures, not as a second frame.
        known = dict(reported)
        known.update({(r["key"], r["period"]): _figure(r) for r in rows
                      if not r["period_detail"]})  # ratios pair whole years only
        ratio_rows, problems = _ratios(known, rules)
        rows += ratio_rows
    months = derived_period_rows(timed)  # 当月 from consecutive 累计 (reported only)
    # A month both ways (a 本月 with its 同比, and that month of the year before as a
    # difference of 累计): the difference of reported figures wins over a growth rate.
    found = {(r["key"], r["period"], r["period_detail"]) for r in months}
    rows = [r for r in rows if r["value_kind"] != "month"
            or (r["key"], r["period"], r["period_detail"]) not in found]
    return _combine(indicators, rows + months), problems


def _combine(indicators: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    reported = indicators.copy()
    for column in DERIVED_COLUMNS:
        reported[column] = ""
    derived = pd.DataFrame(rows, columns=combined_columns())
    frame = pd.concat([reported, derived], ignore_index=True) if rows else reported
    frame = frame[combined_columns()]
    for column in frame.columns:
        if column in INDICATORS.keys:
            frame[column] = frame[column].astype(reported[column].dtype)
        elif column != "_row":
            frame[column] = frame[column].astype(str)
    frame["_row"] = frame["_row"].astype("Int64")
    return frame.reset_index(drop=True)


def _row(figure_like: Figure, **changes) -> dict:
    row = {"section": figure_like.section, "key": figure_like.key, "name_zh": figure_like.name_zh,
           "name_en": figure_like.name_en, "period": figure_like.period, "value": figure_like.value,
           "unit": figure_like.unit, "qualifier": figure_like.qualifier, "yoy_pct": float("nan"),
           "basis": "derived", "source_id": "", "source_sentence": "", "note": "", "entity": "",
           "entity_en": "", "aggregate": "", "period_detail": "", "value_kind": "", "_row": pd.NA}
    row.update(changes)
    return row


def _prior_years(indicators: pd.DataFrame, have: set[tuple[str, int]],
                 timed: pd.DataFrame | None = None) -> list[dict]:
    """Year P-1 from year P's value and its YoY change, where P-1 is not reported (`have`);
    likewise the same months a year before for the zone's 累计 and 当月 rows (2016年上半年
    from 2016H1 is 2015年上半年, labelled and keyed as such, never as the year 2015)."""
    from .entities import zone_yearly

    rows = [_prior_row(*r, None, "") for r in _growth_rows(zone_yearly(indicators))
            if (r[0], int(r[1]) - 1) not in have]
    if timed is None or timed.empty:
        return rows
    timed = timed[timed["basis"].fillna("") != "derived"]
    have_sub = {(k, d or "", _kind) for k, d, _kind in zip(
        timed["key"], timed["period_detail"].fillna(""), timed["value_kind"].fillna(""))}
    for r in _growth_rows(timed, extra=("period_detail", "value_kind")):
        *fields, detail, kind = r
        span = parse_period_detail(str(detail or ""), int(fields[1]))
        if span is None or span.whole_year or kind in ("target", "stock"):
            continue
        prior = PeriodSpan(span.year - 1, span.first, span.last)
        if (fields[0], prior.code(), kind or "") not in have_sub:
            rows.append(_prior_row(*fields, span, kind or ""))
    return rows


def _growth_rows(rows: pd.DataFrame, extra: tuple[str, ...] = ()):
    cols = ["key", "period", "value", "unit", "qualifier", "name_zh", "name_en", "section",
            "yoy_pct", "source_id", *extra]
    usable = rows.dropna(subset=["value", "period", "yoy_pct"])
    # A change of a percentage is ambiguous (points or per cent), and -100 % divides by 0.
    usable = usable[(usable["unit"] != "%") & (usable["yoy_pct"] > -100)]
    return usable[cols].itertuples(index=False, name=None)


def _prior_row(key, period, value, unit, qualifier, name_zh, name_en, section, yoy, source,
               span: PeriodSpan | None, kind: str) -> dict:
    """The figure before `period` (or `span`) from `value` and its change `yoy`."""
    from .monthly import span_label

    period = int(period)
    span = span or PeriodSpan(period)
    label_zh, label_en = span_label(span, "zh", False), span_label(span, "en", False)
    prior_span = PeriodSpan(span.year - 1, span.first, span.last)
    prior = round(value / (1 + yoy / 100), places(value))
    # Dividing figures the source rounded gives an approximate result: "约" unless the
    # source already says over/under, which division by a positive factor keeps.
    q = qualifier if qualifier not in ("", "约") else "约"
    name = name_en or key
    return _row(
        Figure(key, period - 1, prior, unit, q, name_zh, name_en, section),
        source_id=source, inputs=f"{key}@{span.code() or period}",
        period_detail=prior_span.code(), value_kind=kind,
        derivation_zh=f"由{label_zh}{name_zh}{units.format_value(value, unit, qualifier)}与同比"
                      f"增长{units.format_number(yoy)}%推算：{units.format_number(value)} ÷ "
                      f"(1 + {units.format_number(yoy)}%) ≈ {units.format_number(prior)}{unit}",
        derivation_en=f"derived from {label_en} {name} "
                      f"{units.format_value(value, unit, qualifier, 'en')}"
                      f" and YoY {units.format_percent(yoy, 'en')}: "
                      f"{units.format_number(value, lang='en')} / {1 + yoy / 100:g} ≈ "
                      f"{units.format_number(prior, lang='en')} "
                      f"({units.unit_label(unit, 'en') or unit})",
    )


def _figure(row: dict) -> Figure:
    return Figure(row["key"], row["period"], row["value"], row["unit"], row["qualifier"],
                  row["name_zh"], row["name_en"], row["section"])


def _ratios(known: dict[tuple[str, int], Figure], rules: pd.DataFrame
            ) -> tuple[list[dict], list[Problem]]:
    """A row per ratio rule and year whose whole and parts are `known` (key, period)."""
    rows, problems = [], []
    for _, rule in rules[rules["kind"] == "ratio"].iterrows():
        result_key = rule["result_key"]
        if not result_key:
            problems.append(Problem(
                rules_file(rules), int(rule["_row"]), rules_header(rules, "result_key"),
                f"比率规则 {rule['rule_id']} 缺少推算指标代码（result_key）",
                f"ratio rule {rule['rule_id']} has no result_key", "rule_invalid", ERROR))
            continue
        for (key, period), whole in sorted(known.items()):
            if key == rule["whole_key"] and (result_key, period) not in known:
                row = _ratio_row(rule, whole, known)
                if row is not None:
                    rows.append(row)
    return rows, problems


def _ratio_row(rule: pd.Series, whole: Figure, known: dict) -> dict | None:
    parts = [known.get((k, whole.period)) for k in rule_parts(rule)]
    if not parts or None in parts or whole.value == 0:
        return None
    values = [convert(p.value, p.unit, whole.unit) for p in parts]
    if None in values:
        return None  # check_rules does not cover ratios; units that do not convert: no figure
    ratio = sum(values) / whole.value * 100
    # A quotient is as precise as its least precise figure: 30.2 / 506.1 is 5.97 %, not 5.9672.
    digits = min(significant_digits(f.value) for f in [*parts, whole])
    ratio = round(ratio, max(0, digits - 1 - math.floor(math.log10(abs(ratio))))) if ratio else 0.0
    inputs = [*parts, whole]
    qualifier = "约" if any(f.qualifier for f in inputs) else ""
    name_zh = rule["name_zh"] or rule["result_key"]
    name_en = rule["name_en"] or name_zh
    part_zh = "、".join(f"{p.name_zh}{units.format_value(p.value, p.unit, p.qualifier)}" for p in parts)
    part_en = ", ".join(f"{p.name_en or p.key} {units.format_value(p.value, p.unit, p.qualifier, 'en')}"
                        for p in parts)
    numerator = " + ".join(units.format_number(v) for v in values)
    return _row(
        Figure(rule["result_key"], whole.period, ratio, "%", qualifier, name_zh, name_en,
               rule["section"] or whole.section),
        inputs=";".join(f"{f.key}@{f.period}" for f in inputs),
        derivation_zh=f"由{whole.period}年{part_zh}与{whole.name_zh}"
                      f"{units.format_value(whole.value, whole.unit, whole.qualifier)}推算："
                      f"{numerator} ÷ {units.format_number(whole.value)} × 100% ≈ "
                      f"{units.format_number(ratio)}%",
        derivation_en=f"derived from {whole.period} {part_en} and {whole.name_en or whole.key} "
                      f"{units.format_value(whole.value, whole.unit, whole.qualifier, 'en')}: "
                      f"{numerator} / "
                      f"{units.format_number(whole.value)} × 100 ≈ "
                      f"{units.format_number(ratio, lang='en')}%",
    )
