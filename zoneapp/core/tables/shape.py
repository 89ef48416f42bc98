"""A grid -> the tables in it: title lines, unit line, header rows, name column, measures, notes.

Only the rows near each table's top and the rows between tables are looked at one by one; the
data rows are classified a column at a time (numpy), so a 100,000-row sheet costs little more
than reading it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zoneapp.core.periods import PeriodSpan, period_in_text
from .grid import Grid, ImportFailed
from .headers import YTD_WORDS, HeaderText, clean, is_year, parse_header, units_in_line
from .row_kinds import CJK_GAP, HEAD_ROWS, UNIT_LINE, cell_texts, data_stop, row_kind, starts_table

MAX_HEADER_ROWS = 4
_PERIOD_HEADERS = ("年份", "年度", "年", "时间", "year", "period", "月份")
_MEASURE_ROW_HEADERS = ("指标", "指标名称", "项目", "项目名称", "indicator", "item", "items")
_UNIT_HEADERS = ("单位", "计量单位", "unit")
# 排名 too: the app ranks the figures itself, a published rank is no figure of its own.
_CODE_HEADER = re.compile(r"代码|编码|编号|序号|排名|名次|位次|^(no\.?|code|id|#|rank)$|\bcode\b",
                          re.I)


_ROW_WORDS_EN = {"地区": "region", "省份": "province", "省市": "province", "城市": "city",
                 "功能区": "functional zone", "园区": "park", "行业": "industry", "企业": "enterprise",
                 "名称": "name", "县区": "county", "县": "county",
                 "区县": "county", "市州": "city", "地市": "city"}


@dataclass
class Measure:
    col: int
    header: HeaderText
    name_zh: str
    name_en: str
    unit: str
    value_kind: str = ""
    year: int | None = None
    growth_col: int | None = None  # the column holding this measure's growth in per cent
    share: bool = False  # fractions (0.0722) to be shown as per cent


@dataclass
class TableShape:
    number: int  # 1 for the first table of the sheet
    title: list[str]
    unit_line: str
    header_rows: list[int]  # grid row indices (0-based)
    data_start: int
    data_stop: int  # exclusive
    name_col: int | None
    name_header: str
    name_en_col: int | None
    period_col: int | None
    unit_col: int | None
    rows_are: str  # "entity": a region, park ... per row; "measure": an indicator per row
    measures: list[Measure]
    growth_cols: list[int]
    skipped_cols: list[tuple[int, str]]  # (column, why)
    notes: list[str] = field(default_factory=list)
    period: PeriodSpan | None = None
    headers: list[str] = field(default_factory=list)  # each column's header as written
    parsed: list[HeaderText] = field(default_factory=list)  # each column's header, read

    def kind(self, lang: str = "zh") -> str:
        """"a region × measure table" -- what the shape looks like, in words."""
        rows = self.name_header or ("指标" if self.rows_are == "measure" else "名称")
        if lang != "zh":
            rows = _ROW_WORDS_EN.get(rows, rows)
        if self.rows_are == "measure":
            cols = "年份" if any(m.year for m in self.measures) else "本月/累计" if any(
                m.value_kind for m in self.measures) else "数值"
            cols_en = {"年份": "year", "本月/累计": "month/year-to-date", "数值": "value"}[cols]
            return f"“{rows}”×{cols}表" if lang == "zh" else f"an indicator × {cols_en} table"
        cols = "年份" if any(m.year for m in self.measures) else "指标"
        if self.period_col is not None:
            return (f"长表（年份、{rows}、{len(self.measures)} 个指标）" if lang == "zh"
                    else f"a long table (year, {rows}, {len(self.measures)} measures)")
        return f"“{rows}”×{cols}表" if lang == "zh" else \
            f"a {rows} × {'year' if cols == '年份' else 'measure'} table"


def find_tables(grid: Grid, frame: pd.DataFrame, header: tuple[int | None, int] | None = None,
                name_col: int | None = None) -> list[TableShape]:
    """Every table in the grid, top to bottom (two stacked: 上半年 above 一季度); `frame` is
    `pd.DataFrame(grid.rows)`. Raises ImportFailed when no header and data can be found.

    Corrections (0-based): `header` = (first or None, last) header row -- the first table is
    the one under it, rows above it are not a table; `name_col` -- every table's name column."""
    rows = grid.rows
    width = frame.shape[1]
    if frame.empty:
        raise ImportFailed(grid.file, "工作表是空的", "the sheet is empty")
    filled = np.zeros(len(frame), dtype=np.int64)
    masks = {}  # column -> which of its cells hold something (each table's columns reuse it)
    for column in frame.columns:  # a column at a time: how many cells of each row are filled
        masks[column] = _filled(frame[column]).to_numpy(dtype=bool)
        filled += masks[column]
    shapes: list[TableShape] = []
    start = 0
    if header is not None:
        shapes.append(_table_under(grid, frame, filled, masks, header, width, name_col))
        start = shapes[0].data_stop
    while start < len(rows):
        shape = _table_at(grid, frame, filled, masks, start, len(shapes) + 1, width, name_col)
        if shape is None:
            break
        shapes.append(shape)
        start = shape.data_stop
        while start < len(rows) and filled[start] <= 1:  # notes and blank rows below it
            text = " ".join(cell_texts(rows[start])).strip()
            if text and row_kind(rows[start]) == "note" or (text and shape.notes and
                                                           not starts_table(rows, filled, start)):
                shape.notes.append(text)
            elif text and starts_table(rows, filled, start):
                break
            start += 1
    if not shapes:
        raise ImportFailed(grid.file, "找不到表头和数据行：这张表的每一行都不像“名称 + 数字”",
                           "no header and data rows found: no row looks like a name with figures")
    return shapes


