"""Files as people make them: a header below a title or blank rows, a row split by a comma,
a name with a hidden .txt, a zone.toml with a typo, sources and years it does not declare."""
from __future__ import annotations

import pytest

from core_fixtures import (
    INDICATOR_HEADER, INDICATOR_ROWS, codes, csv_text, good_folder, indicator, only, write_csv,
    write_xlsx,
)
from zoneapp.core.io import readers
from zoneapp.core.loading import load_dataset
from zoneapp.core.problems import WARNING


@pytest.mark.parametrize("name, meant", [
    ("projects.csv.txt", "projects.csv"), ("projects.xlsx.txt", "projects.xlsx"),
    ("zone.toml.txt", "zone.toml"), ("INDICATORS.CSV.TXT", "INDICATORS.CSV"),
])
def test_a_hidden_extra_extension_is_named(tmp_path, name, meant):
    """Windows hides extensions: 'projects.csv.txt' shows as projects.csv, so the message
    names the extra part and the name to give the file."""
    folder = good_folder(tmp_path)
    original = folder / (meant if meant != "INDICATORS.CSV" else "indicators.csv")
    original.rename(folder / name) if original.exists() else (folder / name).write_bytes(b"x")
    problem = only(load_dataset(folder).problems, "hidden_extension")
    assert problem.file == name and problem.severity == WARNING
    assert f"Rename it to {meant}" in problem.message_en and f"改名为 {meant}" in problem.message_zh


def test_without_a_manifest_the_years_are_the_figures_not_the_plans(tmp_path):
    """A 2019 review plans for 2020: the header says 2019, the indicators' year."""
    folder = good_folder(tmp_path / "z")
    (folder / "zone.toml").unlink()
    write_csv(folder, "plans.csv", ["item_zh", "kind", "status", "period"],
              [["全面建成小康社会", "goal", "target", "2020"]])
    ds = load_dataset(folder)
    assert "plans" in ds.tables and ds.manifest.periods == (2019,)


@pytest.mark.parametrize("text, row, zh, en", [
    ('[zone]\nname_zh = “高新区”\n', 2, "请把中文标点", "Replace the Chinese punctuation"),
    ('[zone]\nname_zh "高新区"\n', 2, "第 2 行第 9 列", "line 2, column 9"),
    ('[zone]\nperiods = [2019,\n', None, "文件末尾不完整", "ends too early"),
])
def test_a_manifest_typo_says_where_and_how_in_both_languages(tmp_path, text, row, zh, en):
    folder = good_folder(tmp_path / "z")
    (folder / "zone.toml").write_text(text, encoding="utf-8")
    problem = only(load_dataset(folder).problems, "manifest_syntax")
    assert problem.row == row and zh in problem.message_zh and en in problem.message_en
    assert not any(word in problem.message_zh for word in ("Invalid", "Expected"))


