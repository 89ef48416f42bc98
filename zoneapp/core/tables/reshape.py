"""A recognised table (`shape.TableShape`) and its mapping (`recipe.Recipe`) -> indicator rows.

Column-wise: each measure column becomes one block of long rows, built from numpy arrays, so
a 100,000-row sheet is reshaped in a few vectorised steps.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zoneapp.core.units import convert
from zoneapp.core.periods import PeriodSpan
from .grid import ImportFailed
from .headers import clean, is_year, parse_header
from .recipe import Recipe
from .rows import indicator_names
from .row_kinds import MISSING, aggregate, entity_name
from .shape import TableShape

OUT_COLUMNS = ("section", "key", "name_zh", "name_en", "period", "value", "unit", "yoy_pct",
               "basis", "source_id", "entity", "entity_en", "aggregate", "period_detail",
               "value_kind")


@dataclass
class Reshaped:
    rows: pd.DataFrame  # OUT_COLUMNS, strings and floats
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (spreadsheet row, why)
    aggregates: list[str] = field(default_factory=list)
    spans: list[PeriodSpan] = field(default_factory=list)
    # (spreadsheet row, 0-based column, the text): a cell of a figure's column holding words
    # ("约25", "12..5"), not a number and not a mark for "no figure" ("-", "…").
    bad_cells: list[tuple[int, int, str]] = field(default_factory=list)
    no_figure: int = 0  # cells of a named row's figure column left blank or "-": no figure
    converted: list[tuple[str, str, str]] = field(default_factory=list)  # (row, from, to)
    # Every data row that adds nothing (0-based sheet rows) and why, one of LEFT_OUT: the
    # dialog greys them. `skipped` lists the first 200 of them in words.
    left_out: np.ndarray = field(default_factory=lambda: np.array([], dtype=np.int64))
    left_out_why: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))


# Why a data row adds nothing: left out in the recipe (by the user), no name (blank, or a
# lone 其中：), no figure in any imported column.
LEFT_OUT = ("unwanted", "no_name", "no_figure")


def numbers(cells: pd.Series) -> np.ndarray:
    """Cells -> float64, NaN where blank or not a number ("-", "…")."""
    if cells.dtype.kind in "fi":
        return cells.to_numpy(dtype="float64")
    if cells.dtype == object and pd.api.types.infer_dtype(cells, skipna=True) in (
            "floating", "integer", "mixed-integer-float"):  # numbers as read, none as text
        return cells.to_numpy().astype("float64")
    # copy=True: pandas 3 (copy-on-write) may hand back a read-only view, and the cells
    # cleaned below are written into it.
    values = pd.to_numeric(cells, errors="coerce").to_numpy(dtype="float64", copy=True)
    missed = np.isnan(values)
    if missed.any():  # "1,234.5", " 12 ", "7.6%" as text: only those cells are cleaned
        text = cells[missed].astype(str).str.replace(",", "", regex=False).str.strip() \
            .str.replace("％", "%", regex=False).str.removesuffix("%").str.rstrip()
        values[missed] = pd.to_numeric(text, errors="coerce").to_numpy(dtype="float64")
    return values


def detail(span: PeriodSpan | None, kind: str) -> str:
    """The period_detail of a value of `kind` in a table of period `span`: 本月 of a 1-11月
    report is 2023-11, its 累计 2023-01..2023-11; 1-2月 reported together stays one period."""
    if span is None or span.whole_year and kind != "month":
        return ""
    if kind == "month" and span.first != span.last and (span.first, span.last) != (1, 2):
        return PeriodSpan(span.year, span.last, span.last).code()
    if kind == "ytd":
        return PeriodSpan(span.year, 1, span.last).code()
    return span.code()


def reshape(shape: TableShape, frame: pd.DataFrame, recipe: Recipe, source_id: str,
            span: PeriodSpan | None) -> Reshaped:
    data = frame.iloc[shape.data_start:shape.data_stop]
    sheet_rows = np.arange(shape.data_start, shape.data_stop) + 1
    result = Reshaped(pd.DataFrame())
    if shape.name_col is None:
        raise ImportFailed("", "找不到名称列（地区、行业或指标的名字）", "no name column found "
                           "(the names of regions, industries or indicators)")
    # The names' distinct values only are cleaned; factorize reads pyarrow text as it is.
    codes, distinct = pd.factorize(data[shape.name_col], use_na_sentinel=False)
    distinct_names = [entity_name(v) for v in distinct]
    names = np.array(distinct_names, dtype=object)[codes] if len(codes) \
        else np.array([], dtype=object)
    if shape.rows_are == "measure":  # indicators: a part named twice is named after its whole
        names = np.array(indicator_names(data[shape.name_col].tolist()), dtype=object)
    # Indicator rows the recipe skips (a 其中 row not wanted) are passed over as unnamed ones.
    unwanted = np.isin(names, [n for n, r in recipe.rows.items() if r.skip]) \
        if shape.rows_are == "measure" else np.zeros(len(names), dtype=bool)
    named = (names != "") & ~unwanted
    english = data[shape.name_en_col].map(clean).to_numpy(dtype=object) \
        if shape.name_en_col is not None else np.full(len(data), "", dtype=object)
    years = None
    if shape.period_col is not None:
        cells = data[shape.period_col]
        found = numbers(cells)
        years = np.where((found >= 1900) & (found <= 2100) & (found == np.round(found)),
                         np.nan_to_num(found), 0).astype(np.int64)
        for at in np.flatnonzero(years == 0):  # "2015年" as text
            years[at] = is_year(cells.iloc[at]) or 0
    # Each row's unit, where the table has a unit column (a region's figures in 万元, the
    # next region's in 亿元 of a long table): the measure's own unit where a row gives none.
    row_unit = _unit_cells(data[shape.unit_col]) if shape.unit_col is not None \
        and shape.rows_are == "entity" else None
    # Columns are gathered a block (one measure column) at a time and joined once: numbers
    # as numpy arrays; texts as one value per block, or per row as an index into few distinct
    # names, so no Python string is made per row (see _Columns).
    out, any_value = _Columns(), np.zeros(len(data), dtype=bool)
    for column in recipe.columns:
        if column.role != "measure" or column.col >= frame.shape[1]:
            continue
        values = numbers(data[column.col])
        if column.share and np.nanmax(np.abs(values), initial=0) <= 1 \
                and not _percent_signs(data[column.col]):  # "0.3%" is per cent already
            values = values * 100
        if column.table_unit:  # the table's 亿元 into the recipe's 万元
            values = values * convert(1.0, column.table_unit, column.unit)
        growth = numbers(data[column.growth_col]) if column.growth_col is not None \
            else np.full(len(data), np.nan)
        keep = ~np.isnan(values) & named
        result.no_figure += _not_numbers(result, data, column.col, ~keep & named, sheet_rows)
        if column.growth_col is not None:
            _not_numbers(result, data, column.growth_col, np.isnan(growth) & keep, sheet_rows)
        any_value |= keep
        year = column.year or (span.year if span else 0)
        count = int(keep.sum())
        period = years[keep] if years is not None else np.full(count, year)
        each = {"value_kind": column.value_kind, "section": recipe.section,
                "basis": "reported", "source_id": source_id,
                "period_detail": "" if column.year or years is not None
                else detail(span, column.value_kind)}
        if shape.rows_are == "measure":
            rows = _measure_rows(names[keep], recipe, column, data, shape, keep)
            for said in rows.pop("converted"):
                if said not in result.converted:
                    result.converted.append(said)
            out.add(count, period, values[keep] * rows.pop("factor"), growth[keep], each,
                    rows=rows)
        else:
            each.update(key=column.key, name_zh=column.name_zh, name_en=column.name_en)
            rows = {"entity_en": english[keep]}
            if row_unit is None:
                each["unit"] = column.unit
            else:
                rows["unit"] = np.where(row_unit[keep] != "", row_unit[keep], column.unit)
            out.add(count, period, values[keep], growth[keep], each, rows=rows,
                    codes=codes[keep])
    if not out.counts:
        raise ImportFailed("", "没有可导入的数值列", "no column of figures to import")
    if (np.concatenate(out.periods) == 0).any():
        raise ImportFailed("", "表中没有写年份：请用 --period 指定（例如 --period 2023 或 "
                           "--period 2023-01..2023-11）",
                           "the table names no year: give it with --period (e.g. --period 2023 "
                           "or --period 2023-01..2023-11)", option="period",
                           window=("表中没有写年份", "the table names no year"))
    flags = ["yes" if aggregate(n) else "" for n in distinct_names]
    result.rows = out.frame(distinct_names, flags)
    result.aggregates = list(dict.fromkeys(
        distinct_names[c] for c in out.first_seen() if flags[c]))
    left = np.flatnonzero(~any_value)
    result.left_out = left + shape.data_start
    result.left_out_why = np.where(unwanted[left], LEFT_OUT[0], np.where(
        names[left] == "", LEFT_OUT[1], LEFT_OUT[2])).astype(object)
    for pos in left[:200]:
        why = "按配方不导入" if unwanted[pos] else "没有名称" if names[pos] == "" else "没有数字"
        result.skipped.append((int(sheet_rows[pos]), f"{why}：{' '.join(cell_texts_of(data, pos))}"))
    return result


def _unit_cells(cells: pd.Series) -> np.ndarray:
    """A unit column's cells as units ("(万元)" -> 万元; "" where blank), each distinct text
    read once."""
    from .headers import unit_of

    codes, distinct = pd.factorize(cells, use_na_sentinel=False)
    read = [unit_of(clean(v)) or clean(v) for v in distinct]
    return np.array(read, dtype=object)[codes] if len(codes) else np.array([], dtype=object)


def _percent_signs(cells: pd.Series) -> bool:
    if cells.dtype.kind in "fiu":
        return False
    return bool(cells.astype(str).str.contains("%|％", regex=True).any())


def _not_numbers(result: Reshaped, data: pd.DataFrame, col: int, missed: np.ndarray,
                 sheet_rows: np.ndarray) -> int:
    """Note the cells among `missed` (no number read) that hold words, not a blank or "-";
    the count of those that are blank or "-"."""
    at = np.flatnonzero(missed)
    if not len(at):
        return 0
    texts = data[col].iloc[at].map(clean).to_numpy(dtype=object)
    blank = 0
    for pos, text in zip(at, texts):
        if text in MISSING:
            blank += 1
        elif len(result.bad_cells) < 200:
            result.bad_cells.append((int(sheet_rows[pos]), col, text))
    return blank


def _text_dtype():
    """pandas' pyarrow-backed text dtype (pandas >= 2.3), else None (object columns)."""
    try:
        return pd.StringDtype("pyarrow", na_value=np.nan)
    except (TypeError, ImportError):
        return None