def _filled(cells: pd.Series) -> pd.Series:
    """Which cells hold something: numbers, or text other than spaces."""
    if cells.dtype.kind in "fiu":
        return cells.notna()
    # Readers give "" for a blank cell; isin hashes in C (no text copy of a 100,000-row column).
    return ~(cells.isna() | cells.isin(["", " "]))


def _table_under(grid: Grid, frame: pd.DataFrame, filled: np.ndarray, masks: dict,
                 header: tuple[int | None, int], width: int, name_col: int | None) -> TableShape:
    """The table whose header the user marked: its last row `header[1]`, its first given or
    the header-like rows directly above (as many as the finder takes)."""
    rows = grid.rows
    first, last = header
    if not 0 <= last < len(rows) - 1:
        raise ImportFailed(grid.file, f"第 {last + 1} 行下面没有数据行", f"no data rows below row "
                           f"{last + 1}", last + 1)
    if first is None:
        first = last
        while first > 0 and last - first + 1 < MAX_HEADER_ROWS and \
                row_kind(rows[first - 1]) == "header":
            first -= 1
    first = max(0, min(first, last))
    data = last + 1
    while data < len(rows) and filled[data] == 0:  # blank rows under the header
        data += 1
    if data >= len(rows):
        raise ImportFailed(grid.file, f"第 {last + 1} 行下面没有数据行", f"no data rows below row "
                           f"{last + 1}", last + 1)
    start = max(0, first - HEAD_ROWS)  # its title and unit lines are close above it
    kinds = [row_kind(rows[r]) for r in range(start, first)]
    return _build(grid, frame, filled, masks, start, kinds, list(range(first, last + 1)), data,
                  1, width, name_col)


def _table_at(grid: Grid, frame: pd.DataFrame, filled: np.ndarray, masks: dict, start: int,
              number: int, width: int, name_col: int | None = None) -> TableShape | None:
    rows = grid.rows
    kinds: list[str] = []
    first_data = None
    for at in range(start, min(start + HEAD_ROWS + 8, len(rows))):
        kind = row_kind(rows[at])
        kinds.append(kind)
        if kind == "data" and any(k == "header" for k in kinds[:-1]):
            first_data = at
            break
    if first_data is None:
        return None
    header_rows: list[int] = []
    at = first_data - 1
    while at >= start and kinds[at - start] == "header" and len(header_rows) < MAX_HEADER_ROWS:
        header_rows.insert(0, at)
        at -= 1
    return _build(grid, frame, filled, masks, start, kinds, header_rows, first_data, number,
                  width, name_col)


