"""A raw frame of strings x a schema Table -> a typed frame and the problems found.

Frame conventions (every table frame the data layer hands out):
- columns are `table.keys` in schema order, then `_row`: the spreadsheet row the data came
  from (header = row 1, first data row = 2), int64;
- INT columns are pandas "Int64" (<NA> when blank), FLOAT columns float64 (NaN when blank);
- every other kind (TEXT, ENUM, UNIT, QUALIFIER, LIST) is pandas' string dtype (`dtype=str`)
  and a blank cell is "" -- never NA -- so the UI can show and compare text without checks;
- ENUM cells hold the code, UNIT/QUALIFIER cells the canonical word (see core.units);
- LIST cells hold the items joined by ';' ("a;b"), whatever separator the file used;
- `basis` is "reported" when blank.
A row with a bad cell in a non-nullable or key column is left out; a bad cell in an optional
column is blanked and the row kept. Column problems are capped (`MAX_PER_COLUMN`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zoneapp.core import schema, units
from zoneapp.core.io import limits
from zoneapp.core.io.headers import HeaderMap, map_header
from zoneapp.core.fast.ahead import DISTINCT, KEY, STRIP, ColumnFacts
from zoneapp.core.fast.keyhash import duplicated_keys
from .numbers import NumberColumn, parse_number_column, unit_matches
from .problems import ERROR, WARNING, Problem
from zoneapp.core.io.rawtable import byte_span
from zoneapp.core.io.readers import RawTable
from .schema import Column, Table
from zoneapp.core.fast.textedges import STRIP_CHARS, may_need_strip

MAX_PER_COLUMN = 100
_LIST_SPLIT = r"\s*[;；,，、]\s*"


@dataclass
class _Context:
    table: Table
    file: str
    headers: HeaderMap
    rows: np.ndarray  # spreadsheet row of each position
    drop: np.ndarray  # bool: leave the row out
    facts: ColumnFacts
    kept: set[str] = field(default_factory=set)  # text columns kept as read (nothing stripped)
    out: dict[str, pd.Series] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    declared: frozenset[str] = frozenset()  # units the folder's zone.toml declares
    sections: tuple[schema.Section, ...] = ()  # the sections zone.toml declares, if any
    section_ids: dict[str, None] | None = None  # the section column's ids, first seen first

    def report(self, column: Column, positions, zh, en, code: str, severity: str = ERROR) -> None:
        """Problems for cells; `zh`/`en` map a position to the message. Drops rows or blanks cells."""
        positions = np.asarray(positions, dtype=int)
        if not len(positions):
            return
        header = self.headers.header(column)
        seen = self.counts.get(header, 0)
        for pos in positions[: max(0, MAX_PER_COLUMN - seen)]:
            self.problems.append(Problem(self.file, int(self.rows[pos]), header, zh(pos), en(pos),
                                         code, severity))
        self.counts[header] = seen + len(positions)
        if severity != ERROR:
            return
        if not column.nullable or column.key in self.table.key:
            self.drop[positions] = True
        else:
            self.blank(column, positions)

    def blank(self, column: Column, positions) -> None:
        series = self.out[column.key]
        series.iloc[positions] = np.nan if column.kind in (schema.INT, schema.FLOAT) else ""

    def cell(self, key: str, pos: int) -> str:
        return self.out[key].iloc[pos] if key in self.out else ""


def validate_table(raw: RawTable, table: Table, file: str, declared_units: frozenset[str] = frozenset(),
                   sections: tuple[schema.Section, ...] = ()
                   ) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Type every column of `raw`; None (with the reason in the problems) when it cannot load.
    `declared_units`: units the folder declares besides core.units' (zone.toml [[units]]);
    `sections`: the sections it declares (zone.toml [[sections]]; none: any section id).
    `raw.cells` is consumed: each text column is dropped from it once its typed one is made,
    so a million-row table never holds both in full."""
    headers = map_header(raw.header, table, file, raw.header_row)
    if not headers.usable:
        raw, headers = _header_further_down(raw, table, file) or (raw, headers)
    if not headers.usable:
        return None, list(raw.problems) + headers.problems
    n = len(raw.cells)
    rows = raw.cells.index.to_numpy(dtype="int64")
    raw.cells.index = pd.RangeIndex(n)  # positions from here on; `rows` keeps the row numbers
    columns = dict(raw.cells.items())  # handed on one by one (see the docstring)
    raw.cells = pd.DataFrame(index=pd.RangeIndex(0))
    facts = ColumnFacts(columns, headers.positions, table, n)
    ctx = _Context(table, file, headers, rows, np.zeros(n, bool), facts, declared=declared_units,
                   sections=sections)
    shared: dict = {}  # one buffer of blank text for every column the file does not have
    ordered = sorted(table.columns, key=lambda c: c.kind in (schema.INT, schema.FLOAT))
    for column in ordered:  # units and qualifiers before the numbers that use them
        if column.key not in headers.positions:
            ctx.out[column.key] = _blank_series(column, n, shared)
            continue
        cells = columns.pop(headers.positions[column.key])  # the typed column replaces it
        _CONVERTERS[column.kind](ctx, column, cells)
        del cells
    del columns
    for column in table.columns:
        _check_empty(ctx, column)
    frame = _assemble(ctx)
    frame = _drop_duplicate_keys(ctx, frame)
    facts.drop()
    _summarise(ctx)
    frame.attrs["file"] = file
    frame.attrs["headers"] = dict(headers.written)
    if ctx.section_ids is not None and len(frame) == n:  # every row kept: the ids hold
        # The section ids in order of first appearance, so that working out the tabs needs
        # no second pass over a million rows (core.sections).
        frame.attrs[schema.SECTION_IDS] = tuple(i for i in ctx.section_ids if i)
    return frame, list(raw.problems) + headers.problems + ctx.problems


