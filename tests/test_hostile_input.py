"""Hostile and broken input: every file gives a table or problems, never an exception or a hang."""
from __future__ import annotations

import io
import os
import random
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from core_fixtures import (
    PROJECT_HEADER, PROJECT_ROWS, codes, csv_text, good_folder, only, snapshot, spy_pandas,
    write_csv, write_xlsx,
)
from zoneapp.core.io import limits
from zoneapp.core.io import readers
from zoneapp.core.io import xlsx_reader
from zoneapp.core.io import zipcheck
from zoneapp.core.loading import load_dataset, load_table
from zoneapp.core.problems import ERROR, WARNING
from zoneapp.core.schema import PROJECTS



def projects_problem(problems, code: str):
    """The one problem with `code` on the projects file (a lowered limit hits every file)."""
    return only([p for p in problems if p.file.startswith("projects.")], code)


def projects_xlsx(folder: Path, rows=PROJECT_ROWS) -> Path:
    (folder / "projects.csv").unlink(missing_ok=True)
    return write_xlsx(folder / "projects.xlsx", PROJECT_HEADER, rows)


def rezip(path: Path, extra: dict[str, bytes] = {}, replace: dict[str, bytes] = {}) -> None:
    """Rewrite the xlsx at `path` with parts added or replaced."""
    with zipfile.ZipFile(path) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    parts.update(replace)
    parts.update(extra)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)


# --- bytes that are not what they claim --------------------------------------------------------