def _build(grid: Grid, frame: pd.DataFrame, filled: np.ndarray, masks: dict, start: int,
           kinds: list[str], header_rows: list[int], first_data: int, number: int, width: int,
           name_col: int | None) -> TableShape:
    """The table with these header rows and its data from `first_data`; `kinds` are the
    rows' kinds from `start` on (title and unit lines are looked for above the header)."""
    rows = grid.rows
    above = range(start, header_rows[0])
    title = [" ".join(t for t in cell_texts(rows[r]) if t) for r in above
             if kinds[r - start] == "title"]
    unit_line = next((" ".join(t for t in cell_texts(rows[r]) if t) for r in above
                      if kinds[r - start] == "unit"), "")
    if not unit_line:  # "单位：亿元" at the right of a title row
        unit_line = next((t for r in above for t in cell_texts(rows[r]) if UNIT_LINE.match(t)), "")
    stop = data_stop(rows, filled, first_data)
    headers = _column_headers(grid, header_rows, width)
    shape = _columns(grid, frame, masks, headers, header_rows, first_data, stop, number, title,
                     unit_line, name_col)
    shape.period = period_in_text(" ".join(title) or grid.sheet or "") or \
        period_in_text(grid.file)
    return shape


def _column_headers(grid: Grid, header_rows: list[int], width: int) -> list[list[str]]:
    """Each column's header levels, top first, merged ranges spread over their columns (a
    group over its sub-columns) and down their rows."""
    # A year typed as a number reads 2020.0: as text it is "2020" (clean), as it shows.
    levels = [[clean(v) if isinstance(v, float) else str(v).strip() if v is not None else ""
               for v in grid.rows[r]] + [""] * width for r in header_rows]
    levels = [row[:width] for row in levels]
    index = {r: i for i, r in enumerate(header_rows)}
    for (top, left), (bottom, right) in grid.merged:
        value = next((grid.rows[top][left] for _ in [0] if top < len(grid.rows)
                      and left < len(grid.rows[top])), "")
        for r in range(top, bottom + 1):
            if r in index:
                for c in range(left, min(right + 1, width)):
                    if not levels[index[r]][c]:
                        levels[index[r]][c] = str(value or "").strip()
    # Unmerged groups: an upper cell left blank over a growth column belongs to its left.
    for upper, lower in zip(levels, levels[1:]):
        for c in range(1, width):
            if not upper[c] and lower[c] and upper[c - 1] and lower[c - 1]:
                upper[c] = upper[c - 1]
    return [[levels[i][c] for i in range(len(levels))] for c in range(width)]


def _columns(grid: Grid, frame: pd.DataFrame, masks: dict, headers: list[list[str]],
             header_rows: list[int], start: int, stop: int, number: int, title: list[str],
             unit_line: str, forced: int | None = None) -> TableShape:
    parsed = [parse_header(levels) for levels in headers]
    data = frame.iloc[start:stop]
    text_cols, number_cols, skipped = [], [], []
    for c, head in enumerate(parsed):
        if c not in data.columns:
            continue
        cells = data[c]
        filled = masks[c][start:stop]
        if not filled.any():
            if head.text:
                skipped.append((c, "空列"))
            continue
        sample = cells[filled].head(500)  # what a column holds shows in its first cells
        numeric = pd.to_numeric(sample, errors="coerce").notna().mean() \
            if cells.dtype.kind not in "fiu" else 1.0
        if numeric < 0.5 and cells.dtype.kind not in "fiu":  # 1,234.5 or 12.3% as text
            numeric = pd.to_numeric(sample.astype(str).str.replace(
                r"[,%\s]", "", regex=True), errors="coerce").notna().mean()
        (number_cols if numeric >= 0.5 else text_cols).append(c)
    period_col = next((c for c in text_cols + number_cols
                       if parsed[c].text.lower() in _PERIOD_HEADERS or parsed[c].name_zh in
                       _PERIOD_HEADERS and all(is_year(v) for v in data[c].head(20) if clean(v))),
                      None)
    unit_col = next((c for c in text_cols if parsed[c].name_zh in _UNIT_HEADERS
                     or parsed[c].text.lower() in _UNIT_HEADERS), None)
    if forced is not None and forced < len(parsed):  # the user's name column
        period_col, unit_col = (None if c == forced else c for c in (period_col, unit_col))
        number_cols = [c for c in number_cols if c != forced]
        text_cols = [forced] + [c for c in text_cols if c != forced]
    names = [c for c in text_cols if c not in (period_col, unit_col)]
    name_col = names[0] if names else None
    # A chosen name column's English twin is to its right (a code column left of it is not).
    name_en_col = next((c for c in names[1:] if _mostly_ascii(data[c]) and
                        (forced is None or c > forced)), None)
    for c in names[1:]:
        if c != name_en_col:
            skipped.append((c, "文字列"))
    # "地    区" is 地区, as a name is ("北    京" -> 北京).
    name_header = CJK_GAP.sub("", parsed[name_col].name_zh or parsed[name_col].text) \
        if name_col is not None else ""
    # 区划代码 | 序号 | 排名: numbers that label a row, not figures.
    for c in number_cols:
        if c != period_col and _CODE_HEADER.search(parsed[c].text):
            skipped.append((c, "代码、序号或排名列"))
    measure_cols = [c for c in number_cols if c != period_col and c not in
                    {s for s, _ in skipped}]
    rows_are = "measure" if name_header.lower() in _MEASURE_ROW_HEADERS or (
        measure_cols and all(not parsed[c].name_zh and not parsed[c].name_en and not parsed[c].year
                             for c in measure_cols if not parsed[c].growth)) else "entity"
    if rows_are == "measure" and all(not parsed[c].name_zh for c in measure_cols):
        pass  # columns are kinds (本月, 累计) or years: the row names the measure
    line_units = units_in_line(unit_line) or _title_units(title)
    measures, growth_cols = [], []
    for c in measure_cols:
        head = parsed[c]
        if head.growth:
            growth_cols.append(c)
            continue
        unit = head.unit or _line_unit(head, line_units)
        if not unit and head.share:
            unit = "%"
        measures.append(Measure(c, head, head.name_zh, head.name_en, unit, head.value_kind,
                                head.year, share=head.share))
    _bare_spans_are_months(measures)
    for c in growth_cols:
        owner = _growth_owner(parsed[c], c, measures)
        if owner is None:
            skipped.append((c, "增速列找不到对应的数值列"))
        else:
            owner.growth_col = c
    return TableShape(number, title, unit_line, header_rows, start, stop, name_col, name_header,
                      name_en_col, period_col, unit_col, rows_are, measures, growth_cols, skipped,
                      headers=[p.text for p in parsed], parsed=parsed)


