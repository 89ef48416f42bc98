"""Tables out to CSV (UTF-8 with BOM or GB18030) and xlsx: atomic, formula-safe, headers in zh or en.

What is written reads back through the loader as the same table: headers are the columns'
labels in the chosen language, enumerated cells their labels, numbers stay numbers, and the
apostrophe that defuses a formula-like text cell is taken off again on reading.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from zoneapp.core import schema, units
from zoneapp.core.io.atomic import atomic_path, refuse_protected, require_zip
from zoneapp.core.io.encodings import EXPORT_ENCODINGS
from zoneapp.core.io.names import safe_file_name
from zoneapp.core.dataset import Dataset
from zoneapp.core.fast.csv_blocks import csv_blocks
from zoneapp.core.io.headers import is_shown_header, shown_header
from zoneapp.core.io.formula import (FORMULA_GUARD, FORMULA_STARTS, neutralise, neutralise_series,
                                     restore, starts_with_any)

__all__ = ["FORMULA_GUARD", "FORMULA_STARTS", "neutralise", "restore", "export_frame",
           "export_all", "presentable", "file_stem"]

ENCODINGS = EXPORT_ENCODINGS

# Columns the data layer adds to the indicators (derived figures) that the schema does not list.
EXTRA_LABELS: dict[str, tuple[str, str]] = {
    "derivation_zh": ("推算方法", "Derivation (Chinese)"),
    "derivation_en": ("推算方法(英文)", "Derivation"),
    "inputs": ("推算依据", "Inputs"),
}


def _column_label(key: str, table: schema.Table | None, lang: str) -> str:
    if table is not None and key in table.keys:
        return table.column(key).label(lang)
    if key in EXTRA_LABELS:
        zh, en = EXTRA_LABELS[key]
        return zh if lang == "zh" else en
    return key


def _column_labels(column: schema.Column, series: pd.Series, lang: str) -> pd.Series:
    """Codes to the labels a user reads: choices' labels, and English unit names and
    qualifiers (about, over) in English."""
    if column.kind == schema.UNIT:
        if lang == "zh":
            return series
        mapping = {code: units.export_unit_label(code, lang) for code in units.UNITS}
    elif column.kind == schema.QUALIFIER:
        if lang == "zh":
            return series
        mapping = {word: units.qualifier_label(word, lang) for word in units.QUALIFIERS}
    else:
        mapping = {c.code: (c.zh if lang == "zh" else c.en) for c in column.choices}
    if not isinstance(series.dtype, pd.StringDtype) or series.dtype.storage != "pyarrow":
        return series.map(lambda v: mapping.get(v, v) if isinstance(v, str) else v)
    # Through the distinct values only (a million rows hold a few codes), kept as categories,
    # which pyarrow writes as the labels: no label is made per row.
    codes, distinct = _factorized(series)
    labels = [mapping.get(v, v) for v in distinct]
    return _from_codes(codes, labels, series.index).rename(series.name)


def presentable(frame: pd.DataFrame, table: schema.Table | None = None, lang: str = "zh") -> pd.DataFrame:
    """The frame as a user takes it away: no hidden columns, labels for codes and headers,
    and after each figure column the figure as the app shows it (`_figure_as_shown`)."""
    keys = [c for c in frame.columns if not str(c).startswith("_")]
    coded = {c.key: c for c in (table.columns if table is not None else ())
             if c.kind in (schema.ENUM, schema.UNIT, schema.QUALIFIER)}
    # A new frame over the same column arrays: nothing is copied but the relabelled codes.
    columns, labels = [], []
    for k in keys:
        columns.append(_column_labels(coded[k], frame[k], lang) if k in coded else frame[k])
        labels.append(_column_label(str(k), table, lang))
        shown = _figure_as_shown(frame, table, str(k), lang)
        if shown is not None:
            columns.append(shown)
            labels.append(shown_header(labels[-1], lang))
    out = pd.DataFrame(dict(enumerate(columns)), copy=False)
    out.columns = labels
    return out


# Distinct figures formatted for the "as shown" columns at most: formatting is Python, a few
# µs a figure, so a register of a million different amounts leaves the column out rather
# than make its export many times slower (ordinary tables hold a few hundred figures).
MAX_SHOWN_DISTINCT = 100_000


def _figure_as_shown(frame: pd.DataFrame, table: schema.Table | None, key: str,
                     lang: str) -> pd.Series | None:
    """A figure column as the app shows it (约453.09亿元, about 45.31 bn yuan, +11.7%), or
    None for other columns (and beyond MAX_SHOWN_DISTINCT). Formatted once per distinct
    (value, unit, qualifier), and kept as categories: the texts once, a code per row."""
    if table is None or key not in table.keys or table.column(key).kind != schema.FLOAT:
        return None
    column = table.column(key)
    parts = [frame[key]] + [frame[k] for k in (column.unit_column, column.qualifier_column)
                            if k and k in frame.columns]
    named = ["value"] + [name for name, k in (("unit", column.unit_column),
                                              ("qualifier", column.qualifier_column))
                         if k and k in frame.columns]
    combined = np.zeros(len(frame), dtype=np.int64)
    levels = []
    for series in parts:  # one int64 code per row for the (value, unit, qualifier) triple
        codes, uniques = _factorized(series)
        if len(uniques) > MAX_SHOWN_DISTINCT:
            return None
        combined = combined * (len(uniques) + 1) + (codes + 1)
        levels.append([None, *uniques])
    inverse, distinct = _dense_codes(combined, int(np.prod([len(level) for level in levels])))
    if len(distinct) > MAX_SHOWN_DISTINCT:
        return None
    fields = {}  # name -> its value for each distinct triple, decoded all at once
    for name, level in zip(reversed(named), reversed(levels)):
        distinct, index = np.divmod(distinct, len(level))
        fields[name] = [level[i] for i in index.tolist()]
    nothing = [None] * len(fields["value"])

    def text(value, unit, qualifier) -> str:
        if value is None or pd.isna(value):
            return ""
        if column.unit == "%" and "unit" not in fields:
            return units.format_percent(float(value), lang)
        return units.format_value(float(value), unit if isinstance(unit, str) else column.unit,
                                  qualifier if isinstance(qualifier, str) else "", lang)

    texts = list(map(text, fields["value"], fields.get("unit", nothing),
                     fields.get("qualifier", nothing)))
    return _from_codes(inverse, texts, frame.index)


def _factorized(series: pd.Series) -> tuple[np.ndarray, list]:
    """int64 codes (-1 for a missing value) and the distinct values, in order of appearance.
    Floats and pyarrow-backed text are hashed in pyarrow, several times faster than pandas'
    factorize on a million rows. -0.0 is 0.0: a zero has no sign to show (pandas took the
    two for one value too, but shown as whichever came first, "-0" for both at times)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if series.dtype == np.float64:
        # NaN is missing (from_pandas), and -0.0 + 0.0 is 0.0
        array = pa.array(series.to_numpy() + 0.0, from_pandas=True)
    elif isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow":
        array = pa.array(series.array)
    else:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        return codes.astype(np.int64, copy=False), list(uniques)
    encoded = pc.dictionary_encode(array)
    if isinstance(encoded, pa.ChunkedArray):  # one dictionary for every chunk (one hash table)
        encoded = encoded.unify_dictionaries()
        chunks = encoded.chunks
        dictionary = chunks[0].dictionary if chunks else pa.array([], array.type)
        indices = [c.indices for c in chunks]
    else:
        dictionary, indices = encoded.dictionary, [encoded.indices]
    codes = np.concatenate([i.fill_null(-1).to_numpy() if i.null_count else
                            i.to_numpy(zero_copy_only=False) for i in indices] or [np.zeros(0)])
    return codes.astype(np.int64, copy=False), dictionary.to_pylist()


