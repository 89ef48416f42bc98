"""xlsx cells read as the user sees them: a number in a percent format is a percentage, and an
Excel error (#DIV/0!) is reported as such, not read as a blank."""
from __future__ import annotations

import math

import openpyxl
import pytest

from core_fixtures import INDICATOR_HEADER, good_folder, indicator, only
from zoneapp.core.io import xlsx_cells
from zoneapp.core.loading import load_dataset


def indicators_xlsx(folder, rows, formats=(), sheet="indicators", offset=0):
    """indicators.xlsx with `rows` under the header; `formats`: (row, column key, format)."""
    (folder / "indicators.csv").unlink(missing_ok=True)
    book = openpyxl.Workbook()
    sheet_ = book.active
    sheet_.title = sheet
    for r, values in enumerate([INDICATOR_HEADER, *rows], start=1 + offset):
        for c, value in enumerate(values, start=1):
            sheet_.cell(r, c, value)
    for row, key, number_format in formats:
        sheet_.cell(row + offset, INDICATOR_HEADER.index(key) + 1).number_format = number_format
    path = folder / "indicators.xlsx"
    book.save(path)
    return path


def numbers(row: list) -> list:
    """An indicator row with its figures as numbers, as a spreadsheet holds them."""
    out = list(row)
    for key in ("value", "yoy_pct", "period"):
        at = INDICATOR_HEADER.index(key)
        out[at] = float(out[at]) if out[at] not in ("", None) else None
    return out


def test_a_percent_format_is_read_as_the_percentage_shown(tmp_path):
    folder = good_folder(tmp_path)
    rows = [numbers(indicator("revenue", "506.1", yoy="11.7")),
            numbers(indicator("profit", "48.6", yoy="12.9"))]
    yoy = INDICATOR_HEADER.index("yoy_pct")
    rows[0][yoy], rows[1][yoy] = 0.117, 0.129  # what Excel stores for 11.7% and 12.9%
    indicators_xlsx(folder, rows, [(2, "yoy_pct", "0.0%"), (3, "yoy_pct", "0%")])
    ds = load_dataset(folder)
    table = ds.tables["indicators"]
    assert table["yoy_pct"].tolist() == pytest.approx([11.7, 12.9])
    assert not [p for p in ds.problems if p.file == "indicators.xlsx"]
    derived = ds.indicators[(ds.indicators["key"] == "revenue") & (ds.indicators["period"] == 2018)]
    assert derived["value"].tolist() == [453.1]  # 506.1 / 1.117, to one decimal


def test_an_excel_error_is_reported_not_read_as_blank(tmp_path):
    folder = good_folder(tmp_path)
    rows = [numbers(indicator("revenue", "506.1", yoy="11.7")),
            numbers(indicator("profit", "48.6", yoy="12.9"))]
    rows[0][INDICATOR_HEADER.index("yoy_pct")] = "#DIV/0!"  # openpyxl saves it as an error cell
    rows[1][INDICATOR_HEADER.index("value")] = "#REF!"
    path = indicators_xlsx(folder, rows)
    assert xlsx_cells.special_cells(path.read_bytes(), ("indicators",)).errors == {
        (1, INDICATOR_HEADER.index("yoy_pct")): "#DIV/0!",
        (2, INDICATOR_HEADER.index("value")): "#REF!"}
    ds = load_dataset(folder)
    found = {(p.row, p.column, p.message_en) for p in ds.problems if p.file == "indicators.xlsx"}
    assert (2, "yoy_pct", "not a number: '#DIV/0!'") in found
    assert (3, "value", "not a number: '#REF!'") in found
    table = ds.tables["indicators"]
    assert table["key"].tolist() == ["revenue"]  # value is required: the #REF! row is left out
    assert math.isnan(table["yoy_pct"].iloc[0])


def test_cells_are_found_where_the_sheet_starts_lower_and_further_right(tmp_path):
    """Positions count from A1, as the readers' rows do, wherever the table starts."""
    folder = good_folder(tmp_path)
    rows = [numbers(indicator("revenue", "506.1", yoy="11.7"))]
    rows[0][INDICATOR_HEADER.index("yoy_pct")] = 0.117
    path = indicators_xlsx(folder, rows, [(2, "yoy_pct", "0.0%")], offset=3)
    cells = xlsx_cells.special_cells(path.read_bytes(), ("indicators",))
    assert cells.percents == {(4, INDICATOR_HEADER.index("yoy_pct"))} and cells.errors == {}