def _header_further_down(raw: RawTable, table: Table, file: str
                         ) -> tuple[RawTable, HeaderMap] | None:
    """When row 1 is not the header (a title above it, as government sheets often have), the
    first of the next rows that is: the table from there, with a note of what was left out."""
    for position in range(min(limits.MAX_TITLE_ROWS, len(raw.cells))):
        moved = raw.header_further_down(position)
        headers = map_header(moved.header, table, file, moved.header_row)
        if headers.usable:
            above = moved.header_row - 1  # blank rows passed over before included
            moved.problems.append(Problem(
                file, moved.header_row, None,
                f"表头在第 {moved.header_row} 行：上面的 {above} 行（标题或说明）不是数据，已忽略",
                f"the header is on row {moved.header_row}: the {above} row(s) above it (a title "
                "or notes) are not data and are ignored", "header_lower", WARNING))
            return moved, headers
    return None


def empty_frame(table: Table) -> pd.DataFrame:
    """A frame with the table's columns and dtypes and no rows."""
    data = {c.key: _blank_series(c, 0) for c in table.columns}
    data["_row"] = pd.Series([], dtype="int64")
    return pd.DataFrame(data)


def _blank_series(column: Column, n: int, shared: dict | None = None) -> pd.Series:
    """`n` blank cells of the column's dtype. Text columns given the same `shared` dict share
    one arrow array (immutable: writing into one of them copies it, copy-on-write)."""
    if column.kind == schema.INT:
        return pd.Series(pd.NA, index=range(n), dtype="Int64")
    if column.kind == schema.FLOAT:
        return pd.Series(np.nan, index=range(n), dtype="float64")
    if n == 0:
        return pd.Series([], dtype=str)
    import pyarrow as pa  # a million "" as one arrow array: no million-element fill and take

    empty = None if shared is None else shared.get(n)
    if empty is None:
        offsets = pa.py_buffer(np.zeros(n + 1, dtype=np.int64))
        empty = pa.Array.from_buffers(pa.large_string(), n, [None, offsets, pa.py_buffer(b"")])
        if shared is not None:
            shared[n] = empty
    return pd.Series(empty.to_pandas(), dtype=str)