def _bare_spans_are_months(measures: list[Measure]) -> None:
    """A January–February report heads its 本月 column with the span itself: "1-2月" beside
    "1-2月累计". A measure's column headed by a bare span, when the same measure also has a
    column that says 累计, is the month's value, not a second year-to-date one."""
    said = {m.name_zh for m in measures
            if m.value_kind == "ytd" and any(w in m.header.text for w in YTD_WORDS)}
    for m in measures:
        if m.value_kind == "ytd" and m.name_zh in said \
                and not any(w in m.header.text for w in YTD_WORDS):
            m.value_kind = "month"


def _title_units(title: list[str]) -> list[str]:
    """A unit in a title's brackets: 各省地区生产总值(亿元)."""
    from .headers import unit_of

    return [u for line in title for inside in re.findall(r"[(（]([^()（）]*)[)）]", line)
            if (u := unit_of(inside))][:1]


def _line_unit(head: HeaderText, line_units: list[str]) -> str:
    if not line_units:
        return ""
    if len(line_units) == 1:
        return line_units[0]
    counted = ("数", "个数", "number")
    from zoneapp.core import units

    count_units = [u for u in line_units if units.UNITS.get(u) and units.UNITS[u].count]
    other = [u for u in line_units if u not in count_units]
    if any(w in head.text.lower() for w in counted) and count_units:
        return count_units[0]
    return other[0] if other else line_units[0]


def _growth_owner(head: HeaderText, col: int, measures: list[Measure]) -> Measure | None:
    """The measure a growth column belongs to: the same name and kind, else the nearest
    value column to its left."""
    left = [m for m in measures if m.col < col]
    same = [m for m in left if head.name_zh and m.name_zh == head.name_zh and m.growth_col is None]
    kind = [m for m in same if m.value_kind == head.value_kind] or same
    if kind:
        return kind[-1]
    free = [m for m in left if m.growth_col is None]
    return free[-1] if free and free[-1].col == col - 1 else None


def _mostly_ascii(cells: pd.Series) -> bool:
    texts = [clean(v) for v in cells.head(50) if clean(v)]
    return bool(texts) and sum(t.isascii() and any(ch.isalpha() for ch in t)
                               for t in texts) >= 0.8 * len(texts)