@pytest.mark.parametrize("code, percent", [
    ("0%", True), ("0.00%", True), ("#,##0.0%", True), ('0.0"%"', False), ("0.0\\%", False),
    ("0.00", False), ('"增长"0.0%', True), ("General", False),
])
def test_which_number_formats_show_a_percent(code, percent):
    """Only a % that multiplies: one in quotes or escaped is shown as written."""
    assert xlsx_cells.shows_percent(code) is percent


def test_the_sheet_read_is_the_one_looked_at(tmp_path):
    """A notes sheet first and the table's own sheet second: the formats come from the latter."""
    folder = good_folder(tmp_path)
    path = folder / "indicators.xlsx"
    (folder / "indicators.csv").unlink()
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes["A1"] = 0.5
    notes["A1"].number_format = "0%"
    data = book.create_sheet("indicators")
    for values in [INDICATOR_HEADER, numbers(indicator("revenue", "506.1", yoy="11.7"))]:
        data.append(values)
    book.save(path)
    assert xlsx_cells.special_cells(path.read_bytes(), ("indicators",)).percents == set()
    assert only_table(load_dataset(folder))["yoy_pct"].tolist() == [11.7]


def only_table(ds):
    assert not [p for p in ds.problems if p.file == "indicators.xlsx"], ds.problems
    return ds.tables["indicators"]


def test_a_damaged_workbook_adds_nothing(tmp_path):
    assert xlsx_cells.special_cells(b"PK\x03\x04 not really", ("indicators",)) == \
        xlsx_cells.SpecialCells()


def test_the_sheet_read_is_named_when_none_is_named_like_the_table(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "indicators.csv").unlink()
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    for values in [INDICATOR_HEADER, numbers(indicator("revenue", "506.1"))]:
        book.active.append(values)
    book.create_sheet("说明")["A1"] = "本表为2019年数据"
    book.save(folder / "indicators.xlsx")
    ds = load_dataset(folder)
    problem = next(p for p in ds.problems if p.code == "sheet_chosen")
    assert problem.file == "indicators.xlsx" and problem.severity == "warning"
    assert "“Sheet1”" in problem.message_zh and "说明" in problem.message_zh
    assert "'indicators' or '指标'" in problem.message_en
    assert ds.tables["indicators"]["key"].tolist() == ["revenue"]


def test_no_note_when_the_sheet_is_named_like_the_table(tmp_path):
    folder = good_folder(tmp_path)
    path = indicators_xlsx(folder, [numbers(indicator("revenue", "506.1"))], sheet="指标")
    book = openpyxl.load_workbook(path)
    book.create_sheet("说明", 0)["A1"] = "本表为2019年数据"  # a notes sheet first
    book.save(path)
    ds = load_dataset(folder)
    assert not [p for p in ds.problems if p.code == "sheet_chosen"]
    assert ds.tables["indicators"]["key"].tolist() == ["revenue"]


def test_a_section_merged_down_over_rows_is_every_rows_section(tmp_path):
    """Excel shows a merged cell's value across its range: rows under a section merged down
    belong to it, rather than being dropped for an empty section."""
    folder = good_folder(tmp_path)
    rows = [numbers(indicator("revenue", "506.1", section="overview")),
            numbers(indicator("profit", "48.6", section="")),
            numbers(indicator("jobs", "3000", section="relief"))]
    path = indicators_xlsx(folder, rows)
    book = openpyxl.load_workbook(path)
    book["indicators"].merge_cells("A2:A3")
    book.save(path)
    ds = load_dataset(folder)
    table = ds.tables["indicators"]
    assert table["section"].tolist() == ["overview", "overview", "relief"]
    problem = only(ds.problems, "merged_cells")
    assert problem.file == "indicators.xlsx" and "A2:A3" in problem.message_en


