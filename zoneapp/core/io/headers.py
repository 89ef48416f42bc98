"""Match a file's header to a table's columns: by key, Chinese label or English label."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from zoneapp.core.problems import ERROR, WARNING, Problem
from zoneapp.core.schema import FLOAT, INT, Column, Table
from zoneapp.core.fast.textedges import INVISIBLE


# Characters that show as nothing: pasted from web pages and documents into header cells.
_INVISIBLE = dict.fromkeys(INVISIBLE)
# A space (or an Alt+Enter line break) beside a Chinese character, as in 指标 名称 or 同比增长
# (%): Chinese has no word spaces, so it is layout, not part of the name.
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])")


def header_key(text: str) -> str:
    """How headers compare: full-width folded (（%）= (%)), invisible characters dropped,
    spaces collapsed (and dropped beside Chinese characters), case-insensitive."""
    folded = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return _CJK_SPACE.sub("", " ".join(folded.split())).casefold()


def column_names(table: Table) -> dict[str, str]:
    """Every accepted header spelling -> the column's key."""
    names: dict[str, str] = {}
    # Labels first, then keys, so a key wins when a label of one column is another's key.
    for column in table.columns:
        for name in (column.en, column.zh):
            names.setdefault(header_key(name), column.key)
    for column in table.columns:
        names[header_key(column.key)] = column.key
    return names


# An export writes each figure column twice: the value at full precision, then "as shown"
# (约453.09亿元 / about 45.31 bn yuan) under the value's label with one of these marks. On
# reading, a column so marked is left out without a warning.
SHOWN_MARKS = {"zh": "（显示）", "en": " (as shown)"}


def shown_header(label: str, lang: str) -> str:
    return f"{label}{SHOWN_MARKS['zh' if lang == 'zh' else 'en']}"


def is_shown_header(text: str) -> bool:
    text = str(text).strip().lower()
    return any(text.endswith(mark.strip().lower()) for mark in SHOWN_MARKS.values())


@dataclass
class HeaderMap:
    positions: dict[str, int] = field(default_factory=dict)  # column key -> position in file
    written: dict[str, str] = field(default_factory=dict)  # column key -> header as written
    problems: list[Problem] = field(default_factory=list)
    usable: bool = True  # False when a column every row needs is missing

    def header(self, column: Column) -> str:
        return self.written.get(column.key, column.zh)


def map_header(header: list[str], table: Table, file: str, row: int = 1) -> HeaderMap:
    """Which position holds which column, with problems for unknown, duplicate, missing ones
    (at `row`, the spreadsheet row the header is on)."""
    names = column_names(table)
    result = HeaderMap()
    for position, text in enumerate(header):
        key = names.get(header_key(text))
        if key is None:
            if not is_shown_header(text):
                result.problems.append(_unknown(file, text, position, table, row))
        elif key in result.positions:
            result.problems.append(Problem(
                file, row, text,
                f"列重复：“{text}”与“{result.written[key]}”是同一列，只使用第一个",
                f"duplicate column: '{text}' is the same column as '{result.written[key]}'; "
                "the first one is used", "duplicate_column", ERROR))
        else:
            result.positions[key] = position
            result.written[key] = text
    for column in table.columns:
        if column.required and column.key not in result.positions:
            result.problems.append(_missing(file, column, table, row))
            if not column.nullable:
                result.usable = False
    return result


def _unknown(file: str, text: str, position: int, table: Table, row: int) -> Problem:
    shown = text or f"#{position + 1}"
    expected = ", ".join(c.key for c in table.columns)
    return Problem(
        file, row, shown, f"未知的列“{shown}”，已忽略。可用的列：{expected}",
        f"unknown column '{shown}', ignored. Known columns: {expected}",
        "unknown_column", WARNING)


def _missing(file: str, column: Column, table: Table, row: int) -> Problem:
    if column.nullable:
        tail_zh, tail_en, severity = "，该列按空白处理", "; it is taken as blank", WARNING
    else:
        tail_zh, tail_en, severity = "，整张表未能读取", "; the table was not loaded", ERROR
    return Problem(
        file, row, column.zh,
        f"缺少列“{column.zh}”（{column.key} / {column.en}）{tail_zh}",
        f"missing column '{column.en}' ({column.key} / {column.zh}){tail_en}",
        "missing_column", severity)


def number_columns(header: list[str], table: Table) -> dict[int, tuple[bool, float | None]]:
    """The positions of `table`'s INT and FLOAT columns in a file's header (as `map_header`
    places them) -> (whole numbers only, the column's least allowed value)."""
    positions = map_header(header, table, "").positions
    return {position: (column.kind == INT, column.min_value)
            for column in table.columns if column.kind in (INT, FLOAT)
            and (position := positions.get(column.key)) is not None}