@pytest.mark.parametrize("name", ["projects.csv", "projects.xlsx"])
@pytest.mark.parametrize("seed", range(6))
def test_random_bytes(tmp_path, name, seed):
    folder = good_folder(tmp_path)
    (folder / "projects.csv").unlink()
    rng = random.Random(seed)
    prefix = [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\xef\xbb\xbf", b"\xff\xfe"][seed % 5]
    (folder / name).write_bytes(prefix + rng.randbytes(rng.randrange(1, 20000)))
    ds = load_dataset(folder)
    assert any(p.file == name for p in ds.problems) or "projects" in ds.tables


def test_truncated_csv_mid_character_and_mid_quote(tmp_path):
    folder = good_folder(tmp_path)
    data = csv_text(PROJECT_HEADER, PROJECT_ROWS + [["\"引号", "x", "new", "2019", "1", "亿元", ""]])
    raw = data.encode("utf-8")
    (folder / "projects.csv").write_bytes(raw[: raw.rindex("引".encode()) + 1])  # half a character
    ds = load_dataset(folder)
    assert any(p.file == "projects.csv" for p in ds.problems) or "projects" in ds.tables
    (folder / "projects.csv").write_bytes(raw[: raw.rindex("号".encode())])  # inside an open quote
    ds = load_dataset(folder)
    assert any(p.file == "projects.csv" for p in ds.problems) or "projects" in ds.tables
    (folder / "projects.csv").write_bytes(raw[:-3])  # half of the last line's 元
    ds = load_dataset(folder)
    assert any(p.file == "projects.csv" for p in ds.problems) or "projects" in ds.tables


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_truncated_xlsx(tmp_path, fraction):
    folder = good_folder(tmp_path)
    data = projects_xlsx(folder).read_bytes()
    (folder / "projects.xlsx").write_bytes(data[: int(len(data) * fraction)])
    problem = only(load_dataset(folder).problems, "bad_xlsx")
    assert problem.file == "projects.xlsx" and problem.severity == ERROR


def test_ole2_encrypted_file_under_every_name(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(3).randbytes(5000)
    folder = good_folder(tmp_path)
    (folder / "projects.csv").unlink()
    (folder / "projects.xlsx").write_bytes(ole)
    (folder / "plans.xls").write_bytes(ole)
    (folder / "honours.csv").write_bytes(ole)
    ds = load_dataset(folder)
    assert only(ds.problems, "encrypted").file == "projects.xlsx"
    assert only(ds.problems, "not_table_file").file == "plans.xls"
    assert any(p.file == "honours.csv" and p.is_error for p in ds.problems)


# --- zip bombs and active content ----------------------------------------------------------------

def _bomb_sheet(rows: int):
    yield b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats' \
          b'.org/spreadsheetml/2006/main"><sheetData>'
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c><c><v>2019</v></c></row>' * 1000
    for _ in range(rows // 1000):
        yield row
    yield b"</sheetData></worksheet>"


def test_zip_bomb_is_refused_unread_with_bounded_memory(tmp_path, monkeypatch):
    """The sheet's ratio in the zip directory gives the bomb away: it is never inflated, and
    no reader sees the workbook."""
    folder = good_folder(tmp_path)
    path = projects_xlsx(folder)
    with zipfile.ZipFile(path) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                new.writestr(name, data)
        with new.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for chunk in _bomb_sheet(3_000_000):  # about 200 MB of XML
                sheet.write(chunk)
    assert path.stat().st_size < limits.MAX_XLSX_BYTES
    monkeypatch.setattr(xlsx_reader, "_rows_calamine", lambda *a: pytest.fail("calamine was reached"))
    monkeypatch.setattr(xlsx_reader, "_rows_openpyxl", lambda *a: pytest.fail("openpyxl was reached"))
    inflated = []
    original = zipcheck._inflated_size
    monkeypatch.setattr(zipcheck, "_inflated_size",
                        lambda data, info, *a: inflated.append(info.filename) or
                        original(data, info, *a))
    tracemalloc.start()
    ds = load_dataset(folder)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    problem = only(ds.problems, "zip_bomb")
    assert problem.file == "projects.xlsx" and "zip bomb" in problem.message_en
    assert "xl/worksheets/sheet1.xml" in problem.message_en and "projects" not in ds.tables
    assert inflated == [] and peak < 64 * limits.MB


def _lie_about_size(data: bytes, name: bytes, size: int) -> bytes:
    """The zip with `name`'s declared uncompressed size set to `size` in both headers."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := out.find(signature, at)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if out[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", out, at + offset, size)
            at += 4
    return bytes(out)


def test_zip_that_lies_about_its_sizes(tmp_path, monkeypatch):
    folder = good_folder(tmp_path)
    path = projects_xlsx(folder)
    sheet = b"".join(_bomb_sheet(30_000))  # 2 MB that deflates to a few KB
    rezip(path, replace={"xl/worksheets/sheet1.xml": sheet})
    path.write_bytes(_lie_about_size(path.read_bytes(), b"xl/worksheets/sheet1.xml", 1000))
    monkeypatch.setattr(xlsx_reader, "_rows_calamine", lambda *a: pytest.fail("calamine was reached"))
    monkeypatch.setattr(xlsx_reader, "_rows_openpyxl", lambda *a: pytest.fail("openpyxl was reached"))
    problem = only(load_dataset(folder).problems, "bad_xlsx")
    assert "declared" in problem.message_en


def test_total_unpacked_size_limit(tmp_path, monkeypatch):
    folder = good_folder(tmp_path)
    projects_xlsx(folder)
    monkeypatch.setattr(limits, "MAX_XLSX_UNCOMPRESSED", 2000)
    problem = only(load_dataset(folder).problems, "zip_bomb")
    assert "over the limit of 2 KB" in problem.message_en


def test_workbook_with_macros_reads_values_and_warns(tmp_path):
    folder = good_folder(tmp_path)
    rezip(projects_xlsx(folder), extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(512)})
    ds = load_dataset(folder)
    problem = only(ds.problems, "macros")
    assert problem.severity == WARNING and "宏" in problem.message_zh
    assert ds.tables["projects"]["name_zh"].tolist() == [r[0] for r in PROJECT_ROWS]


def test_workbook_with_external_links_reads_saved_values_and_warns(tmp_path):
    folder = good_folder(tmp_path)
    path = projects_xlsx(folder)
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    # The investment of row 2 is a formula into another workbook, saved value 22.
    sheet = sheet.replace('<c r="E2" t="n"><v>22</v></c>',
                          '<c r="E2"><f>[1]Sheet1!$A$1</f><v>22</v></c>')
    link = (b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<externalBook><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook>'
            b'</externalLink>')
    rezip(path, replace={"xl/worksheets/sheet1.xml": sheet.encode()},
          extra={"xl/externalLinks/externalLink1.xml": link})
    ds = load_dataset(folder)
    assert only(ds.problems, "external_links").severity == WARNING
    assert ds.tables["projects"]["investment"].tolist()[0] == 22


# --- encodings ---------------------------------------------------------------------------------

def test_one_file_gbk_one_utf8_in_the_same_folder(tmp_path):
    folder = good_folder(tmp_path)
    write_csv(folder, "projects.csv", PROJECT_HEADER, PROJECT_ROWS, encoding="gbk")
    ds = load_dataset(folder)
    assert ds.tables["projects"]["name_zh"].tolist()[0] == "芦林纸业技改项目"
    assert ds.tables["indicators"]["name_zh"].tolist()[0] == "主营业务收入"
    assert ds.errors == []


def test_utf8_file_with_one_gbk_line_is_read_with_a_warning(tmp_path):
    folder = good_folder(tmp_path)
    lines = csv_text(PROJECT_HEADER, PROJECT_ROWS + [["上饶光电项目", "x", "new", "2019", "3",
                                                      "亿元", ""]]).splitlines(keepends=True)
    data = b"".join(line.encode("gbk" if n == 2 else "utf-8") for n, line in enumerate(lines))
    (folder / "projects.csv").write_bytes(data)
    ds = load_dataset(folder)
    problem = only(ds.problems, "mixed_encoding")
    assert (problem.file, problem.row, problem.severity) == ("projects.csv", 3, WARNING)
    assert ds.tables["projects"]["name_zh"].tolist() == ["芦林纸业技改项目", "博丰化工项目",
                                                         "上饶光电项目"]


# --- links out of the folder, special files ------------------------------------------------------

symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")


@symlinks
def test_symlink_out_of_the_folder_is_skipped(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = write_csv(outside, "projects.csv", PROJECT_HEADER, PROJECT_ROWS)
    folder = good_folder(tmp_path / "zone")
    (folder / "projects.csv").unlink()
    (folder / "projects.csv").symlink_to(secret)
    (folder / "zone.toml").unlink()
    (folder / "zone.toml").symlink_to(outside / "zone.toml")
    (outside / "zone.toml").write_text('[zone]\nname_zh = "外部"\n', encoding="utf-8")
    ds = load_dataset(folder)
    assert "projects" not in ds.tables
    skipped = [p for p in ds.problems if p.code == "outside_folder"]
    assert sorted(p.file for p in skipped) == ["projects.csv", "zone.toml"]
    assert ds.manifest.name_zh == "zone"  # the folder's name, not the outside file's


@symlinks
def test_symlink_inside_the_folder_is_read(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "versions").mkdir()
    (folder / "projects.csv").rename(folder / "versions" / "projects_v2.csv")
    (folder / "projects.csv").symlink_to(folder / "versions" / "projects_v2.csv")
    assert len(load_dataset(folder).tables["projects"]) == 2


@symlinks
def test_dangling_link_and_link_loop(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "plans.csv").symlink_to(tmp_path / "gone.csv")
    (folder / "honours.csv").symlink_to(folder / "honours.csv")
    ds = load_dataset(folder)
    assert sorted(p.file for p in ds.problems if p.code == "outside_folder") == \
        ["honours.csv", "plans.csv"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_named_pipe_does_not_hang(tmp_path):
    folder = good_folder(tmp_path)
    os.mkfifo(folder / "plans.csv")
    assert "plans" not in load_dataset(folder).tables


def test_file_that_cannot_be_opened(tmp_path, monkeypatch):
    folder = good_folder(tmp_path)
    real_open = open

    def locked(path, *args, **kwargs):
        if str(path).endswith("projects.csv"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", locked)
    problem = only(load_dataset(folder).problems, "unreadable")
    assert problem.file == "projects.csv" and "Permission denied" in problem.message_en


# --- limits ------------------------------------------------------------------------------------

def test_limits_are_declared_once_with_sane_values():
    assert limits.MAX_CSV_BYTES == 256 * limits.MB and limits.MAX_XLSX_BYTES == 64 * limits.MB
    assert limits.MAX_ROWS >= 1_000_000 and limits.MAX_CELLS >= 11 * 1_000_000


@pytest.mark.parametrize("name, limit", [("projects.csv", "MAX_CSV_BYTES"),
                                         ("projects.xlsx", "MAX_XLSX_BYTES")])
def test_file_over_the_size_limit(tmp_path, monkeypatch, name, limit):
    folder = good_folder(tmp_path)
    if name.endswith(".xlsx"):
        projects_xlsx(folder)
    monkeypatch.setattr(limits, limit, 100)
    problem = projects_problem(load_dataset(folder).problems, "too_large")
    assert problem.file == name and "limit" in problem.message_en and "上限" in problem.message_zh
    assert "100 bytes" in problem.message_en


@pytest.mark.parametrize("xlsx", [False, True])
@pytest.mark.parametrize("limit, value, word", [
    ("MAX_ROWS", 1, "rows"), ("MAX_COLUMNS", 5, "columns"), ("MAX_CELLS", 10, "cells"),
])
def test_too_many_rows_columns_cells(tmp_path, monkeypatch, xlsx, limit, value, word):
    folder = good_folder(tmp_path)
    if xlsx:
        projects_xlsx(folder)
    monkeypatch.setattr(limits, limit, value)
    ds = load_dataset(folder)
    problem = projects_problem(ds.problems, "too_large")
    assert f"too many {word}" in problem.message_en and problem.severity == ERROR
    assert "projects" not in ds.tables


def test_one_line_with_a_million_columns_is_refused_before_pandas(tmp_path, monkeypatch):
    """Counted from the bytes: pandas is never asked to make two million columns."""
    path = tmp_path / "projects.csv"
    path.write_bytes(b"," * 2_000_000 + b"\n")
    calls = spy_pandas(monkeypatch)
    frame, problems = load_table(path, PROJECTS, path.name)
    assert frame is None and calls == []
    problem = only(problems, "too_large")
    assert problem.file == "projects.csv" and problem.severity == ERROR
    assert f"too many columns (2,000,001); the limit is {limits.MAX_COLUMNS:,}" \
        in problem.message_en


@pytest.mark.parametrize("xlsx", [False, True])
def test_long_cells_are_cut_with_a_warning(tmp_path, monkeypatch, xlsx):
    rows = [r[:] for r in PROJECT_ROWS]
    rows[1][1] = "x" * 50
    folder = good_folder(tmp_path)
    write_csv(folder, "projects.csv", PROJECT_HEADER, rows)
    if xlsx:
        projects_xlsx(folder, rows)
    monkeypatch.setattr(limits, "MAX_CELL_CHARS", 20)
    ds = load_dataset(folder)
    problem = projects_problem(ds.problems, "cell_too_long")
    assert (problem.row, problem.column, problem.severity) == (3, "name_en", WARNING)
    assert ds.tables["projects"]["name_en"].tolist()[1] == "x" * 20


def test_many_ragged_rows_are_capped(tmp_path):
    folder = good_folder(tmp_path)
    text = csv_text(PROJECT_HEADER, PROJECT_ROWS) + "多余,,new,2019,1,亿元,started,extra\n" * 500
    (folder / "projects.csv").write_text(text, encoding="utf-8")
    found = load_dataset(folder).problems
    assert codes(found).count("extra_cells") == readers.MAX_PROBLEMS_PER_FILE
    assert "400 more" in only(found, "more_problems").message_en


# --- numbers as people write them, formula guards ----------------------------------------------

@pytest.mark.parametrize("cell, value, qualifier, unit", [
    ("约2.99", 2.99, "约", "亿元"), ("3,000", 3000, "", "万元"), ("3000+", 3000, "以上", "万元"),
    ("超过3000", 3000, "超过", "万元"), ("５０多", 50, "多", "万元"), ("2.99亿", 2.99, "", "亿元"),
    ("约２．９９亿元", 2.99, "约", "亿元"), ("3，000", 3000, "", "万元"),
])
def test_numbers_keep_their_qualifier_and_unit(tmp_path, cell, value, qualifier, unit):
    folder = good_folder(tmp_path)
    write_csv(folder, "projects.csv", PROJECT_HEADER, [
        ["项目", "p", "new", "2019", cell, unit, ""]])
    ds = load_dataset(folder)
    row = ds.tables["projects"].iloc[0]
    assert ds.errors == [], [p.format("en") for p in ds.errors]
    assert (row["investment"], row["investment_qualifier"], row["investment_unit"]) == \
        (pytest.approx(value), qualifier, unit)


def test_guard_apostrophe_is_taken_off_only_where_export_put_it(tmp_path):
    folder = good_folder(tmp_path)
    names = ["'=1+1", "''=x", "'plain", "'-危险", "it's", "'"]
    write_csv(folder, "projects.csv", PROJECT_HEADER,
              [[n, "", "new", "2019", "1", "亿元", ""] for n in names])
    frame = load_dataset(folder).tables["projects"]
    assert frame["name_zh"].tolist() == ["=1+1", "'=x", "'plain", "-危险", "it's", "'"]


# --- never writes, never reads elsewhere -------------------------------------------------------

@symlinks
def test_hostile_folder_is_left_exactly_as_it_was(tmp_path):
    folder = good_folder(tmp_path / "zone")
    (folder / "plans.csv").write_bytes(random.Random(7).randbytes(3000))
    (folder / "honours.xlsx").write_bytes(b"PK\x03\x04" + random.Random(8).randbytes(3000))
    (folder / "measures.xlsx").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    write_csv(tmp_path, "elsewhere.csv", ["entity_zh"], [["外部"]])
    (folder / "recognitions.csv").symlink_to(tmp_path / "elsewhere.csv")
    rezip(write_xlsx(folder / "programmes.xlsx", ["programme_zh", "period"], [["=cmd", 2019]]),
          extra={"xl/vbaProject.bin": b"x"})
    before = snapshot(folder)
    outside_before = snapshot(tmp_path)
    load_dataset(folder)
    assert snapshot(folder) == before
    assert snapshot(tmp_path) == outside_before


def test_zip_check_reads_nothing_but_the_bytes_it_is_given():
    from zoneapp.core.io.zipcheck import check_xlsx_zip

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("xl/externalLinks/externalLink1.xml", b"<x/>")
        book.writestr("xl/connections.xml", b"<x/>")
    report = check_xlsx_zip(buffer.getvalue())
    assert report.refused is None and report.external_links and report.connections
    assert check_xlsx_zip(b"PK\x03\x04 not really").refused[0] == "bad_xlsx"


def test_xlsx_rows_are_counted_before_any_reader_unpacks_the_sheet(tmp_path, monkeypatch):
    folder = good_folder(tmp_path)
    projects_xlsx(folder)
    monkeypatch.setattr(limits, "MAX_ROWS", 1)
    monkeypatch.setattr(xlsx_reader, "_rows_calamine", lambda *a: pytest.fail("calamine was reached"))
    problem = projects_problem(load_dataset(folder).problems, "too_large")
    assert "too many rows (2)" in problem.message_en


@pytest.mark.parametrize("xlsx", [False, True])
def test_a_year_too_large_for_an_integer_is_a_problem(tmp_path, xlsx):
    rows = [r[:] for r in PROJECT_ROWS]
    rows[0][3] = "9.3e18"
    folder = good_folder(tmp_path)
    write_csv(folder, "projects.csv", PROJECT_HEADER, rows)
    if xlsx:
        rows[0][3] = 9.3e18
        projects_xlsx(folder, rows)
    ds = load_dataset(folder)
    problem = projects_problem(ds.problems, "bad_number")
    assert (problem.row, problem.column) == (2, "period") and "too large" in problem.message_en
    assert len(ds.tables["projects"]) == 1