# --- converters: each stores ctx.out[column.key] and reports bad cells -----------------------

def _text(ctx: _Context, column: Column, cells: pd.Series) -> None:
    strip = ctx.facts.get(column.key, STRIP)
    if not (may_need_strip(cells) if strip is None else strip):
        ctx.out[column.key] = cells  # no cell starts or ends with a space: keep the column
        ctx.kept.add(column.key)
        return
    stripped = cells.str.strip(STRIP_CHARS).astype(str)
    # Stripping only removes characters: the same total length means nothing changed, and
    # the column read from the file is kept instead of a second copy of it.
    same = stripped.str.len().sum() == cells.str.len().sum() and cells.dtype == stripped.dtype
    ctx.out[column.key] = cells if same else stripped


def _list(ctx: _Context, column: Column, cells: pd.Series) -> None:
    ctx.out[column.key] = _map_distinct(cells, _join_list, ctx.facts.get(column.key, DISTINCT))[0]


def _map_distinct(cells: pd.Series, fn, distinct: list | None = None
                  ) -> tuple[pd.Series, np.ndarray]:
    """`fn` over each distinct cell (None = not allowed, shown as ""), and where it said None.
    Dictionary-encoded in pyarrow: a million cells of a few values cost a few milliseconds.
    `distinct`: the cells' distinct values, when already known (`ahead.distinct_values`)."""
    import pyarrow as pa  # imported late: the window paints before pyarrow is needed
    import pyarrow.compute as pc

    array = pa.array(cells.array, type=pa.large_string(), from_pandas=True)
    # The distinct values alone first: most columns hold their values as they should be, and
    # then no code per cell is needed (a third cheaper than the full encoding).
    if distinct is None:
        distinct = pc.unique(array).to_pylist()
    results = [fn(v) for v in distinct if v is not None]
    if results == distinct and isinstance(cells.dtype, pd.StringDtype):
        return cells, np.zeros(len(cells), dtype=bool)  # every cell already as it should be
    if isinstance(array, pa.ChunkedArray):  # what pandas hands over when it holds 0 or 2+ chunks
        array = array.combine_chunks()
    encoded = pc.dictionary_encode(array)
    results = [fn(v) for v in encoded.dictionary.to_pylist()]
    mapped = pa.array(results, type=pa.large_string())
    taken = pc.take(mapped, encoded.indices)
    bad = taken.is_null().to_numpy(zero_copy_only=False)
    if taken.null_count:
        taken = taken.fill_null("")
    series = pd.Series(taken.to_pandas(), index=cells.index).astype(str)
    return series, bad


def _join_list(text: str) -> str:
    items = (item.strip(STRIP_CHARS) for item in re.split(_LIST_SPLIT, text))
    return schema.LIST_SEPARATOR.join(item for item in items if item)


def _lookup(ctx: _Context, column: Column, cells: pd.Series, normalise, code: str, zh, en) -> None:
    """Map each distinct cell through `normalise` (None = not allowed) and report the misses."""
    # Stripped per distinct value, not per cell (spaces and invisible characters, as `_text`
    # strips them): a million cells of a few values are never copied for it.
    ctx.out[column.key], bad = _map_distinct(cells, lambda v: normalise(v.strip(STRIP_CHARS)),
                                             ctx.facts.get(column.key, DISTINCT))
    ctx.report(column, np.flatnonzero(bad), lambda p: zh(cells.iloc[p].strip(STRIP_CHARS)),
               lambda p: en(cells.iloc[p].strip(STRIP_CHARS)), code)


def _enum(ctx: _Context, column: Column, cells: pd.Series) -> None:
    if column.open_choices:
        return _section(ctx, column, cells)
    names = {"": ""}
    for c in column.choices:
        for name in (c.code, c.zh, c.en):
            names[name.casefold()] = c.code
    allowed_zh = "、".join(f"{c.zh}（{c.code}）" for c in column.choices)
    allowed_en = ", ".join(f"{c.code} ({c.en})" for c in column.choices)
    _lookup(ctx, column, cells, lambda v: names.get(v.casefold()), "bad_choice",
            lambda v: f"不是可用的值：“{v}”。可用：{allowed_zh}",
            lambda v: f"not an allowed value: '{v}'. Allowed: {allowed_en}")