_TEXT = _text_dtype()


class _Columns:
    """The reshaped rows, gathered a block at a time; `frame()` joins them."""

    def __init__(self) -> None:
        self.counts: list[int] = []
        self.periods: list[np.ndarray] = []
        self.values: list[np.ndarray] = []
        self.growth: list[np.ndarray] = []
        self.each: list[dict[str, str]] = []  # a block's one value of a text column
        self.rows: list[dict[str, object]] = []  # a block's per-row texts
        self.codes: list[np.ndarray | None] = []  # a block's entities: indices into the names

    def add(self, count: int, period, values, growth, each: dict[str, str],
            rows: dict[str, object], codes: np.ndarray | None = None) -> None:
        self.counts.append(count)
        self.periods.append(np.asarray(period, dtype=np.int64))
        self.values.append(values)
        self.growth.append(growth)
        self.each.append(each)
        self.rows.append(rows)
        self.codes.append(codes)

    def first_seen(self) -> list[int]:
        """The entities' name indices in the order their rows come."""
        found = [c for c in self.codes if c is not None]
        return pd.unique(np.concatenate(found)).tolist() if found else []

    def frame(self, names: list[str], flags: list[str]) -> pd.DataFrame:
        import pyarrow as pa
        import pyarrow.compute as pc

        blocks = np.repeat(np.arange(len(self.counts), dtype=np.int32), self.counts)
        columns: dict[str, object] = {"period": np.concatenate(self.periods),
                                      "value": np.concatenate(self.values),
                                      "yoy_pct": np.concatenate(self.growth)}
        for key in OUT_COLUMNS:
            if key in columns:
                continue
            if all(key in e for e in self.each):  # one value a block: gathered in pyarrow
                text = pc.take(pa.array([e[key] for e in self.each], type=pa.string()),
                               pa.array(blocks))
            elif key in ("entity", "aggregate") and all(c is not None for c in self.codes):
                pool = names if key == "entity" else flags
                text = pc.take(pa.array(pool, type=pa.string()),
                               pa.array(np.concatenate(self.codes)))
            else:
                parts = [r[key] if key in r else
                         np.full(n, e.get(key, ""), dtype=object)
                         for r, e, n in zip(self.rows, self.each, self.counts)]
                text = pa.array(np.concatenate([np.asarray(p, dtype=object) for p in parts]),
                                type=pa.string())
            columns[key] = pd.array(text, dtype=_TEXT) if _TEXT is not None \
                else text.to_numpy(zero_copy_only=False)
        return pd.DataFrame(columns)[list(OUT_COLUMNS)]


