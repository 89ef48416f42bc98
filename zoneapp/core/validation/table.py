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

import numpy as np
import pandas as pd

from zoneapp.core import schema
from zoneapp.core.io import limits
from zoneapp.core.io.headers import HeaderMap, map_header
from zoneapp.core.fast.ahead import KEY, ColumnFacts
from zoneapp.core.fast.keyhash import duplicated_keys
from zoneapp.core.problems import ERROR, WARNING, Problem
from zoneapp.core.io.rawtable import byte_span
from zoneapp.core.io.readers import RawTable
from zoneapp.core.schema import Column, Table
from .context import MAX_PER_COLUMN, Context
from . import number_cells, text_cells


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
    ctx = Context(table, file, headers, rows, np.zeros(n, bool), facts, declared=declared_units,
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


_CONVERTERS = {**text_cells.CONVERTERS, **number_cells.CONVERTERS}


# --- whole-table checks ----------------------------------------------------------------------

def _check_empty(ctx: Context, column: Column) -> None:
    if column.nullable or column.key not in ctx.headers.positions:
        return
    series = ctx.out[column.key]
    span = byte_span(series)
    if span is not None and span[0] > 0:
        return  # the shortest cell has a byte: none is empty (read from the arrow offsets)
    empty = series.isna() if column.kind in (schema.INT, schema.FLOAT) else series == ""
    positions = np.flatnonzero(empty.to_numpy() & ~ctx.drop)
    ctx.report(column, positions, lambda p: "不能为空", lambda p: "must not be empty", "empty_value")


def _assemble(ctx: Context) -> pd.DataFrame:
    data = {c.key: ctx.out[c.key] for c in ctx.table.columns}
    data["_row"] = pd.Series(ctx.rows, dtype="int64")
    frame = pd.DataFrame(data, copy=False)  # the typed columns are made for it: no copy
    if "basis" in frame.columns:
        frame["basis"] = frame["basis"].mask(frame["basis"] == "", "reported")
    if not ctx.drop.any():
        return frame  # no copy of a million rows to leave none out
    return frame[~ctx.drop].reset_index(drop=True)


def _drop_duplicate_keys(ctx: Context, frame: pd.DataFrame) -> pd.DataFrame:
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


def _summarise(ctx: Context) -> None:
    """One problem per column saying how many more there were beyond the cap."""
    for header, count in ctx.counts.items():
        if count > MAX_PER_COLUMN:
            more = count - MAX_PER_COLUMN
            ctx.problems.append(Problem(
                ctx.file, None, None if header == "_key" else header,
                f"……另有 {more} 处同类问题未列出", f"… and {more} more problems like these",
                "more_problems", ERROR))
