"""The CSV/xlsx writer: encodings, headers in both languages, formula safety, atomic replace."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from zoneapp.core import schema
from zoneapp.core.io.atomic import atomic_path
from zoneapp.core.io.headers import shown_header
from zoneapp.core.io.export import export_frame, file_stem, neutralise, restore


def projects_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "name_zh": ["芦林纸业技改项目", "=HYPERLINK(\"http://x\")", "-危险"],
        "name_en": ["Lulin Paper upgrade", "@SUM(A1)", ""],
        "kind": ["upgrade", "new", ""],
        "period": pd.array([2019, 2019, 2019], dtype="Int64"),
        "investment": [22.0, float("nan"), -0.5],
        "stage": ["started", "", "producing"],
        "_row": [2, 3, 4],
    })


def test_csv_has_bom_and_chinese_headers(tmp_path: Path) -> None:
    path = export_frame(projects_frame(), tmp_path / "p.csv", schema.PROJECTS, lang="zh")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    header = text.splitlines()[0].split(",")
    assert header[:4] == ["项目名称", "英文名称", "类型", "年份"]
    assert "_row" not in text
    assert "技改" in text and "开工" in text  # enum codes shown as Chinese labels


def test_english_headers_and_labels(tmp_path: Path) -> None:
    path = export_frame(projects_frame(), tmp_path / "p.csv", schema.PROJECTS, lang="en")
    frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    assert list(frame.columns[:4]) == ["Project (Chinese)", "Project (English)", "Kind", "Year"]
    assert frame["Kind"].tolist() == ["technical upgrade", "new", ""]
    assert frame["Stage"].tolist() == ["started", "", "producing"]


def test_gb18030_round_trip(tmp_path: Path) -> None:
    path = export_frame(projects_frame(), tmp_path / "p.csv", schema.PROJECTS, encoding="gb18030")
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="gb18030", keep_default_na=False)
    assert frame["项目名称"][0] == "芦林纸业技改项目"
    assert float(frame["总投资"][0]) == 22.0


def test_formula_cells_are_defused_numbers_stay_numbers(tmp_path: Path) -> None:
    path = export_frame(projects_frame(), tmp_path / "p.csv", schema.PROJECTS, lang="zh")
    frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    assert frame["项目名称"].tolist()[1:] == ["'=HYPERLINK(\"http://x\")", "'-危险"]
    assert frame["英文名称"].tolist()[1] == "'@SUM(A1)"
    # A negative number is a number, not a formula: it is written as is.
    assert float(frame["总投资"][2]) == -0.5
    assert [restore(v) for v in frame["项目名称"]] == projects_frame()["name_zh"].tolist()


@pytest.mark.parametrize("text", ["=1+1", "+1", "-x", "@x", "\tx", "\rx"])
def test_neutralise_each_opening(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert restore(neutralise(text)) == text


def test_neutralise_leaves_plain_text() -> None:
    assert neutralise("上饶") == "上饶"
    assert restore("'plain") == "'plain"


def test_xlsx_keeps_formula_text_as_string(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = export_frame(projects_frame(), tmp_path / "p.xlsx", schema.PROJECTS, lang="zh")
    ws = load_workbook(path).active
    assert ws["A1"].value == "项目名称"
    cell = ws["A3"]
    assert cell.value == "=HYPERLINK(\"http://x\")"
    assert cell.data_type == "s"  # stored as text: Excel will not evaluate it
    assert ws["E1"].value == "总投资"
    assert ws["E2"].value == 22  # investment stays a number
    assert ws["E3"].value is None


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="use .csv or .xlsx"):
        export_frame(projects_frame(), tmp_path / "p.json", schema.PROJECTS)
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        export_frame(projects_frame(), tmp_path / "nowhere" / "p.csv", schema.PROJECTS)
    assert list(tmp_path.iterdir()) == []


def test_disk_full_mid_write_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "p.csv"
    target.write_text("old", encoding="utf-8")
    from pyarrow import csv as pacsv

    real_write_csv = pacsv.write_csv

    def full_disk(table, sink, *args, **kwargs):
        real_write_csv(table.slice(0, 1), sink, *args, **kwargs)  # part is already on disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pacsv, "write_csv", full_disk)
    with pytest.raises(OSError, match="No space left"):
        export_frame(projects_frame(), target, schema.PROJECTS)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["p.csv"]


def test_file_stems_are_safe_on_windows() -> None:
    assert file_stem(schema.INDICATORS, "zh") == "概览_指标"
    stem = file_stem(schema.MEASURES, "en")
    assert stem == "Poverty-relief-and-employment_Measures"
    assert not set('<>:"/\\|?*&') & set(file_stem(schema.RECOGNITIONS, "en"))


def test_english_export_names_units_and_reads_back(tmp_path: Path) -> None:
    from zoneapp.core.loading import load_table

    frame = pd.DataFrame({
        "section": ["financing", "financing", "projects"],
        "key": ["loans", "loan_firms", "projects_total"],
        "name_zh": ["贷款", "惠及企业", "项目"],
        "name_en": ["Loans", "Firms reached", "Projects"],
        "period": pd.array([2019, 2019, 2019], dtype="Int64"),
        "value": [2.99, 65.0, 25.0],
        "unit": ["亿元", "户", "个"],
        "qualifier": ["约", "", ""],
    })
    path = export_frame(frame, tmp_path / "indicators.csv", schema.INDICATORS, lang="en")
    written = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    # English names for units (个, a bare count in the app, is "count") and qualifiers
    assert written["Unit"].tolist() == ["100M yuan", "entities", "count"]
    assert written["Qualifier"].tolist() == ["about", "", ""]
    back, problems = load_table(path, schema.INDICATORS, path.name)
    assert problems == []  # the "as shown" column is left out without a warning
    assert back["unit"].tolist() == ["亿元", "户", "个"]
    assert back["qualifier"].tolist() == ["约", "", ""]


@pytest.mark.parametrize("lang, shown, yoy", [
    ("zh", ["约453.09亿元", "超过3,000人", ""], ["+52.9%", "", "-3.2%"]),
    ("en", ["about 45.31 bn yuan", "over 3,000 people", ""], ["+52.9%", "", "-3.2%"]),
])
def test_figures_read_as_the_app_shows_them_beside_full_precision(tmp_path: Path, lang, shown,
                                                                  yoy) -> None:
    """Issue #17: exports carried 453.08863025962404 and 52.94117647058824 only."""
    frame = pd.DataFrame({
        "section": ["overview", "relief", "overview"], "key": ["revenue", "jobs", "margin"],
        "name_zh": ["主营业务收入", "带动就业", "利润率"], "name_en": ["Revenue", "Jobs", ""],
        "period": pd.array([2018, 2019, 2019], dtype="Int64"),
        "value": [453.08863025962404, 3000.0, float("nan")],
        "unit": ["亿元", "人", "%"], "qualifier": ["约", "超过", ""],
        "yoy_pct": [52.94117647058824, float("nan"), -3.2],
    })
    for suffix in (".csv", ".xlsx"):
        path = export_frame(frame, tmp_path / f"indicators{suffix}", schema.INDICATORS, lang)
        written = (pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
                   if suffix == ".csv" else pd.read_excel(path, keep_default_na=False, engine="openpyxl"))
        value, yoy_label = ("数值", "同比增长(%)") if lang == "zh" else ("Value", "YoY change (%)")
        columns = list(written.columns)
        assert columns[columns.index(value) + 1] == shown_header(value, lang)
        assert written[shown_header(value, lang)].tolist() == shown
        assert written[shown_header(yoy_label, lang)].tolist() == yoy
        assert float(written[value].tolist()[0]) == pytest.approx(453.08863025962404, abs=1e-12)