def cell_texts_of(data: pd.DataFrame, pos: int) -> list[str]:
    return [t for t in (clean(v) for v in data.iloc[pos].tolist()) if t][:4]


def _measure_rows(names: np.ndarray, recipe: Recipe, column, data: pd.DataFrame,
                  shape: TableShape, keep: np.ndarray) -> dict:
    """Rows that are indicators (工业总产值 | 本月 | 累计): key, names and unit per row."""
    units = data[shape.unit_col].map(clean).to_numpy(dtype=object)[keep] \
        if shape.unit_col is not None else None
    keys, zh, en, unit, factor, converted = [], [], [], [], np.ones(len(names)), []
    for i, name in enumerate(names):
        row = recipe.rows.get(name)
        head = parse_header([name])
        keys.append(row.key if row else "")
        zh.append(row.name_zh if row else head.name_zh or name)
        en.append(row.name_en if row else head.name_en)
        written = units[i] if units is not None else ""
        from .headers import unit_of

        saved = row.unit if row and row.unit else ""
        table = head.unit or unit_of(written) or written
        if row and row.unit_read and table == row.unit_read:  # relabelled by hand
            table = saved
        if saved and table and saved != table:  # the recipe's 万美元, this report's 亿美元
            scale = convert(1.0, table, saved)
            factor[i], saved = (scale, saved) if scale is not None else (1.0, table)
            if scale is not None:
                converted.append((name, table, saved))
        unit.append(saved or table or column.unit)
    return {"key": keys, "name_zh": zh, "name_en": en, "unit": unit, "factor": factor,
            "converted": converted,
            "entity": np.full(len(names), "", dtype=object),
            "entity_en": np.full(len(names), "", dtype=object)}
