"""An indicators row -> the texts of its KPI card, in Chinese or English."""
from __future__ import annotations

import math

import pandas as pd

from zoneapp.core.monthly import kind_of, span_label, span_of, year_before
from zoneapp.core.summary import change
from zoneapp.core.readable import format_readable
from zoneapp.core.units import format_number
from zoneapp.views.figures import is_derived, name, period_title, text
from zoneapp.views.model import KpiView
from zoneapp.views.words import say

UP_ARROW = "▲"
DOWN_ARROW = "▼"


def change_arrow(pct: float | None) -> str:
    """▲ for an increase, ▼ for a decrease, '' for none or unknown."""
    if pct is None or (isinstance(pct, float) and math.isnan(pct)) or pct == 0:
        return ""
    return UP_ARROW if pct > 0 else DOWN_ARROW


def _number(row, column: str) -> float | None:
    value = row.get(column) if hasattr(row, "get") else None
    try:
        if value is None or pd.isna(value):
            return None
        return float(value)
    except (TypeError, ValueError):
        return None


def kpi_view(row: pd.Series, lang: str, previous: pd.Series | None = None) -> KpiView:
    """The card of an indicators row; `previous`, the same figure in an earlier period. A
    figure below a year says its months and whether 累计, as the monthly cards do: a region's
    5月 and 1–5月累计 were two cards of one title."""
    title = name(row, lang)
    span = span_of(row)
    kind = kind_of(row, span) if span is not None else ""
    months = kind in ("ytd", "period") or (span is not None and not span.whole_year)
    if months:
        title = period_title(title, span, kind, lang)
        if previous is not None and not year_before(row, previous):
            previous = None  # a 5月 is not compared with another kind or months
    value = _number(row, "value")
    shown = "" if value is None else format_readable(value, text(row, "unit"),
                                                     text(row, "qualifier"), lang)
    derived = is_derived(row)
    derivation = (text(row, f"derivation_{lang}") or text(row, "derivation_zh")
                  or text(row, "note")) if derived else ""
    pct, word = _number(row, "yoy_pct"), say("YoY", lang)
    if pct is None and previous is not None:
        pct, against = change(row, previous)
        word = say("vs %1", lang, against)
        if months and pct is not None:  # the same months a year before: a 同比 we worked out
            word = say("YoY", lang)
            pct = round(pct, 1)
    yoy_mark = ("" if lang == "zh" else " ") + say("(derived)", lang) \
        if months and pct is not None and _number(row, "yoy_pct") is None else ""
    yoy = "" if pct is None else \
        f"{word} {change_arrow(pct)}{format_number(abs(pct), '%', decimals=1)}%{yoy_mark}"
    compare = _compare_line(previous, lang)
    source = text(row, "source_sentence")
    lines = [f"{title}: {shown}" if title else shown]
    if source:
        lines.append(say("Source: %1", lang, source))
    if derivation:
        lines.append(say("Derived: %1", lang, derivation))
    if compare:
        lines.append(compare)
    return KpiView(key=text(row, "key"), title=title, value_text=shown, derived=derived,
                   yoy_pct=pct, yoy_text=yoy, compare_text=compare, source=source,
                   derivation=derivation, tooltip="\n".join(line for line in lines if line),
                   accessible_text=_spoken(title, shown, pct, derived, lang), row=row)


def _compare_line(previous, lang: str) -> str:
    """"In 2018: about 45.31 bn yuan (derived)" / "2018年：约453.1亿元（推算）"."""
    value = _number(previous, "value") if previous is not None else None
    if value is None:
        return ""
    shown = format_readable(value, text(previous, "unit"), text(previous, "qualifier"), lang)
    if is_derived(previous):
        shown += ("" if lang == "zh" else " ") + say("(derived)", lang)  # （推算） needs no space
    span = span_of(previous)
    if span is not None and not span.whole_year:  # 2023年5月：100亿元, not 2023年：
        return f"{span_label(span, lang)}{'：' if lang == 'zh' else ': '}{shown}"
    return say("In %1: %2", lang, text(previous, "period"), shown)


def _spoken(title: str, shown: str, pct: float | None, derived: bool, lang: str) -> str:
    """What a screen reader says: "主营业务收入 506.1亿元 同比增长11.7%"."""
    parts = [title, shown]
    if pct is not None:
        amount = f"{format_number(abs(pct), '%', decimals=1)}%"
        parts.append(say("YoY up %1", lang, amount) if pct > 0 else
                     say("YoY down %1", lang, amount) if pct < 0 else say("YoY unchanged", lang))
    if derived:
        parts.append(say("(derived)", lang))
    return " ".join(p for p in parts if p)