def test_a_number_split_by_a_comma_is_pointed_out(tmp_path):
    """11,7 typed for 11.7 splits a cell in two: the row is one cell longer than the header,
    its extra cell empty, and every cell after the comma has moved right. The row is kept (a
    trailing comma makes the same row, harmlessly) with a warning on it; its shifted cells
    also fail their own checks."""
    folder = good_folder(tmp_path)
    rows = [list(r) for r in INDICATOR_ROWS[:2]]
    yoy = INDICATOR_HEADER.index("yoy_pct")
    text = csv_text(INDICATOR_HEADER, rows).rstrip("\n").split("\n")
    cells = text[2].split(",")
    cells[yoy] = "11,7"  # as typed, unquoted
    text[2] = ",".join(cells)
    (folder / "indicators.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    ds = load_dataset(folder)
    problem = only(ds.problems, "extra_empty_cells")
    assert (problem.file, problem.row, problem.severity) == ("indicators.csv", 3, WARNING)
    assert "11,7" in problem.message_zh and "one column to the right" in problem.message_en
    assert len(ds.tables["indicators"]) == 2


def test_rows_padded_like_the_header_need_no_warning(tmp_path):
    folder = good_folder(tmp_path)
    text = csv_text(INDICATOR_HEADER, INDICATOR_ROWS[:2])
    padded = "\n".join(line + ",," for line in text.rstrip("\n").split("\n")) + "\n"
    (folder / "indicators.csv").write_text(padded, encoding="utf-8")
    ds = load_dataset(folder)
    assert [p for p in ds.problems if p.file == "indicators.csv"] == []
    assert len(ds.tables["indicators"]) == 2


@pytest.mark.parametrize("xlsx", [False, True])
@pytest.mark.parametrize("above", [
    [[]],  # a blank first row
    [["上饶高新区2019年主要指标"], []],  # a title, then a blank row
    [["主要经济指标"], ["单位：亿元", "", "制表：经发局"]],  # a title and a note
])
def test_a_header_below_a_title_or_blank_rows_is_found(tmp_path, xlsx, above):
    """Government sheets often put a title (and a blank row or a note) above the header: the
    header is found below it, the rows keep their spreadsheet numbers, and a warning says
    what was left out."""
    folder = good_folder(tmp_path)
    rows = [*above, INDICATOR_HEADER, *INDICATOR_ROWS[:2]]
    (folder / "indicators.csv").unlink()
    if xlsx:
        write_xlsx(folder / "indicators.xlsx", rows[0], rows[1:])
    else:
        width = len(INDICATOR_HEADER)
        write_csv(folder, "indicators.csv", (rows[0] + [""] * width)[:width],
                  [(r + [""] * width)[:width] for r in rows[1:]])
    name = "indicators.xlsx" if xlsx else "indicators.csv"
    ds = load_dataset(folder)
    header_row = len(above) + 1
    table = ds.tables["indicators"]
    assert table["key"].tolist() == ["revenue", "profit"]
    assert table["_row"].tolist() == [header_row + 1, header_row + 2]
    mine = [p for p in ds.problems if p.file == name]
    if any(any(c for c in r) for r in above):
        problem = only(mine, "header_lower")
        assert (problem.row, problem.severity) == (header_row, WARNING)
        assert f"row {header_row}" in problem.message_en
    else:
        assert mine == []  # blank rows above are simply skipped


def test_problems_under_a_lower_header_name_its_row(tmp_path):
    folder = good_folder(tmp_path)
    header = [*INDICATOR_HEADER, "备注二"]
    rows = [["标题"] + [""] * len(INDICATOR_HEADER), header,
            [*INDICATOR_ROWS[0], ""]]
    (folder / "indicators.csv").unlink()
    write_csv(folder, "indicators.csv", rows[0], rows[1:])
    ds = load_dataset(folder)
    assert only(ds.problems, "unknown_column").row == 2


def test_a_source_zone_toml_does_not_list_is_pointed_out(tmp_path):
    folder = good_folder(tmp_path)
    rows = [list(r) for r in INDICATOR_ROWS[:2]]
    rows[1][INDICATOR_HEADER.index("source_id")] = "S2"
    write_csv(folder, "indicators.csv", INDICATOR_HEADER, rows)
    problem = only(load_dataset(folder).problems, "unknown_source")
    assert (problem.file, problem.row, problem.column) == ("indicators.csv", 3, "source_id")
    assert "S2" in problem.message_en and problem.severity == WARNING


def test_indicator_years_outside_the_manifests_periods_are_pointed_out(tmp_path):
    folder = good_folder(tmp_path)
    toml = (folder / "zone.toml").read_text(encoding="utf-8")
    (folder / "zone.toml").write_text(toml.replace("periods = [2018, 2019]", "periods = [2018]"),
                                      encoding="utf-8")
    problem = only(load_dataset(folder).problems, "periods_mismatch")
    assert problem.file == "zone.toml" and "2019" in problem.message_zh


@pytest.mark.parametrize("name", ["indicators.csv.bak", "indicators.csv.lnk", "notes.csv.txt"])
def test_other_double_extensions_are_not_told_to_be_renamed(tmp_path, name):
    """Only Notepad's hidden .txt on a table's or zone.toml's name, with no file of that name
    beside it: renaming a .bak over the real file would lose it."""
    folder = good_folder(tmp_path)
    (folder / name).write_bytes(b"x")
    assert [p for p in load_dataset(folder).problems if p.code == "hidden_extension"] == []


def test_many_undeclared_sources_are_capped(tmp_path):
    folder = good_folder(tmp_path)
    rows = []
    for i in range(150):
        row = indicator(f"k{i}", str(i))
        row[INDICATOR_HEADER.index("source_id")] = f"S{i + 10}"
        rows.append(row)
    write_csv(folder, "indicators.csv", INDICATOR_HEADER, rows)
    found = load_dataset(folder).problems
    assert codes(found).count("unknown_source") == readers.MAX_PROBLEMS_PER_FILE
    assert "50 more" in only(found, "more_problems").message_en


def test_a_blank_first_row_of_bare_commas_is_passed_over(tmp_path):
    folder = good_folder(tmp_path)
    text = csv_text(INDICATOR_HEADER, INDICATOR_ROWS[:2])
    (folder / "indicators.csv").write_text("," * 12 + "\n" + text, encoding="utf-8")
    ds = load_dataset(folder)
    assert ds.tables["indicators"]["_row"].tolist() == [3, 4]


@pytest.mark.parametrize("above, header_row, warned", [
    ("\n", 2, False),  # an empty first line
    ("\r\n  \r\n", 3, False),  # CRLF blank lines, one of spaces
    ("上饶高新区2019年主要指标\n", 2, True),  # a title with no separators
    ("主要指标\n\n", 3, True),  # a title and a blank line
])
def test_a_csv_header_below_blank_lines_or_a_title_is_found(tmp_path, above, header_row, warned):
    folder = good_folder(tmp_path)
    text = csv_text(INDICATOR_HEADER, INDICATOR_ROWS[:2])
    (folder / "indicators.csv").write_text(above + text, encoding="utf-8", newline="")
    ds = load_dataset(folder)
    table = ds.tables["indicators"]
    assert table["key"].tolist() == ["revenue", "profit"]
    assert table["_row"].tolist() == [header_row + 1, header_row + 2]
    mine = [p for p in ds.problems if p.file == "indicators.csv"]
    if warned:
        assert only(mine, "header_lower").row == header_row
    else:
        assert mine == []
