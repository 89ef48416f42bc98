"""Consistency rules between indicators: parts that must add up to (sum) or stay within a whole.

Each figure stands for an interval (`units.bounds`): 超过3000 is (3000, inf), 约2.99 is ±5 %.
`sum` holds when the parts' summed interval meets the whole's; `within` when the parts' lower
bounds add up to no more than the whole's upper bound. When some parts are missing in a year,
a `sum` rule is checked as `within` (the parts present cannot exceed the whole).
Ratio rules are not checks; core.derive computes them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from . import schema, units
from .problems import ERROR, WARNING, Problem

RULES_FILE = "rules.csv"
_EPS = 1e-9  # relative slack for float sums: 10.1 + 15.2 == 25.3


@dataclass(frozen=True)
class Figure:
    key: str
    period: int
    value: float
    unit: str
    qualifier: str
    name_zh: str
    name_en: str
    section: str

    def text(self, lang: str) -> str:
        name = self.name_zh if lang == "zh" else (self.name_en or self.key)
        return f"{name} {units.format_value(self.value, '', self.qualifier, lang)}"


def figures(indicators: pd.DataFrame) -> dict[tuple[str, int], Figure]:
    """(key, period) -> Figure, for the zone's yearly rows (`entities.zone_yearly`) with a value."""
    from .entities import zone_yearly

    rows = zone_yearly(indicators).dropna(subset=["value", "period"])
    cols = ["key", "period", "value", "unit", "qualifier", "name_zh", "name_en", "section"]
    return {(r[0], int(r[1])): Figure(r[0], int(r[1]), float(r[2]), *r[3:])
            for r in rows[cols].itertuples(index=False, name=None)}


def convert(value: float, unit: str, to: str) -> float | None:
    """`value` in `unit` expressed in `to` (万元 -> 亿元), None when they do not convert."""
    if unit == to:
        return value
    a, b = units.UNITS.get(unit), units.UNITS.get(to)
    if a is None or b is None or not a.base or a.base != b.base:
        return None
    return value * a.factor / b.factor


def rule_parts(rule: pd.Series) -> list[str]:
    return [k for k in str(rule["part_keys"]).split(schema.LIST_SEPARATOR) if k]


def rules_header(rules: pd.DataFrame, key: str) -> str:
    return rules.attrs.get("headers", {}).get(key, key)


def rules_file(rules: pd.DataFrame) -> str:
    return rules.attrs.get("file", RULES_FILE)


def check_rules(indicators: pd.DataFrame, rules: pd.DataFrame | None,
                known: dict[tuple[str, int], Figure] | None = None,
                rows_left_out: str = "") -> list[Problem]:
    """Problems for unknown keys in the rules and for every rule a year's figures break.
    `known`: `figures(indicators)` when the caller has it already. `rows_left_out`: the
    indicators' file when it has errors on rows (which may have been left out) -- a key a rule
    misses may be on one of them, and the warning says so rather than that it does not exist."""
    if rules is None or rules.empty:
        return []
    known = figures(indicators) if known is None else known
    keys = {k for k, _ in known}
    problems: list[Problem] = []
    for _, rule in rules.iterrows():
        problems += _unknown_keys(rules, rule, keys, rows_left_out)
        if rule["kind"] not in ("sum", "within"):
            continue
        for (key, period), whole in sorted(known.items()):
            if key == rule["whole_key"]:
                problem = _check(rules, rule, whole, known)
                if problem is not None:
                    problems.append(problem)
    return problems


