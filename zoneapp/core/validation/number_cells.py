"""Number columns: read (plain in one cast, else qualifier- and unit-aware), then checked:
units and qualifiers written in the number, whole numbers, least values, counts, drawable size."""
from __future__ import annotations

import numpy as np
import pandas as pd

from zoneapp.core import schema, units
from zoneapp.core.numbers import NumberColumn, parse_number_column, unit_matches
from zoneapp.core.problems import WARNING
from zoneapp.core.schema import Column
from .context import Context


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


def _number(ctx: Context, column: Column, cells: pd.Series) -> None:
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


def _check_drawable(ctx: Context, column: Column, raw) -> None:
    values = ctx.out[column.key].to_numpy(dtype="float64", na_value=np.nan)
    huge = np.flatnonzero(np.abs(values) > MAX_DRAWABLE)  # NaN compares False

    def written(p: int) -> str:
        text = str(raw[p]).strip()
        return text if len(text) <= 24 else f"{values[p]:.6g}"

    ctx.report(column, huge,
               lambda p: f"数字过大，超过可显示的上限 {MAX_DRAWABLE:.0e}：“{written(p)}”",
               lambda p: f"the number is larger than the {MAX_DRAWABLE:.0e} the charts can "
                         f"draw: '{written(p)}'", "too_large")


def _row_unit(ctx: Context, column: Column, pos: int) -> str:
    return column.unit or ctx.cell(column.unit_column, pos)


def _number_units(ctx: Context, column: Column, written: dict[int, str], raw) -> None:
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


def _number_qualifiers(ctx: Context, column: Column, written: dict[int, str], raw) -> None:
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


def _whole_numbers(ctx: Context, column: Column, raw) -> None:
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


def _check_minimum(ctx: Context, column: Column, raw) -> None:
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


def _check_counts(ctx: Context, column: Column, values: np.ndarray, raw) -> None:
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


CONVERTERS = {schema.INT: _number, schema.FLOAT: _number}
