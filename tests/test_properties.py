"""Property-based tests: whatever the app shows exports and reads back equal; bytes never crash."""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core_fixtures import good_folder
from zoneapp.core import schema, units
from zoneapp.core.io.export import export_frame
from zoneapp.core.io.formula import neutralise, restore
from zoneapp.core.loading import load_dataset, load_table

SETTINGS = settings(max_examples=15, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# The round trip runs for every table x 4 file forms: fewer examples each keeps it quick on 2 cores.
ROUND_TRIP = settings(SETTINGS, max_examples=6)

# Text people put in cells: Chinese, ASCII, digits, punctuation, inner spaces and line breaks,
# and openings a spreadsheet takes as a formula. XML cannot hold most control characters, and a
# lone carriage return inside a cell becomes a line feed in any xlsx, so those are left out.
_CHARS = st.sampled_from(list("上饶高新区芦林纸业项目约多亿元abcXYZ019 ,;\"'=+-@%。，（）\n"))
_OPENINGS = st.sampled_from(["", "=", "+", "-", "@", "'", "'=", "''-", "=HYPERLINK(", "\t"])


@st.composite
def texts(draw, nullable: bool = True) -> str:
    text = draw(_OPENINGS) + draw(st.text(_CHARS, max_size=12))
    if not text.strip() and not nullable:
        return draw(st.sampled_from(["项目", "x", "=1+1"]))
    return text


def _column(draw, column: schema.Column, n: int) -> pd.Series:
    if column.kind == schema.INT:
        return pd.Series(draw(st.lists(st.integers(1900, 2100), min_size=n, max_size=n)),
                         dtype="Int64")
    if column.kind == schema.FLOAT:
        low = column.min_value if column.min_value is not None else -1e12
        number = st.floats(low, 1e12, allow_nan=False, allow_infinity=False)
        cells = st.one_of(st.none(), number) if column.nullable else number
        return pd.Series([np.nan if v is None else v
                          for v in draw(st.lists(cells, min_size=n, max_size=n))], dtype="float64")
    if column.kind == schema.ENUM:
        codes = [c.code for c in column.choices]
        if column.nullable and column.key != "basis":  # a blank basis reads back as "reported"
            codes.append("")
        cell = st.sampled_from(codes)
    elif column.kind == schema.UNIT:
        cell = st.sampled_from(list(units.UNITS) + ([""] if column.nullable else []))
    elif column.kind == schema.QUALIFIER:
        cell = st.sampled_from(list(units.QUALIFIERS) + [""])
    elif column.kind == schema.PERIOD:  # the forms core.periods writes
        cell = st.sampled_from(["", "2023Q1", "2023H1", "2023-05", "2023-01..2023-05"])
    elif column.kind == schema.LIST:
        item = st.text(st.sampled_from(list("abc2050项目")), min_size=1, max_size=5)
        cell = st.lists(item, min_size=0 if column.nullable else 1,
                        max_size=3).map(schema.LIST_SEPARATOR.join)
    else:
        cell = texts(column.nullable)
    return pd.Series(draw(st.lists(cell, min_size=n, max_size=n)), dtype=str)


@st.composite
def frames(draw, table: schema.Table) -> pd.DataFrame:
    """A frame as the loader hands it out: schema columns and dtypes, unique keys, `_row`."""
    n = draw(st.integers(1, 8))
    frame = pd.DataFrame({c.key: _column(draw, c, n) for c in table.columns})
    counts = [u.code for u in units.UNITS.values() if u.count]
    for column in table.columns:  # a count (人, 家 ...) is never negative: keep rows valid
        if column.unit_column:
            counted = frame[column.unit_column].isin(counts)
            frame.loc[counted, column.key] = frame.loc[counted, column.key].abs()
    keep = ~as_loaded(frame, table).duplicated(subset=list(table.key))
    frame = frame[keep.to_numpy()].reset_index(drop=True)
    frame["_row"] = pd.Series(range(2, len(frame) + 2), dtype="int64")
    return frame


def as_loaded(frame: pd.DataFrame, table: schema.Table, lang: str = "zh") -> pd.DataFrame:
    """`frame` as the loader normalises it: the one change it makes to a text cell is to strip
    surrounding whitespace (spaces, tabs, line breaks; core/validation.py), so a text that
    opens with a tab -- a formula opening -- is exported guarded but reads back without it.
    Everything else (inner spaces and line breaks, quotes, formula openings) is kept as is.
    An English export writes qualifiers in English, where 逾 and 超过 are both "over" and 余
    and 多 both "more than": they read back as the one word each."""
    frame = frame.copy()
    for column in table.columns:
        if column.kind == schema.TEXT:
            frame[column.key] = frame[column.key].str.strip()
        if column.kind == schema.QUALIFIER and lang != "zh":
            frame[column.key] = frame[column.key].replace({"逾": "超过", "余": "多"})
    return frame


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns="_row").reset_index(drop=True)


