"""The monthly report's standard sentence for a 累计 (or 当月) figure, in Chinese or English:

1–10月，规上工业营业收入累计完成450.2亿元，同比增长9.8%，完成年度目标的88.2%，高于时序进度4.9个百分点。
In January–October, revenue of … reached 45.02 bn yuan, up 9.8% year on year, 88.2% of the
annual target, 4.9 points ahead of the time elapsed.

A clause whose figure is missing is left out; a 同比 the app derived is marked （推算） /
(derived). Yearly figures keep core.summary's sentences.
"""
from __future__ import annotations

import math

from .cells import cell_text
from .monthly import Change, Point, kind_of, month_range, span_of, year_before
from .phrases import change_en, change_zh, english_subject
from .targets import Progress
from .readable import format_readable
from .units import format_number

_PARTS_EN = {"Q1": "the first quarter", "Q2": "the second quarter", "Q3": "the third quarter",
             "Q4": "the fourth quarter", "H1": "the first half", "H2": "the second half"}


def _points(value: float) -> str:
    return format_number(abs(value), "%", decimals=1)


def row_sentence(row, lang: str = "zh", previous=None) -> str | None:
    """The sentence of one indicators row below a year or marked 累计 / 当月 (a region's
    5月 figure, its 1–5月累计), in the monthly report's form; None for a yearly row. Its 同比
    is the reported one, else from `previous` when that is the same months a year before."""
    span = span_of(row)
    kind = kind_of(row, span) if span is not None else ""
    if kind not in ("ytd", "period"):
        return None
    value = _number(row, "value")
    if value is None:
        return ""
    point = Point(cell_text(row, "key"), span, kind, value, cell_text(row, "unit"),
                  cell_text(row, "qualifier"), cell_text(row, "basis") == "derived", row)
    change = None
    reported = _number(row, "yoy_pct")
    if reported is not None:
        change = Change(reported, False)
    elif previous is not None and point.unit != "%" and year_before(row, previous):
        then = _number(previous, "value")
        if then:
            change = Change(round((value / then - 1) * 100, 1), True)
    return period_sentence(point, lang, change)


def _number(row, column: str) -> float | None:
    value = row.get(column) if hasattr(row, "get") else None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def period_sentence(point: Point, lang: str = "zh", change: Change | None = None,
                    progress: Progress | None = None) -> str:
    """The sentence for one 累计 or 当月 figure with its 同比 and its target's progress."""
    shown = format_readable(point.value, point.unit, point.qualifier, lang)  # 105亿元
    row = point.row
    if lang == "zh":
        verb = "累计完成" if point.kind == "ytd" else "完成"
        text = f"{month_range(point.span, 'zh')}，{cell_text(row, 'name_zh')}{verb}{shown}"
        if point.derived:
            text += "（推算）"
        if change is not None:
            text += "，" + change_zh(change.pct) + ("（推算）" if change.derived else "")
        if progress is not None:
            text += "，" + goal_clause(progress.completion, progress.gap, "zh")
        return text + "。"
    code = point.span.code()
    months = _PARTS_EN.get(code[4:]) if len(code) == 6 else None
    months = months or month_range(point.span, "en")
    name = english_subject(cell_text(row, "name_en") or cell_text(row, "name_zh"))
    text = f"In {months}, {name} reached {shown}"
    if point.derived:
        text += " (derived)"
    if change is not None:
        text += ", " + change_en(change.pct) + (" (derived)" if change.derived else "")
    if progress is not None:
        text += ", " + goal_clause(progress.completion, progress.gap, "en")
    return text + "."


def goal_clause(completion: float, gap: float, lang: str = "zh") -> str:
    """完成年度目标的88.2%，高于时序进度4.9个百分点 / 88.2% of the annual target, 4.9 points
    ahead of the time elapsed (core.targets.Progress' completion and gap)."""
    if lang == "zh":
        text = f"完成年度目标的{format_number(completion, '%', decimals=1)}%"
        if gap > 0:
            return text + f"，高于时序进度{_points(gap)}个百分点"
        if gap < 0:
            return text + f"，低于时序进度{_points(gap)}个百分点"
        return text + "，与时序进度持平"
    text = f"{format_number(completion, '%', 'en', decimals=1)}% of the annual target"
    if gap > 0:
        return text + f", {_points(gap)} points ahead of the time elapsed"
    if gap < 0:
        return text + f", {_points(gap)} points behind the time elapsed"
    return text + ", in step with the time elapsed"