def _unknown_keys(rules: pd.DataFrame, rule: pd.Series, keys: set[str],
                  rows_left_out: str = "") -> list[Problem]:
    problems = []
    for column, names in (("whole_key", [rule["whole_key"]]), ("part_keys", rule_parts(rule))):
        for name in names:
            if name in keys:
                continue
            if rows_left_out:
                zh = (f"规则 {rule['rule_id']} 用到的指标“{name}”不在已读入的指标中"
                      f"（{rows_left_out} 有错误，出错而未读入的行中可能就有它）")
                en = (f"rule {rule['rule_id']} uses indicator '{name}', which is not among the "
                      f"indicators read ({rows_left_out} has errors; a row left out for one of "
                      "them may hold it)")
            else:
                zh = f"规则 {rule['rule_id']} 用到的指标“{name}”在指标表中不存在"
                en = f"rule {rule['rule_id']} uses indicator '{name}', which is not in the indicators"
            problems.append(Problem(rules_file(rules), int(rule["_row"]),
                                    rules_header(rules, column), zh, en, "unknown_key", WARNING))
    return problems


def _check(rules: pd.DataFrame, rule: pd.Series, whole: Figure,
           known: dict[tuple[str, int], Figure]) -> Problem | None:
    parts = [known[(k, whole.period)] for k in rule_parts(rule) if (k, whole.period) in known]
    if not parts:
        return None
    lo, hi = 0.0, 0.0
    for part in parts:
        value = convert(part.value, part.unit, whole.unit)
        if value is None:
            return _unit_problem(rules, rule, whole, part)
        p_lo, p_hi = units.bounds(value, part.qualifier)
        lo, hi = lo + p_lo, hi + p_hi
    w_lo, w_hi = units.bounds(whole.value, whole.qualifier)
    slack = _EPS * max(1.0, abs(whole.value))
    complete = len(parts) == len(rule_parts(rule))
    if rule["kind"] == "sum" and complete:
        ok = lo <= w_hi + slack and hi >= w_lo - slack
    else:
        ok = lo <= w_hi + slack
    if ok:
        return None
    return _broken(rules, rule, whole, parts, lo, hi, sum_rule=rule["kind"] == "sum" and complete)


def _broken(rules: pd.DataFrame, rule: pd.Series, whole: Figure, parts: list[Figure],
            lo: float, hi: float, sum_rule: bool) -> Problem:
    total = sum(convert(p.value, p.unit, whole.unit) for p in parts)
    shown = units.format_number(total)
    if lo != hi and math.isinf(hi):
        zh_total, en_total = f"至少 {units.format_number(lo)}", f"at least {units.format_number(lo)}"
    else:
        zh_total, en_total = shown, shown
    zh = " + ".join(p.text("zh") for p in parts) + f" = {zh_total}"
    en = " + ".join(p.text("en") for p in parts) + f" = {en_total}"
    unit = f"（{whole.unit}）" if whole.unit else ""
    unit_en = units.unit_label(whole.unit, "en")
    unit_en = f" ({unit_en})" if unit_en else ""
    if sum_rule:
        zh += f" ≠ {whole.text('zh')}{unit}"
        en += f" ≠ {whole.text('en')}{unit_en}"
        what_zh, what_en = "分项之和与总数不符", "the parts do not add up to the whole"
    else:
        zh += f" > {whole.text('zh')}{unit}"
        en += f" > {whole.text('en')}{unit_en}"
        what_zh, what_en = "分项超过总数", "the parts exceed the whole"
    return Problem(
        rules_file(rules), int(rule["_row"]), rules_header(rules, "whole_key"),
        f"规则 {rule['rule_id']}，{whole.period}年{what_zh}：{zh}",
        f"rule {rule['rule_id']}, {whole.period}: {what_en}: {en}", "rule_broken", ERROR)


def _unit_problem(rules: pd.DataFrame, rule: pd.Series, whole: Figure, part: Figure) -> Problem:
    return Problem(
        rules_file(rules), int(rule["_row"]), rules_header(rules, "part_keys"),
        f"规则 {rule['rule_id']}，{whole.period}年：{part.key} 的单位“{part.unit}”"
        f"与总数 {whole.key} 的单位“{whole.unit}”不同，无法比较",
        f"rule {rule['rule_id']}, {whole.period}: {part.key} is in '{part.unit}' but the whole "
        f"{whole.key} is in '{whole.unit}'; they cannot be compared", "rule_unit", ERROR)
