"""load_dataset on real folders: files, encodings, xlsx, manifest; the loader never writes."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from core_fixtures import (
    INDICATOR_HEADER, INDICATOR_ROWS, PROJECT_HEADER, PROJECT_ROWS, codes, csv_text, good_folder,
    only, snapshot, write_csv, write_xlsx,
)
from zoneapp.core.loading import load_dataset
from zoneapp.core.problems import ERROR, WARNING, LoadError


def test_good_folder_loads_without_problems(tmp_path):
    ds = load_dataset(good_folder(tmp_path / "zone"))
    assert ds.problems == []
    assert ds.manifest.name_zh == "上饶高新技术产业开发区"
    assert ds.manifest.short_name_en == "Shangrao HTZ"
    assert ds.manifest.periods == (2018, 2019)
    assert ds.manifest.source("S1").publication == "上饶日报"
    assert set(ds.tables) == {"indicators", "rules", "projects"}
    assert ds.tables["indicators"]["key"].tolist()[:2] == ["revenue", "profit"]
    assert ds.tables["indicators"]["_row"].tolist() == [2, 3, 4, 5, 6]


def test_folder_must_exist(tmp_path):
    with pytest.raises(LoadError):
        load_dataset(tmp_path / "nope")
    (tmp_path / "file.csv").write_text("x")
    with pytest.raises(LoadError):
        load_dataset(tmp_path / "file.csv")


def test_empty_folder_is_problems_not_a_crash(tmp_path):
    ds = load_dataset(tmp_path)
    assert only(ds.problems, "missing_file").file == "indicators.csv"
    assert only(ds.problems, "manifest_missing").severity == WARNING
    assert ds.manifest.name_zh == tmp_path.name
    assert ds.indicators.empty and "derivation_zh" in ds.indicators.columns


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8", "gb18030"])
def test_csv_encodings(tmp_path, encoding):
    folder = good_folder(tmp_path)
    write_csv(folder, "projects.csv", PROJECT_HEADER, PROJECT_ROWS, encoding=encoding)
    ds = load_dataset(folder)
    assert ds.problems == []
    assert ds.tables["projects"]["name_zh"].tolist() == ["芦林纸业技改项目", "博丰化工项目"]


def test_excel_sep_line_and_semicolons(tmp_path):
    folder = good_folder(tmp_path)
    text = csv_text(PROJECT_HEADER, PROJECT_ROWS).replace(",", ";")
    (folder / "projects.csv").write_text("sep=;\n" + text, encoding="utf-8-sig")
    ds = load_dataset(folder)
    assert ds.problems == []
    assert ds.tables["projects"]["_row"].tolist() == [2, 3]


def test_xlsx_with_number_cells_and_chinese_header(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "projects.csv").unlink()
    header = ["项目名称", "英文名称", "类型", "年份", "总投资", "投资单位", "进度阶段"]
    write_xlsx(folder / "projects.xlsx", header, [
        ["芦林纸业技改项目", "Lulin", "技改", 2019, 22, "亿元", "开工"],
        ["博丰化工项目", None, "new", 2019.0, 2.5, "万元", None],
    ])
    ds = load_dataset(folder)
    assert ds.problems == []
    frame = ds.tables["projects"]
    assert frame["period"].tolist() == [2019, 2019]
    assert frame["investment"].tolist() == [22.0, 2.5]
    assert frame["kind"].tolist() == ["upgrade", "new"]
    assert frame["stage"].tolist() == ["started", ""]
    assert frame["name_en"].tolist() == ["Lulin", ""]


def test_xlsx_sheet_named_like_the_table(tmp_path):
    import openpyxl

    folder = good_folder(tmp_path)
    (folder / "projects.csv").unlink()
    book = openpyxl.Workbook()
    book.active.append(["notes"])
    sheet = book.create_sheet("产业项目")
    sheet.append(PROJECT_HEADER)
    sheet.append(PROJECT_ROWS[0])
    book.save(folder / "projects.xlsx")
    ds = load_dataset(folder)
    assert ds.problems == []
    assert ds.tables["projects"]["name_zh"].tolist() == ["芦林纸业技改项目"]


@pytest.mark.parametrize("content", [b"", b"   \r\n\n"])
def test_empty_file(tmp_path, content):
    folder = good_folder(tmp_path)
    (folder / "projects.csv").write_bytes(content)
    ds = load_dataset(folder)
    problem = only(ds.problems, "empty_file")
    assert (problem.file, problem.row, problem.severity) == ("projects.csv", None, ERROR)
    assert "projects" not in ds.tables


def test_header_only_file_is_an_empty_table(tmp_path):
    folder = good_folder(tmp_path)
    write_csv(folder, "projects.csv", PROJECT_HEADER, [])
    ds = load_dataset(folder)
    assert only(ds.problems, "empty_file").severity == WARNING
    assert ds.tables["projects"].empty


def test_random_bytes_are_a_problem(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "projects.csv").write_bytes(random.Random(0).randbytes(4096))
    (folder / "plans.xlsx").write_bytes(random.Random(1).randbytes(4096))
    ds = load_dataset(folder)
    assert only(ds.problems, "decode_error").file == "projects.csv"
    assert only(ds.problems, "bad_xlsx").file == "plans.xlsx"
    assert "projects" not in ds.tables and "plans" not in ds.tables


def test_corrupt_zip_xlsx(tmp_path):
    folder = good_folder(tmp_path)
    write_xlsx(folder / "plans.xlsx", ["item_zh", "period"], [["x", 2019]])
    data = (folder / "plans.xlsx").read_bytes()
    (folder / "plans.xlsx").write_bytes(data[: len(data) // 2])
    problem = only(load_dataset(folder).problems, "bad_xlsx")
    assert "WPS" in problem.message_zh and ".xlsx" in problem.message_en


def test_encrypted_xlsx(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "projects.csv").unlink()
    (folder / "projects.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    problem = only(load_dataset(folder).problems, "encrypted")
    assert problem.file == "projects.xlsx" and problem.severity == ERROR
    assert "密码" in problem.message_zh and "password" in problem.message_en


@pytest.mark.parametrize("name, advice", [
    ("projects.xls", "Excel or WPS"), ("projects.et", "Excel or WPS"), ("projects.json", "CSV"),
    ("projects.txt", "CSV"),
])
def test_table_in_another_format(tmp_path, name, advice):
    folder = good_folder(tmp_path)
    (folder / "projects.csv").unlink()
    (folder / name).write_bytes(b"whatever")
    problem = only(load_dataset(folder).problems, "not_table_file")
    assert problem.file == name and problem.severity == ERROR
    assert advice in problem.message_en and "xlsx" in problem.message_zh


def test_other_format_beside_a_csv_is_a_warning(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "projects.xls").write_bytes(b"old")
    assert only(load_dataset(folder).problems, "not_table_file").severity == WARNING


def test_csv_and_xlsx_both_present_uses_csv(tmp_path):
    folder = good_folder(tmp_path)
    write_xlsx(folder / "projects.xlsx", PROJECT_HEADER, [PROJECT_ROWS[0]])
    ds = load_dataset(folder)
    problem = only(ds.problems, "duplicate_file")
    assert problem.severity == WARNING and "projects.xlsx" in problem.message_en
    assert len(ds.tables["projects"]) == 2


def test_unknown_tables_and_ignored_files(tmp_path):
    folder = good_folder(tmp_path)
    write_csv(folder, "budget.csv", ["a"], [["1"]])
    (folder / "README.md").write_text("# data")
    (folder / "sources").mkdir()
    (folder / "sources" / "article.pdf").write_bytes(b"%PDF")
    (folder / "~$projects.xlsx").write_bytes(b"lock")
    ds = load_dataset(folder)
    problem = only(ds.problems, "unknown_table")
    assert problem.file == "budget.csv" and problem.severity == WARNING
    assert "indicators" in problem.message_en and "projects" in problem.message_en
    assert codes(ds.problems) == ["unknown_table"]


def test_table_names_are_case_insensitive(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "projects.csv").rename(folder / "Projects.CSV")
    ds = load_dataset(folder)
    assert ds.problems == [] and len(ds.tables["projects"]) == 2


def test_broken_manifest_falls_back(tmp_path):
    folder = good_folder(tmp_path / "my_zone")
    (folder / "zone.toml").write_text("[zone\nname_zh = ", encoding="utf-8")
    ds = load_dataset(folder)
    problem = only(ds.problems, "manifest_syntax")
    assert problem.file == "zone.toml" and problem.severity == ERROR
    assert ds.manifest.name_zh == "my_zone"
    assert ds.manifest.periods == (2019,)  # the periods found in the data


def test_manifest_with_bad_fields(tmp_path):
    folder = good_folder(tmp_path / "z")
    (folder / "zone.toml").write_text(
        '[zone]\nname_en = "Zone"\nperiods = "2019"\n[[sources]]\ntitle = "no id"\n',
        encoding="utf-8")
    ds = load_dataset(folder)
    messages = [p.message_en for p in ds.problems if p.code == "manifest_field"]
    assert any("name_zh" in m for m in messages)
    assert any("periods" in m for m in messages)
    assert any("no id" in m for m in messages)
    assert ds.manifest.name_zh == "z" and ds.manifest.name_en == "Zone"
    assert ds.manifest.periods == (2019,)


def test_loader_never_writes_in_the_folder(tmp_path):
    folder = good_folder(tmp_path)
    write_xlsx(folder / "plans.xlsx", ["item_zh", "period"], [["规划", 2019]])
    (folder / "honours.csv").write_bytes(random.Random(2).randbytes(100))
    before = snapshot(folder)
    load_dataset(folder)
    load_dataset(str(folder))
    assert snapshot(folder) == before


def test_a_bad_row_does_not_stop_the_others(tmp_path):
    rows = [r[:] for r in INDICATOR_ROWS]
    rows[1][5] = "lots"
    folder = good_folder(tmp_path, indicators=rows)
    ds = load_dataset(folder)
    problem = only(ds.problems, "bad_number")
    assert (problem.file, problem.row, problem.column) == ("indicators.csv", 3, "value")
    frame = ds.tables["indicators"]
    assert frame["key"].tolist() == ["revenue", "projects_total", "projects_new",
                                     "projects_continuing"]
    assert frame["_row"].tolist() == [2, 4, 5, 6]


def test_blank_lines_keep_row_numbers(tmp_path):
    folder = good_folder(tmp_path)
    text = csv_text(INDICATOR_HEADER, INDICATOR_ROWS[:2])
    lines = text.splitlines()
    text = "\n".join([lines[0], lines[1], "", ",,,,", lines[2].replace("30.2", "x")]) + "\n"
    (folder / "indicators.csv").write_text(text, encoding="utf-8")
    ds = load_dataset(folder)
    assert only(ds.problems, "bad_number").row == 5


def test_row_with_too_many_cells(tmp_path):
    folder = good_folder(tmp_path)
    text = csv_text(PROJECT_HEADER, PROJECT_ROWS) + "多余项目,,new,2019,1,亿元,started,extra\n"
    (folder / "projects.csv").write_text(text, encoding="utf-8")
    ds = load_dataset(folder)
    problem = only(ds.problems, "extra_cells")
    assert (problem.file, problem.row) == ("projects.csv", 4)
    assert len(ds.tables["projects"]) == 2


def test_frame_conventions(tmp_path):
    ds = load_dataset(good_folder(tmp_path))
    frame = ds.tables["projects"]
    assert list(frame.columns)[-1] == "_row"
    assert frame["period"].dtype == "Int64" and frame["investment"].dtype == "float64"
    assert frame["_row"].dtype == "int64"
    assert pd.api.types.is_string_dtype(frame["company_zh"])
    assert frame["company_zh"].tolist() == ["", ""]  # a missing optional column is blank text
    assert frame["investment_qualifier"].tolist() == ["", "约"]  # moved from 约2.99亿
    assert ds.tables["indicators"]["basis"].unique().tolist() == ["reported"]


def test_cell_text_from_excel_values():
    import datetime as dt

    from zoneapp.core.io.readers import cell_text

    assert [cell_text(v) for v in (2019.0, 506.1, 3, None, True, "约3")] == \
        ["2019", "506.1", "3", "", "TRUE", "约3"]
    assert cell_text(dt.datetime(2020, 1, 10)) == "2020-01-10"
    assert cell_text(dt.date(2020, 1, 10)) == "2020-01-10"


def test_damaged_xlsx_never_crashes(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "projects.csv").unlink()
    good = write_xlsx(folder / "projects.xlsx", PROJECT_HEADER, PROJECT_ROWS).read_bytes()
    for seed in range(25):
        rng = random.Random(seed)
        data = bytearray(good)
        for _ in range(rng.randrange(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        (folder / "projects.xlsx").write_bytes(bytes(data))
        ds = load_dataset(folder)  # a problem or a table, never an exception
        assert "projects" in ds.tables or any(p.file == "projects.xlsx" for p in ds.problems)


def test_core_imports_without_qt():
    """Every module of zoneapp.core imports with Qt and pyqtgraph unavailable."""
    import subprocess
    import sys

    code = r'''
import importlib, importlib.abc, pkgutil, sys

BLOCKED = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6")

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is blocked: zoneapp.core must not import Qt")
        return None

for name in list(sys.modules):
    if name.split(".")[0] in BLOCKED:
        del sys.modules[name]
sys.meta_path.insert(0, Block())
import zoneapp.core
names = sorted(m.name for m in pkgutil.iter_modules(zoneapp.core.__path__, "zoneapp.core."))
assert len(names) >= 15, names
failed = {}
for name in names:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = repr(exc)
assert not failed, failed
assert not [m for m in sys.modules if m.split(".")[0] in BLOCKED]
print(len(names))
'''
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 15


def test_load_reports_progress_and_can_be_cancelled():
    from zoneapp.core.problems import LoadCancelled
    from zoneapp.paths import DEFAULT_DATA

    seen: list[float] = []
    load_dataset(DEFAULT_DATA, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    calls = []
    with pytest.raises(LoadCancelled):
        load_dataset(DEFAULT_DATA, should_cancel=lambda: calls.append(1) or len(calls) > 2)


_PROJECT_CSV = "name_zh,kind,period,investment,investment_unit,investment_qualifier\n"


@pytest.mark.parametrize("body", [
    "a,new,2019,1.5,亿元,\nb,new,2020,,亿元,\n",  # plain: read as numbers
    "a,new,2019,1.5,亿元,\n,,,,,\nb,new,2020,2,万元,\n",  # a blank row
    "a,new,,3,亿元,\nb,new,2019,3e2,亿元,\nb,new,2019,4,亿元,\n",  # blank period, duplicate key
    "'=a,new,2019.0,3,亿元,\n",  # guarded formula, a whole number written 2019.0
    "a,new,2019,-1.5,亿元,\n",  # negative: read as text, so the problem quotes the cell
    "a,new,2019,约2.99,亿元,\n", "a,new,2019,nan,亿元,\n", "a,new,1800,3,亿元,\n",
    "a,new,2019.5,3,亿元,\n", "a,new,99999999999999999999,1,亿元,\n",
    'a,new,2019,"",亿元,\n',
])
def test_numbers_read_as_numbers_or_as_text_give_the_same_table(tmp_path, monkeypatch, body):
    from zoneapp.core.io import csv_reader
    from zoneapp.core.loading import load_table
    from zoneapp.core.schema import TABLES

    table = next(t for t in TABLES if t.name == "projects")
    path = tmp_path / "projects.csv"
    path.write_text(_PROJECT_CSV + body, encoding="utf-8")
    typed, typed_problems = load_table(path, table, path.name)
    monkeypatch.setattr(csv_reader._Parse, "typed", lambda *args: None)
    text, text_problems = load_table(path, table, path.name)
    assert typed_problems == text_problems
    assert (typed is None) == (text is None)
    if typed is not None:
        pd.testing.assert_frame_equal(typed, text)


def test_plain_number_columns_are_read_as_numbers(tmp_path):
    from zoneapp.core.io.headers import number_columns
    from zoneapp.core.io.readers import read_table
    from zoneapp.core.schema import TABLES

    table = next(t for t in TABLES if t.name == "projects")
    path = tmp_path / "projects.csv"
    path.write_text(_PROJECT_CSV + "a,new,2019,1.5,亿元,\nb,new,2020,,亿元,\n", encoding="utf-8")
    raw = read_table(path, path.name, numbers=lambda header: number_columns(header, table))
    assert raw.cells[2].dtype == "float64" and raw.cells[3].dtype == "float64"
    assert raw.cells[3].isna().tolist() == [False, True]
    assert raw.cells.index.tolist() == [2, 3] and raw.cells[1].tolist() == ["new", "new"]
    path.write_text(_PROJECT_CSV + "a,new,2019,-1.5,亿元,\n", encoding="utf-8")  # quoted if wrong
    raw = read_table(path, path.name, numbers=lambda header: number_columns(header, table))
    assert raw.cells[3].tolist() == ["-1.5"]


@pytest.mark.parametrize("block", [16, 70, 1000])
def test_big_csv_read_in_blocks_gives_the_same_dataset(tmp_path, monkeypatch, block):
    """A CSV over one block is looked at through a memory map and parsed by pandas from its
    path, never held whole: the same dataset as from its bytes."""
    from zoneapp.core.io import csv_plan, csv_reader

    folder = good_folder(tmp_path / "zone")
    rows = "".join(f"项目{i},new,2019,{i}.5,亿元,\n" for i in range(40))
    (folder / "projects.csv").write_text(_PROJECT_CSV + rows + ",,,,,\n项目1,new,2019,-2,亿元,\n",
                                         encoding="utf-8")
    whole = load_dataset(folder)
    streamed = []
    original = csv_reader.read_csv_streamed
    monkeypatch.setattr(csv_plan, "STREAM_BLOCK", block)
    monkeypatch.setattr(csv_reader, "read_csv_streamed",
                        lambda *args: streamed.append(original(*args)) or streamed[-1])
    blocks = load_dataset(folder)
    assert streamed and (block < 70 or any(r is not None for r in streamed))
    assert blocks.problems == whole.problems
    for name, frame in whole.tables.items():
        pd.testing.assert_frame_equal(blocks.tables[name], frame)


def test_a_big_load_gives_freed_memory_back_without_waiting(monkeypatch):
    """After a big load the C heap is trimmed on the data layer's pool, not by the caller."""
    import threading

    from zoneapp.core.fast import memory
    from zoneapp.core.fast import workers

    monkeypatch.setattr(workers, "parallel", lambda: True)
    trimmed = threading.Event()
    callers = []

    def trim(_pad):
        callers.append(threading.current_thread().name)
        trimmed.set()

    monkeypatch.setattr(memory.libc, "malloc_trim", lambda: trim)
    memory.release_free_memory_soon()
    assert trimmed.wait(10)
    assert callers and callers[0].startswith("zoneapp-pool")