def test_export_all_files_follow_the_tabs(tmp_path: Path, default_dataset) -> None:
    from zoneapp.core.io.export import export_all

    names = {p.name for p in export_all(default_dataset, tmp_path / "out")}
    # Measures are shown on the tab of their section, one file each; rules are not shown.
    assert {"扶贫与就业_举措.csv", "生态环保_举措.csv"} <= names
    assert not any("规则" in n for n in names)
    relief = pd.read_csv(tmp_path / "out" / "扶贫与就业_举措.csv", encoding="utf-8-sig")
    assert set(relief["板块"]) == {"扶贫与就业"}


def test_nothing_is_written_into_a_loaded_data_folder(tmp_path: Path) -> None:
    from zoneapp.core.io.atomic import WriteError
    from zoneapp.core.io.export import export_all
    from zoneapp.core.loading import load_dataset
    from zoneapp.paths import DEFAULT_DATA

    folder = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, folder)
    ds = load_dataset(folder)
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    with pytest.raises(WriteError, match="does not write into a data folder"):
        export_frame(ds.tables["projects"], folder / "projects.csv", schema.PROJECTS)
    with pytest.raises(WriteError):
        export_all(ds, folder / "exports")
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*")} == before
    assert export_all(ds, tmp_path / "elsewhere")  # any other place is fine