def _dense_codes(combined: np.ndarray, space: int) -> tuple[np.ndarray, np.ndarray]:
    """(code of each row, the distinct values of `combined`) with every value in [0, space).
    A small space is marked in an array (no hashing); a large one is factorized."""
    if space > 4 * len(combined) + 1024:
        inverse, distinct = pd.factorize(combined)
        return inverse, np.asarray(distinct)
    present = np.zeros(space, dtype=bool)
    present[combined] = True
    distinct = np.flatnonzero(present)
    position = np.zeros(space, dtype=np.int64)
    position[distinct] = np.arange(len(distinct))
    return position[combined], distinct


def _from_codes(codes: np.ndarray, texts: list[str], index: pd.Index) -> pd.Series:
    """texts[codes] (-1: missing) as categories, which pyarrow writes as the texts: nothing
    is made per row. Equal texts (two figures that round alike) become one category."""
    text_codes, unique = pd.factorize(np.asarray(texts, dtype=object))
    if len(unique) < len(texts):  # else text_codes is 0, 1, 2 ...: the codes stand
        codes = np.where(codes >= 0, text_codes[codes], -1)
    return pd.Series(pd.Categorical.from_codes(codes, pd.Index(unique, dtype=str)), index=index)


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [
        c for c in frame.columns
        if pd.api.types.is_object_dtype(frame[c]) or pd.api.types.is_string_dtype(frame[c])
    ]


