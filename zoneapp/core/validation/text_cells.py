"""Text-like columns: text kept or stripped, lists joined, choices, units, qualifiers and
periods looked up per distinct cell, each cell not found reported."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from zoneapp.core import schema, units
from zoneapp.core.fast.ahead import DISTINCT, STRIP
from zoneapp.core.fast.textedges import STRIP_CHARS, may_need_strip
from zoneapp.core.problems import WARNING
from zoneapp.core.schema import Column
from .context import Context

_LIST_SPLIT = r"\s*[;；,，、]\s*"


def _text(ctx: Context, column: Column, cells: pd.Series) -> None:
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


def _list(ctx: Context, column: Column, cells: pd.Series) -> None:
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


def _lookup(ctx: Context, column: Column, cells: pd.Series, normalise, code: str, zh, en) -> None:
    """Map each distinct cell through `normalise` (None = not allowed) and report the misses."""
    # Stripped per distinct value, not per cell (spaces and invisible characters, as `_text`
    # strips them): a million cells of a few values are never copied for it.
    ctx.out[column.key], bad = _map_distinct(cells, lambda v: normalise(v.strip(STRIP_CHARS)),
                                             ctx.facts.get(column.key, DISTINCT))
    ctx.report(column, np.flatnonzero(bad), lambda p: zh(cells.iloc[p].strip(STRIP_CHARS)),
               lambda p: en(cells.iloc[p].strip(STRIP_CHARS)), code)


def _enum(ctx: Context, column: Column, cells: pd.Series) -> None:
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


def _section(ctx: Context, column: Column, cells: pd.Series) -> None:
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


def _unit(ctx: Context, column: Column, cells: pd.Series) -> None:
    known = "、".join([*units.UNITS, *ctx.declared])
    _lookup(ctx, column, cells,
            lambda v: "" if v == "" else units.normalise_unit(v) or (v if v in ctx.declared else None),
            "bad_unit",
            lambda v: f"未知的单位：“{v}”。可用：{known}",
            lambda v: f"unknown unit: '{v}'. Known units: {known}")


def _qualifier(ctx: Context, column: Column, cells: pd.Series) -> None:
    known = "、".join(units.QUALIFIERS)
    _lookup(ctx, column, cells, units.normalise_qualifier, "bad_qualifier",
            lambda v: f"未知的限定词：“{v}”。可用：{known}（精确数留空）",
            lambda v: f"unknown qualifier: '{v}'. Known: {known} (blank when exact)")


def _period_detail(ctx: Context, column: Column, cells: pd.Series) -> None:
    from zoneapp.core.periods import normalise_period_detail

    forms = "2023Q1、2023H1、2023-05、2023-01..2023-05"
    _lookup(ctx, column, cells, normalise_period_detail, "bad_period",
            lambda v: f"不是可用的期间：“{v}”。可写作 {forms}，全年留空",
            lambda v: f"not a period: '{v}'. Write it as {forms.replace('、', ', ')}, or leave it "
                      "empty for the whole year")


# Each stores ctx.out[column.key] and reports the bad cells.
CONVERTERS = {
    schema.TEXT: _text, schema.LIST: _list, schema.ENUM: _enum, schema.UNIT: _unit,
    schema.QUALIFIER: _qualifier, schema.PERIOD: _period_detail,
}