def test_merged_ranges_are_read_from_the_end_of_a_long_sheet(tmp_path, monkeypatch):
    """The merges sit after all the cells in the sheet's XML: found there however the sheet
    is cut into blocks."""
    monkeypatch.setattr(xlsx_cells, "_BLOCK", 97)  # many blocks, cut anywhere
    folder = good_folder(tmp_path)
    rows = [numbers(indicator(f"k{i}", str(i), section="overview" if i == 0 else ""))
            for i in range(40)]
    rows[5][INDICATOR_HEADER.index("yoy_pct")] = "#N/A"
    path = indicators_xlsx(folder, rows, [(8, "value", "0%")])
    book = openpyxl.load_workbook(path)
    book["indicators"].merge_cells("A2:A41")
    book.save(path)
    cells = xlsx_cells.special_cells(path.read_bytes(), ("indicators",))
    assert cells.merged == ["A2:A41"]
    assert cells.errors == {(6, INDICATOR_HEADER.index("yoy_pct")): "#N/A"}
    assert cells.percents == {(7, INDICATOR_HEADER.index("value"))}


def test_a_sheet_written_with_prefixed_tags_is_read_the_same(tmp_path):
    """Some writers spell the sheet's XML <x:c r="A1" ...> with a namespace prefix."""
    import re
    import zipfile

    folder = good_folder(tmp_path)
    rows = [numbers(indicator("revenue", "506.1", yoy="11.7")),
            numbers(indicator("profit", "48.6", section=""))]
    rows[0][INDICATOR_HEADER.index("yoy_pct")] = 0.117
    rows[1][INDICATOR_HEADER.index("value")] = "#REF!"
    path = indicators_xlsx(folder, rows, [(2, "yoy_pct", "0.0%")])
    book = openpyxl.load_workbook(path)
    book["indicators"].merge_cells("A2:A3")
    book.save(path)
    with zipfile.ZipFile(path) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/"))
    xml = parts[sheet].decode()
    xml = re.sub(r"<(/?)(?!\?)([A-Za-z]+)", r"<\1x:\2", xml)
    parts[sheet] = xml.replace("x:worksheet xmlns=", "x:worksheet xmlns:x=").encode()
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    cells = xlsx_cells.special_cells(path.read_bytes(), ("indicators",))
    assert cells.percents == {(1, INDICATOR_HEADER.index("yoy_pct"))}
    assert cells.errors == {(2, INDICATOR_HEADER.index("value")): "#REF!"}
    assert cells.merged == ["A2:A3"]


def test_a_merge_across_columns_is_not_copied_sideways(tmp_path):
    """A sentence merged over the empty note column beside it shows once: note stays empty."""
    folder = good_folder(tmp_path)
    rows = [numbers(indicator("revenue", "506.1"))]
    sentence = INDICATOR_HEADER.index("source_sentence")
    rows[0][sentence] = "2019年实现主营业务收入506.1亿元"
    path = indicators_xlsx(folder, rows)
    book = openpyxl.load_workbook(path)
    letter = openpyxl.utils.get_column_letter
    book["indicators"].merge_cells(f"{letter(sentence + 1)}2:{letter(sentence + 2)}2")
    book.save(path)
    ds = load_dataset(folder)
    assert ds.tables["indicators"]["note"].tolist() == [""]
    assert not [p for p in ds.problems if p.code == "merged_cells"]


def test_a_self_closing_error_cell_takes_nothing_from_the_next_cell(tmp_path):
    import zipfile

    folder = good_folder(tmp_path)
    rows = [numbers(indicator("revenue", "506.1", yoy="11.7"))]
    path = indicators_xlsx(folder, rows)
    with zipfile.ZipFile(path) as old:
        parts = {i.filename: old.read(i) for i in old.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/"))
    yoy = openpyxl.utils.get_column_letter(INDICATOR_HEADER.index("yoy_pct") + 1)
    xml = parts[sheet].decode()
    start = xml.index(f'<c r="{yoy}2"')
    end = xml.index("</c>", start) + len("</c>")
    parts[sheet] = (xml[:start] + f'<c r="{yoy}2" t="e"/>' + xml[end:]).encode()
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    assert xlsx_cells.special_cells(path.read_bytes(), ("indicators",)).errors == {}
