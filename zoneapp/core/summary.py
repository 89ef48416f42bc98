"""One ready-made sentence per figure, in Chinese or English, for pasting into a chat or a memo.

2019年主营业务收入506.1亿元，同比增长11.7%。
In 2019, main business revenue was 50.61 bn yuan, up 11.7% year on year.

Qualifiers are kept (约2.99亿元 / about 299 M yuan) and derived figures are marked
（推算） / (derived). Without a reported YoY change, a previous period of the same key and unit
gives the change: 比2018年增长12% / up 12% on 2018.
"""
from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd

from .cells import cell, cell_text
from .monthly_summary import row_sentence
from .phrases import change_en, change_zh, english_subject
from .readable import format_readable

# Words that end the head noun phrase of an English indicator name ("Job fairs held").
_HEAD_STOPS = {
    "of", "in", "by", "for", "from", "at", "with", "to", "on", "under", "since", "whose",
    "reached", "held", "issued", "applying", "recommended", "approved", "built", "started",
    "completed", "acquired", "rebuilt", "won", "as", "recruiting",
}


def _number(row: Any, key: str) -> float | None:
    value = cell(row, key)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _period(row: Any) -> int | None:
    number = _number(row, "period")
    return None if number is None else int(number)


def _plural(name: str) -> bool:
    head = []
    for word in re.split(r"[\s:]+", name.split(":")[0]):
        if word.lower() in _HEAD_STOPS and head:
            break
        head.append(word)
    last = head[-1].lower().strip("'’\"") if head else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def change(row: Any, previous: Any = None) -> tuple[float | None, str]:
    """(per cent change, the period compared with or '' for a reported YoY figure)."""
    yoy = _number(row, "yoy_pct")
    if yoy is not None:
        return yoy, ""
    if previous is None or cell_text(previous, "unit") != cell_text(row, "unit") \
            or cell_text(row, "unit") == "%":
        return None, ""
    now, before = _number(row, "value"), _number(previous, "value")
    if now is None or before is None or before == 0:
        return None, ""
    return (now / before - 1) * 100, str(_period(previous) or "")


def sentence(row: Any, lang: str = "zh", previous: Any = None) -> str:
    """The sentence for one indicator row; `previous` is the same key's earlier period, if any.
    A row below a year (5月, 1–5月累计) is said with its months and kind, as monthly reports
    say it (core.monthly_summary): "2024年…105亿元" hid that it was May's 当月."""
    monthly = row_sentence(row, lang, previous)
    if monthly is not None:
        return monthly
    value = _number(row, "value")
    if value is None:
        return ""
    unit, qualifier = cell_text(row, "unit"), cell_text(row, "qualifier")
    shown = format_readable(value, unit, qualifier, lang)
    period = _period(row)
    derived = cell_text(row, "basis") == "derived"
    pct, against = change(row, previous)
    if lang == "zh":
        name = cell_text(row, "name_zh")
        text = f"{period}年{name}{shown}" if period else f"{name}{shown}"
        if pct is not None:
            text += "，" + change_zh(pct, against)
        return text + ("（推算）" if derived else "") + "。"
    name = english_subject(cell_text(row, "name_en") or cell_text(row, "name_zh"))
    verb = "were" if _plural(name) else "was"
    text = f"In {period}, {name} {verb} {shown}" if period else f"{name[:1].upper()}{name[1:]} {verb} {shown}"
    if pct is not None:
        text += ", " + change_en(pct, against)
    return text + (" (derived)" if derived else "") + "."


def previous_row(rows: pd.DataFrame, row: Any) -> Any:
    """The same key's row for the latest period before `row`'s, or None."""
    period = _period(row)
    if rows is None or rows.empty or period is None:
        return None
    # Found on the two columns, then one row taken: filtering the whole frame copies every
    # column, about a millisecond a call even for a handful of rows.
    periods = rows["period"].to_numpy(dtype=float, na_value=np.nan)
    same = (rows["key"] == cell_text(row, "key")).to_numpy(dtype=bool, na_value=False)
    positions = np.flatnonzero(same & (periods < period))
    if not len(positions):
        return None
    latest = periods[positions]
    return rows.iloc[positions[np.flatnonzero(latest == latest.max())[-1]]]


def summary(rows: pd.DataFrame, all_rows: pd.DataFrame | None = None, lang: str = "zh") -> list[str]:
    """A sentence per row of `rows`; earlier periods are looked up in `all_rows` (default rows)."""
    if rows is None or rows.empty:
        return []
    history = rows if all_rows is None else all_rows
    out = []
    for _, row in rows.iterrows():
        text = sentence(row, lang, previous_row(history, row))
        if text:
            out.append(text)
    return out