def _section(ctx: _Context, column: Column, cells: pd.Series) -> None:
    """A section id: a declared section's id or name (or, with none declared, a built-in
    one's) reads as its id; any other value is kept as its own id. With sections declared, a
    value they do not declare is a warning: the row loads and shows in a tab of its own."""
    names = {"": ""}
    # The built-in names first (an export writes them for the built-in ids), then the
    # declared ones over them; an id wins over another section's name.
    for s in (*schema.SECTIONS, *ctx.sections):
        for name in (s.zh, s.en):
            names[name.casefold()] = s.code
    for s in (*schema.SECTIONS, *ctx.sections):
        names[s.code.casefold()] = s.code
    seen: dict[str, None] = {}  # in the order of the distinct values: first appearance

    def normalise(value: str) -> str:
        code = names.get(value.casefold(), value)
        seen[code] = None
        return code

    ctx.out[column.key], _ = _map_distinct(cells, lambda v: normalise(v.strip(STRIP_CHARS)),
                                           ctx.facts.get(column.key, DISTINCT))
    ctx.section_ids = seen
    undeclared = sorted(set(seen) - {s.code for s in ctx.sections} - {""}) if ctx.sections else []
    if not undeclared:
        return
    out = ctx.out[column.key]
    ids = "、".join(s.code for s in ctx.sections)
    ctx.report(column, np.flatnonzero(out.isin(undeclared).to_numpy(dtype=bool)),
               lambda p: f"板块“{out.iloc[p]}”没有在 zone.toml 的 [[sections]] 中声明（已声明："
                         f"{ids}），此行显示在另加的“{out.iloc[p]}”标签页中",
               lambda p: f"section '{out.iloc[p]}' is not declared in zone.toml's [[sections]] "
                         f"(declared: {ids.replace('、', ', ')}); the row is shown in an extra "
                         f"tab '{out.iloc[p]}'", "undeclared_section", WARNING)


def _unit(ctx: _Context, column: Column, cells: pd.Series) -> None:
    known = "、".join([*units.UNITS, *ctx.declared])
    _lookup(ctx, column, cells,
            lambda v: "" if v == "" else units.normalise_unit(v) or (v if v in ctx.declared else None),
            "bad_unit",
            lambda v: f"未知的单位：“{v}”。可用：{known}",
            lambda v: f"unknown unit: '{v}'. Known units: {known}")


def _qualifier(ctx: _Context, column: Column, cells: pd.Series) -> None:
    known = "、".join(units.QUALIFIERS)
    _lookup(ctx, column, cells, units.normalise_qualifier, "bad_qualifier",
            lambda v: f"未知的限定词：“{v}”。可用：{known}（精确数留空）",
            lambda v: f"unknown qualifier: '{v}'. Known: {known} (blank when exact)")


