"""What each row of a sheet is -- blank, note, unit line, title, header or data -- where a
table's data rows stop, and a data row's name as meant (北    京 -> 北京; 合计 sums others).

shape.py finds the tables from these kinds; only rows near a table's top and between tables
are looked at one by one.
"""
from __future__ import annotations

import re

import numpy as np

from .headers import clean, is_year

HEAD_ROWS = 12  # rows a table's title, unit line and header may take before its first data row
_NOTE = re.compile(r"^\s*(注|说明|资料来源|数据来源|备注|note|notes|source)\s*[:：0-9１-９.、]", re.I)
UNIT_LINE = re.compile(r"^[(（]?\s*(单位|计量单位|unit)\s*[:：,]", re.I)
_AGGREGATE = re.compile(r"^(全国|全省|全市|全区|全县|总计|合计|总体|全部|national|total)|合计|总计|"
                        r"剔重|^(东部|中部|西部|东北)地区$|^其中\s*[:：]?$", re.I)
_NOTE_MARK = re.compile(r"[\u2460-\u2473\u00b9\u00b2\u00b3\u2070-\u2079*]+$")
CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
MISSING = ("", "-", "--", "—", "…", "...", "x", "X", "/", "无", "nan")  # a cell with no figure


def cell_texts(row: list) -> list[str]:
    return [clean(v) for v in row]


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    text = clean(value).replace(",", "").rstrip("%")
    try:
        float(text)
        return True
    except ValueError:
        return False


def row_kind(row: list) -> str:
    """blank | note | unit | title | data | header, for one row near a table's top."""
    texts = [t for t in cell_texts(row) if t]
    if not texts:
        return "blank"
    if _NOTE.match(texts[0]):
        return "note"
    if any(UNIT_LINE.match(t) for t in texts) and len(texts) <= 2:
        return "unit"
    numbers = [v for v in row if _is_number(v) and clean(v)]
    labels = [t for v, t in zip(row, cell_texts(row)) if t and not _is_number(v)]
    if len(texts) == 1:
        return "title"
    years = [is_year(v) for v in numbers]
    if len(numbers) >= 2 and all(years) and years == sorted(years) and len(set(years)) == len(years) \
            and (len(labels) <= 2 or len(numbers) >= len(labels)):
        # 省份 | 2015 | 2016 …: years across, not figures (地区 | Region | 2020 | 2021 | 2022 |
        # 2022年比上年增长(%) too: a name, its English twin and a growth column beside them)
        return "header"
    if numbers and labels:
        return "data"
    if len(numbers) >= 2 and not labels:
        return "data"
    return "header"


def starts_table(rows: list[list], filled: np.ndarray, at: int) -> bool:
    """A title or header at `at` with a table's data a few rows below it."""
    for below in range(at + 1, min(at + HEAD_ROWS, len(rows))):
        kind = row_kind(rows[below])
        if kind == "data":
            return True
        if kind == "note":
            return False
    return False


def data_stop(rows: list[list], filled: np.ndarray, first: int) -> int:
    """The row after the last data row: the first note, or a title/header that starts the
    next table; rows of one cell between data rows (其中：, a section name) stay inside."""
    candidates = np.flatnonzero(filled[first:] <= 1) + first
    stop = len(rows)
    for at in candidates:
        kind = row_kind(rows[at])
        if kind == "note" or kind in ("title", "unit", "blank") and starts_table(
                rows, filled, int(at)) and _next_is_header(rows, int(at)):
            stop = int(at)
            break
    while stop > first and filled[stop - 1] == 0:  # blank rows below the last data row
        stop -= 1
    return stop


def _next_is_header(rows: list[list], at: int) -> bool:
    for below in range(at + 1, min(at + HEAD_ROWS, len(rows))):
        kind = row_kind(rows[below])
        if kind in ("header", "data"):
            return kind == "header"
    return False


def entity_name(text: object) -> str:
    """A row's name as meant: "北    京" -> "北京", "  其中：制造业" -> "制造业"."""
    if isinstance(text, str):  # 北京① / 江西¹: a footnote's mark, not the name (before NFKC
        text = _NOTE_MARK.sub("", text.rstrip())  # makes ① a plain 1)
    name = CJK_GAP.sub("", clean(text))
    return re.sub(r"^(其中|内)\s*[:：]\s*", "", name).strip("#*△▲ ")


def aggregate(name: str) -> bool:
    return bool(_AGGREGATE.search(name))