def _defused(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that look like formulas get the guard; numeric columns are left as numbers.
    Columns with nothing to guard are shared with `frame`, not copied."""
    text_cols = set(_text_columns(frame))
    if not text_cols:
        return frame
    columns = [(_signed_figures(frame.iloc[:, i]) if is_shown_header(c) else
                neutralise_series(frame.iloc[:, i])) if c in text_cols else frame.iloc[:, i]
               for i, c in enumerate(frame.columns)]
    out = pd.DataFrame(dict(enumerate(columns)), copy=False)
    out.columns = frame.columns
    return out


_SIGNED_NUMBER = re.compile(r"[+-][0-9][0-9,.]*%?")  # +11.7%, -3.2: a number to Excel


def _signed_figures(cells: pd.Series) -> pd.Series:
    """An "as shown" column: a signed number (+11.7%) is a number to a spreadsheet, not a
    formula, and stays as the app shows it; any other formula-like text is guarded."""
    if not isinstance(cells.dtype, pd.CategoricalDtype):  # `_figure_as_shown` makes categories
        cells = _from_codes(*pd.factorize(cells), cells.index)
    texts = pd.Series(cells.cat.categories)
    # Only the texts that start like a formula are looked at one by one (negative figures).
    risky = np.flatnonzero(starts_with_any(texts, FORMULA_STARTS + (FORMULA_GUARD,)))
    if not len(risky):
        return cells
    guarded = texts.to_numpy(dtype=object).copy()
    for i in risky:
        if not _SIGNED_NUMBER.fullmatch(guarded[i]):
            guarded[i] = neutralise(guarded[i])
    return cells.cat.rename_categories(list(guarded))


def _header_line(frame: pd.DataFrame) -> str:
    """The header as Excel writes it: a label is quoted only when it needs to be."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([str(c) for c in frame.columns])
    return buffer.getvalue()


def _write_csv(frame: pd.DataFrame, path: Path, encoding: str) -> None:
    """pyarrow's CSV writer (about 10x faster than DataFrame.to_csv), with Windows line ends.

    pyarrow writes UTF-8 and quotes every text cell (Excel and WPS read that as usual): the
    BOM and header go first, then the rows in blocks (`fast.csv_blocks`), each transcoded
    to GB18030 where asked, so a million rows never sit in memory twice."""
    if encoding not in ENCODINGS:
        raise ValueError(f"unsupported encoding {encoding!r}; use one of {', '.join(ENCODINGS)}")
    import pyarrow as pa
    from pyarrow import csv as pacsv

    table = pa.Table.from_pandas(frame, preserve_index=False)
    for i, field in enumerate(table.schema):
        # Categories (labels, figures as shown) as their texts: one cast here costs less
        # than pyarrow's CSV writer spends on a dictionary column.
        if pa.types.is_dictionary(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(field.type.value_type))
    options = pacsv.WriteOptions(eol="\r\n", include_header=False)
    with atomic_path(path) as tmp, open(tmp, "wb") as out:
        out.write(_header_line(frame).encode(encoding))
        for block in csv_blocks(table, options):  # made on the pool, side by side
            out.write(block if encoding == "utf-8-sig" else
                      block.to_pybytes().decode("utf-8").encode("gb18030"))


def _write_xlsx(frame: pd.DataFrame, path: Path, sheet: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=_sheet_name(sheet))
    ws.append([str(c) for c in frame.columns])
    text_cols = {i for i, c in enumerate(frame.columns) if c in set(_text_columns(frame))}
    for row in frame.itertuples(index=False, name=None):
        cells = []
        for i, value in enumerate(row):
            if value is None or value is pd.NA or (isinstance(value, float) and value != value):
                cells.append(None)
                continue
            if i in text_cols:
                # A string cell is never evaluated, whatever it starts with.
                cell = WriteOnlyCell(ws, value=str(value))
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(value.item() if hasattr(value, "item") else value)
        ws.append(cells)
    with atomic_path(path, check=require_zip) as tmp:
        wb.save(tmp)


def _sheet_name(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Sheet1"


def export_frame(
    frame: pd.DataFrame,
    path: Path | str,
    table: schema.Table | None = None,
    lang: str = "zh",
    encoding: str = "utf-8-sig",
) -> Path:
    """Write `frame` to `path` (.csv or .xlsx by its suffix), atomically and formula-safe."""
    path = Path(path)
    shown = presentable(frame, table, lang)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(shown, path, table.label(lang) if table else path.stem)
    elif suffix in (".csv", ".txt", ""):
        _write_csv(_defused(shown), path, encoding)
    else:
        raise ValueError(f"cannot export to {path.name}: use .csv or .xlsx")
    return path


def file_stem(table: schema.Table, lang: str, section: str | schema.Section | None = None) -> str:
    """`概览_指标` / `Overview_Indicators`: the tab, then the table, safe on Windows. `section`:
    the tab (a dataset's section, or an id); None: the table's built-in one."""
    if not isinstance(section, schema.Section):
        section = schema.section(section or table.section)
    stem = f"{section.label(lang)}_{table.label(lang)}"
    stem = stem.replace("&", "and")
    stem = re.sub(r'[<>:"/\\|?*]', "-", stem)
    return safe_file_name(re.sub(r"\s+", "-", stem), "table")


def _as_shown(dataset: Dataset) -> list[tuple[schema.Section, schema.Table, pd.DataFrame]]:
    """(section, table, rows) as the tabs show them: each section's figures and tables, a
    table with a section column split by it."""
    shown = []
    for section in dataset.sections:
        rows = dataset.indicators[dataset.indicators["section"] == section.code]
        shown.append((section, schema.INDICATORS, rows))
        for name in section.tables:
            frame, table = dataset.tables.get(name), schema.TABLES_BY_NAME[name]
            if frame is not None and "section" in frame.columns:
                frame = frame[frame["section"] == section.code]
            if frame is not None:
                shown.append((section, table, frame))
    return shown


def export_all(
    dataset: Dataset, out_dir: Path | str, lang: str = "zh", encoding: str = "utf-8-sig",
    suffix: str = ".csv",
) -> list[Path]:
    """Every table the app shows, one file per tab and table, named after both; the
    indicators include the derived figures. A tab's empty tables are left out."""
    out_dir = Path(out_dir)
    refuse_protected(out_dir)  # before mkdir: not even an empty folder inside the data
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for section, table, rows in _as_shown(dataset):
        if rows.empty:
            continue
        path = out_dir / f"{file_stem(table, lang, section)}{suffix}"
        written.append(export_frame(rows, path, table, lang, encoding))
    return written
