"""Problems about a whole file, worded once for every reader: over a limit, empty, and how
many more there were past the per-file cap."""
from __future__ import annotations

from zoneapp.core.io import limits
from zoneapp.core.problems import ERROR, WARNING, Problem

MAX_PROBLEMS_PER_FILE = 100  # ragged rows, cut cells: the rest are counted in one problem


def file_problem(file: str, code: str, zh: str, en: str, severity: str = ERROR,
                 row: int | None = None) -> Problem:
    """A problem of the file (or of one of its rows), not of a column."""
    return Problem(file, row, None, zh, en, code, severity)


def too_many(file: str, what_zh: str, what_en: str, count: int, cap: int) -> list[Problem]:
    return [file_problem(file, "too_large", f"{what_zh}过多（{count:,}），上限为 {cap:,}，未读取。",
                         f"too many {what_en} ({count:,}); the limit is {cap:,}; not read.")]


def over_limits(file: str, rows: int, columns: int) -> list[Problem] | None:
    """A problem when `rows` data rows of `columns` cells are over a limit, else None."""
    if columns > limits.MAX_COLUMNS:
        return too_many(file, "列数", "columns", columns, limits.MAX_COLUMNS)
    if rows > limits.MAX_ROWS:
        return too_many(file, "行数", "rows", rows, limits.MAX_ROWS)
    if rows * columns > limits.MAX_CELLS:
        return too_many(file, "单元格", "cells", rows * columns, limits.MAX_CELLS)
    return None


def more_problems(file: str, count: int, severity: str = WARNING) -> list[Problem]:
    """One problem counting those of `count` past the cap, or none."""
    if count <= MAX_PROBLEMS_PER_FILE:
        return []
    more = count - MAX_PROBLEMS_PER_FILE
    return [file_problem(file, "more_problems", f"……另有 {more} 处同类问题未列出",
                         f"… and {more} more problems like these", severity)]


def empty_file(file: str) -> Problem:
    return file_problem(file, "empty_file", "文件是空的", "the file is empty")