@pytest.mark.parametrize("table", schema.TABLES, ids=lambda t: t.name)
@pytest.mark.parametrize("suffix, encoding, lang", [
    (".csv", "utf-8-sig", "zh"), (".csv", "gb18030", "en"), (".xlsx", "utf-8-sig", "zh"),
    (".xlsx", "utf-8-sig", "en"),
])
@ROUND_TRIP
@given(data=st.data())
def test_export_reads_back_equal(table, suffix, encoding, lang, data):
    frame = data.draw(frames(table))
    with tempfile.TemporaryDirectory() as tmp:
        path = export_frame(frame, Path(tmp) / f"{table.name}{suffix}", table, lang, encoding)
        back, problems = load_table(path, table, path.name)
    assert back is not None, [p.format("en") for p in problems]
    assert [p for p in problems if p.is_error] == [], [p.format("en") for p in problems]
    pd.testing.assert_frame_equal(_comparable(back), _comparable(as_loaded(frame, table, lang)),
                                  check_dtype=False)
    for column in table.columns:  # dtypes survive too, not only the values
        assert back[column.key].dtype.kind == frame[column.key].dtype.kind or \
            pd.api.types.is_string_dtype(back[column.key])


@SETTINGS
@given(st.text(st.sampled_from(list("'=+-@\t\rab上"))))
def test_guard_round_trips_every_text(text):
    guarded = neutralise(text)
    assert restore(guarded) == text
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))


_BYTES = st.one_of(
    st.binary(max_size=3000),
    st.tuples(st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\xef\xbb\xbf", b"\xff\xfe",
                               "名称,年份\n".encode("gbk")]),
              st.binary(max_size=3000)).map(b"".join),
)


@pytest.fixture(scope="module")
def base_folder(tmp_path_factory) -> Path:
    return good_folder(tmp_path_factory.mktemp("props") / "zone")


@pytest.mark.parametrize("name", ["projects.csv", "projects.xlsx"])
@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_BYTES)
def test_any_bytes_give_problems_not_exceptions(base_folder, name, data):
    (base_folder / "projects.csv").unlink(missing_ok=True)
    (base_folder / "projects.xlsx").unlink(missing_ok=True)
    (base_folder / name).write_bytes(data)
    ds = load_dataset(base_folder)
    assert "projects" in ds.tables or any(p.file == name for p in ds.problems)


@SETTINGS
@given(data=st.data())
def test_any_valid_xlsx_sheet_of_text_loads(data):
    """A workbook of arbitrary strings and numbers: a table or problems, with rows kept in place."""
    import openpyxl

    cell = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=False,
                     allow_infinity=False), texts())
    rows = data.draw(st.lists(st.lists(cell, max_size=8), max_size=10))
    with tempfile.TemporaryDirectory() as tmp:
        folder = good_folder(Path(tmp) / "zone")
        book = openpyxl.Workbook()
        book.active.append(["name_zh", "period", "investment"])
        for row in rows:
            book.active.append(row)
        (folder / "projects.csv").unlink()
        book.save(folder / "projects.xlsx")
        ds = load_dataset(folder)
    assert "projects" in ds.tables or any(p.file == "projects.xlsx" for p in ds.problems)
    if "projects" in ds.tables:  # rows[i] is sheet row i + 2 (the header is row 1)
        table = ds.tables["projects"]
        assert table["_row"].is_monotonic_increasing and table["_row"].is_unique
        assert table["_row"].between(2, len(rows) + 1).all()
        for name, row in zip(table["name_zh"], table["_row"]):
            written = rows[row - 2][0] if rows[row - 2] else None
            if isinstance(written, (int, float)):  # the xlsx keeps 16 significant digits
                assert float(name) == pytest.approx(written, rel=1e-15, abs=0)
                assert not name.endswith(".0")
            else:
                assert name == _saved_text(written).strip()


def _saved_text(value: str | None) -> str:
    """A text cell as the loader should read it back: a formula (openpyxl stores "=..." as
    one) has no saved value, so it is blank like an empty cell."""
    if value is None or len(value) > 1 and value.startswith("="):
        return ""
    return value