def _plain_numbers(cells: pd.Series) -> NumberColumn | None:
    """A column of plain numbers ("22.5", "-3", blanks) read in one pyarrow cast, or None when
    any cell needs the qualifier-aware parser (then `parse_number_column` reads it)."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        text = pc.utf8_trim_whitespace(pa.array(cells, type=pa.string(), from_pandas=True))
        empty = pc.equal(text, "")
        values = pc.cast(pc.if_else(empty, pa.scalar(None, pa.string()), text), pa.float64())
    except (ImportError, pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        return None
    floats = values.to_numpy(zero_copy_only=False)
    blank = empty.to_numpy(zero_copy_only=False)
    # pyarrow reads "inf", and "nan" as NaN -- which would pass for a blank cell: the full
    # parser says what such a cell is.
    if np.isinf(floats).any() or (np.isnan(floats) & ~blank).any():
        return None
    return NumberColumn(floats, blank, [], {}, {})


def _number(ctx: _Context, column: Column, cells: pd.Series) -> None:
    if cells.dtype.kind == "f":
        # Read as numbers (csv_reader._Parse.typed) only when every one is plain, finite, at
        # least the column's least and whole where it must be: nothing to report.
        if column.kind == schema.INT:  # whole numbers (checked): the Int64 array built directly
            values = cells.to_numpy()
            blank = np.isnan(values)
            cells = pd.Series(pd.arrays.IntegerArray(
                np.where(blank, 0, values).astype(np.int64), blank), index=cells.index)
        ctx.out[column.key] = cells
        _check_minimum(ctx, column, _Cells(cells))  # a negative count (人, 家) is still one
        _check_drawable(ctx, column, _Cells(cells))
        return
    parsed = _plain_numbers(cells) or parse_number_column(cells)
    raw = _Cells(cells)
    values = pd.Series(parsed.values, dtype="float64")
    ctx.out[column.key] = values
    ctx.report(column, parsed.bad, lambda p: f"不是数字：“{raw[p].strip()}”",
               lambda p: f"not a number: '{raw[p].strip()}'", "bad_number")
    _number_units(ctx, column, parsed.units, raw)
    _number_qualifiers(ctx, column, parsed.qualifiers, raw)
    if column.kind == schema.INT:
        _whole_numbers(ctx, column, raw)
    _check_minimum(ctx, column, raw)
    _check_drawable(ctx, column, raw)


# The largest magnitude a chart, a KPI card or a table can show: past it the axis arithmetic
# overflows (1e308 + a margin is inf). No zone's figure comes near it in any unit.
MAX_DRAWABLE = 1e15


def _check_drawable(ctx: _Context, column: Column, raw) -> None:
    values = ctx.out[column.key].to_numpy(dtype="float64", na_value=np.nan)
    huge = np.flatnonzero(np.abs(values) > MAX_DRAWABLE)  # NaN compares False

    def written(p: int) -> str:
        text = str(raw[p]).strip()
        return text if len(text) <= 24 else f"{values[p]:.6g}"

    ctx.report(column, huge,
               lambda p: f"数字过大，超过可显示的上限 {MAX_DRAWABLE:.0e}：“{written(p)}”",
               lambda p: f"the number is larger than the {MAX_DRAWABLE:.0e} the charts can "
                         f"draw: '{written(p)}'", "too_large")


def _row_unit(ctx: _Context, column: Column, pos: int) -> str:
    return column.unit or ctx.cell(column.unit_column, pos)


def _number_units(ctx: _Context, column: Column, written: dict[int, str], raw) -> None:
    """A unit after the number must be the row's unit; it fills a blank unit cell. A column
    with no unit at all takes the number alone, or with one of its `suffixes` (2019年)."""
    if not column.unit and not column.unit_column:
        bad = [p for p, text in written.items()
               if text not in column.suffixes]
        ctx.report(column, bad, lambda p: f"不是数字：“{raw[p].strip()}”（此列只填数字，不带单位）",
                   lambda p: f"not a number: '{raw[p].strip()}' (this column takes the number "
                             "alone, without a unit)", "bad_number")
        return
    bad, fill, fill_units = [], [], []
    for pos, text in written.items():
        unit = _row_unit(ctx, column, pos)
        if unit_matches(text, unit):
            continue
        canonical = units.normalise_unit(text)
        if not unit and canonical and column.unit_column in ctx.out:
            fill.append(pos)
            fill_units.append(canonical)
        else:
            bad.append(pos)
    if fill:
        ctx.out[column.unit_column].iloc[fill] = fill_units
    ctx.report(
        column, bad,
        lambda p: f"不是数字：“{raw[p].strip()}”（数字后的单位与本行单位“{_row_unit(ctx, column, p)}”不符）",
        lambda p: f"not a number: '{raw[p].strip()}' (the unit after the number is not the "
                  f"row's unit '{_row_unit(ctx, column, p)}')", "bad_number")


def _number_qualifiers(ctx: _Context, column: Column, written: dict[int, str], raw) -> None:
    """A qualifier in the number (约2.99) moves to a blank qualifier cell; a different one is a problem."""
    key = column.qualifier_column
    if key not in ctx.out:
        ctx.report(column, list(written), lambda p: f"“{raw[p].strip()}”中的限定词已忽略",
                   lambda p: f"the qualifier in '{raw[p].strip()}' is ignored",
                   "qualifier_ignored", WARNING)
        return
    existing = ctx.out[key]
    fill = [p for p, q in written.items() if existing.iloc[p] == ""]
    if fill:
        existing.iloc[fill] = [written[p] for p in fill]
    clash = [p for p, q in written.items() if existing.iloc[p] != q]
    ctx.report(column, clash,
               lambda p: f"数字“{raw[p].strip()}”中的限定词与限定词列“{existing.iloc[p]}”矛盾，"
                         "按限定词列处理",
               lambda p: f"the qualifier in '{raw[p].strip()}' contradicts the qualifier column "
                         f"'{existing.iloc[p]}'; the qualifier column is used",
               "qualifier_conflict", WARNING)


def _whole_numbers(ctx: _Context, column: Column, raw) -> None:
    values = ctx.out[column.key].to_numpy()
    huge = np.flatnonzero(np.isfinite(values) & (np.abs(values) >= 2.0 ** 53))  # past Int64's reach
    ctx.report(column, huge, lambda p: f"数字过大：“{raw[p].strip()}”",
               lambda p: f"the number is too large: '{raw[p].strip()}'", "bad_number")
    if len(huge):
        ctx.out[column.key].iloc[huge] = np.nan
        values = ctx.out[column.key].to_numpy()
    bad = np.flatnonzero(np.isfinite(values) & (values != np.round(values)))
    ctx.report(column, bad, lambda p: f"不是整数：“{raw[p].strip()}”",
               lambda p: f"not a whole number: '{raw[p].strip()}'", "bad_number")
    ctx.out[column.key] = ctx.out[column.key].round().astype("Int64")


def _check_minimum(ctx: _Context, column: Column, raw) -> None:
    values = ctx.out[column.key].to_numpy(dtype="float64", na_value=np.nan)
    if column.min_value is None:
        _check_counts(ctx, column, values, raw)
        return
    bad = np.flatnonzero(values < column.min_value)
    if column.min_value == 0:
        zh, en, code = "不能为负数", "must not be negative", "negative"
    else:
        zh, en, code = f"不能小于 {column.min_value:g}", f"must be at least {column.min_value:g}", \
            "out_of_range"
    ctx.report(column, bad, lambda p: f"{zh}：“{raw[p].strip()}”",
               lambda p: f"{en}: '{raw[p].strip()}'", code)


def _check_counts(ctx: _Context, column: Column, values: np.ndarray, raw) -> None:
    """A number whose row unit counts things (人, 家, 项 ...: Unit.count) is never negative."""
    if column.unit_column not in ctx.out:
        return
    counts = [u.code for u in units.UNITS.values() if u.count]
    counted = ctx.out[column.unit_column].isin(counts).to_numpy(dtype=bool)
    ctx.report(column, np.flatnonzero(counted & (values < 0)),
               lambda p: f"以“{_row_unit(ctx, column, p)}”计的数量不能为负数：“{raw[p].strip()}”",
               lambda p: f"a count of {_row_unit(ctx, column, p)} must not be negative: "
                         f"'{raw[p].strip()}'", "negative")


class _Cells:
    """Cells read one at a time, only where there is a problem to report."""

    def __init__(self, cells: pd.Series):
        self.cells = cells

    def __getitem__(self, pos: int) -> str:
        value = self.cells.iloc[pos]
        if isinstance(value, float):  # a column read as numbers
            return str(int(value)) if value.is_integer() else repr(value)
        return value


def _period_detail(ctx: _Context, column: Column, cells: pd.Series) -> None:
    from .periods import normalise_period_detail

    forms = "2023Q1、2023H1、2023-05、2023-01..2023-05"
    _lookup(ctx, column, cells, normalise_period_detail, "bad_period",
            lambda v: f"不是可用的期间：“{v}”。可写作 {forms}，全年留空",
            lambda v: f"not a period: '{v}'. Write it as {forms.replace('、', ', ')}, or leave it "
                      "empty for the whole year")


_CONVERTERS = {
    schema.TEXT: _text, schema.LIST: _list, schema.ENUM: _enum, schema.UNIT: _unit,
    schema.QUALIFIER: _qualifier, schema.INT: _number, schema.FLOAT: _number,
    schema.PERIOD: _period_detail,
}


# --- whole-table checks ----------------------------------------------------------------------

def _check_empty(ctx: _Context, column: Column) -> None:
    if column.nullable or column.key not in ctx.headers.positions:
        return
    series = ctx.out[column.key]
    span = byte_span(series)
    if span is not None and span[0] > 0:
        return  # the shortest cell has a byte: none is empty (read from the arrow offsets)
    empty = series.isna() if column.kind in (schema.INT, schema.FLOAT) else series == ""
    positions = np.flatnonzero(empty.to_numpy() & ~ctx.drop)
    ctx.report(column, positions, lambda p: "不能为空", lambda p: "must not be empty", "empty_value")


def _assemble(ctx: _Context) -> pd.DataFrame:
    data = {c.key: ctx.out[c.key] for c in ctx.table.columns}
    data["_row"] = pd.Series(ctx.rows, dtype="int64")
    frame = pd.DataFrame(data, copy=False)  # the typed columns are made for it: no copy
    if "basis" in frame.columns:
        frame["basis"] = frame["basis"].mask(frame["basis"] == "", "reported")
    if not ctx.drop.any():
        return frame  # no copy of a million rows to leave none out
    return frame[~ctx.drop].reset_index(drop=True)


def _drop_duplicate_keys(ctx: _Context, frame: pd.DataFrame) -> pd.DataFrame:
    """Keep the first row of each key; a problem on each later one naming the first."""
    key = list(ctx.table.key)
    # The key rows found from the cells as read hold for the frame when no row was left out
    # and no key text was stripped (numbers read as numbers are typed as they were read).
    usable = not ctx.drop.any() and all(  # a column the file lacks is blank: it keeps no key apart
        k in ctx.kept or k not in ctx.headers.positions
        for k in key if ctx.table.column(k).kind == schema.TEXT)
    candidates = ctx.facts.get(KEY, KEY) if usable else None
    ctx.facts.drop()  # an unusable one is not worked out alongside the one made here
    later = duplicated_keys(frame, key, candidates)
    if not later.any():
        return frame
    first = frame.groupby(key, sort=False)["_row"].transform("first").to_numpy()
    column = ctx.table.column(key[0])
    header = ctx.headers.header(column)
    for pos in np.flatnonzero(later)[:MAX_PER_COLUMN]:
        shown = ", ".join(f"{k}={frame[k].iloc[pos]}" for k in key)
        ctx.problems.append(Problem(
            ctx.file, int(frame["_row"].iloc[pos]), header,
            f"与第 {first[pos]} 行重复（{shown}），已忽略此行",
            f"duplicates row {first[pos]} ({shown}); this row is ignored", "duplicate_key"))
    ctx.counts["_key"] = int(later.sum())
    return frame[~later].reset_index(drop=True)


def _summarise(ctx: _Context) -> None:
    """One problem per column saying how many more there were beyond the cap."""
    for header, count in ctx.counts.items():
        if count > MAX_PER_COLUMN:
            more = count - MAX_PER_COLUMN
            ctx.problems.append(Problem(
                ctx.file, None, None if header == "_key" else header,
                f"……另有 {more} 处同类问题未列出", f"… and {more} more problems like these",
                "more_problems", ERROR))
