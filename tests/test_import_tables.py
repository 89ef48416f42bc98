"""#14: published statistics tables of every shape, imported with the real command into real
folders; the figures that come out, recipes that ask nothing the second time, backups."""
from __future__ import annotations

from pathlib import Path

import pytest

import statistics_tables as st
from import_runs import pick, rows, run
from zoneapp.cli import main
from zoneapp.core.loading import load_dataset
from zoneapp.core.periods import parse_period_detail, period_in_text


def figure(folder: Path, **match) -> dict[str, str]:
    found = pick(folder, **match)
    assert len(found) == 1, (match, found)
    return found[0]


def test_yearbook_sheet_reads_with_merged_bilingual_header(tmp_path, monkeypatch, capsys):
    source = st.yearbook_xlsx(tmp_path / "高技术产业2023.xlsx")
    into = tmp_path / "zone"
    assert run(["import", str(source), "--into", str(into), "--yes"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "表头在第 5, 6 行" in out and "名称列: A “地区”" in out
    assert "全国、东部地区" in out  # aggregates named
    beijing = figure(into, name_zh="收入合计", entity="北京")  # "北    京" unpadded
    assert (beijing["value"], beijing["unit"], beijing["yoy_pct"], beijing["period"]) == \
        ("9800.25", "亿元", "6.2", "2023")
    assert beijing["entity_en"] == "Beijing" and beijing["aggregate"] == ""
    firms = figure(into, key="number_of_enterprises", entity="江西")
    assert (firms["value"], firms["unit"], firms["name_en"]) == ("900", "个", "Number of Enterprises")
    assert figure(into, key="number_of_enterprises", entity="全国")["aggregate"] == "yes"
    assert not any(r["name_zh"] == "增速" for r in rows(into))  # growth is yoy_pct, not a measure
    toml = (into / "zone.toml").read_text(encoding="utf-8")
    assert "periods = [2023]" in toml and "本表统计范围为规模以上工业企业" in toml  # notes kept
    assert (into / "recipes").is_dir()
    ds = load_dataset(into)
    assert not ds.errors, [p.format("en") for p in ds.errors]
    assert len(ds.tables["indicators"]) == 12


def test_second_year_uses_the_recipe_without_asking(tmp_path, monkeypatch, capsys):
    into = tmp_path / "zone"
    first = st.yearbook_xlsx(tmp_path / "yb2023.xlsx", 2023)
    assert run(["import", str(first), "--into", str(into)], monkeypatch, answer="y") == 0
    assert run.asked  # a new kind of table: asked once
    recipe = next((into / "recipes").glob("*.toml"))
    recipe.write_text(recipe.read_text(encoding="utf-8").replace(
        'key = "m_b573ded0"', 'key = "revenue_total"'), encoding="utf-8")  # the user's edit
    second = st.yearbook_xlsx(tmp_path / "yb2024.xlsx", 2024, scale=1.1)
    assert run(["import", str(second), "--into", str(into)], monkeypatch, answer=None) == 0
    assert run.asked == []  # same shape: no question
    assert "与已保存的配方一致" in capsys.readouterr().out
    assert float(figure(into, key="revenue_total", entity="北京", period="2024")["value"]) == \
        pytest.approx(9800.25 * 1.1)
    assert {r["period"] for r in rows(into)} == {"2023", "2024"}  # one series, accumulated
    assert "periods = [2023, 2024]" in (into / "zone.toml").read_text(encoding="utf-8")


def test_same_period_again_replaces_only_its_rows_and_keeps_a_backup(tmp_path, monkeypatch,
                                                                     capsys):
    into = tmp_path / "zone"
    for year in (2023, 2024):
        assert run(["import", str(st.yearbook_xlsx(tmp_path / f"y{year}.xlsx", year)), "--into",
                    str(into), "--yes"], monkeypatch) == 0
    before = (into / "indicators.csv").read_bytes()
    again = st.yearbook_xlsx(tmp_path / "y2024b.xlsx", 2024, scale=2.0)
    capsys.readouterr()
    assert run(["import", str(again), "--into", str(into)], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "替换已有的 12 行" in out and "2024" in out
    assert len(rows(into)) == 24
    assert figure(into, key="total_profits", entity="江西", period="2023")["value"] == "510"
    assert figure(into, key="total_profits", entity="江西", period="2024")["value"] == "1020"
    backups = list((into / "backups").glob("indicators-*.csv"))
    assert backups and any(b.read_bytes() == before for b in backups)


def test_changed_shape_says_what_changed_and_asks(tmp_path, monkeypatch, capsys):
    into = tmp_path / "zone"
    assert run(["import", str(st.yearbook_xlsx(tmp_path / "a.xlsx")), "--into", str(into),
                "--yes"], monkeypatch) == 0
    import openpyxl

    moved = tmp_path / "b.xlsx"
    wb = openpyxl.load_workbook(st.yearbook_xlsx(tmp_path / "b0.xlsx", 2024))
    wb.active["F5"] = "利润总额合计"  # a measure renamed
    wb.save(moved)
    before = (into / "indicators.csv").read_bytes()
    capsys.readouterr()
    assert run(["import", str(moved), "--into", str(into)], monkeypatch, answer="n") == 1
    out = capsys.readouterr().out
    assert "新的列：“利润总额合计" in out and "不再有列" in out and run.asked
    assert (into / "indicators.csv").read_bytes() == before  # answered no: unchanged


def test_monthly_report_month_and_year_to_date(tmp_path, monkeypatch):
    into = tmp_path / "city"
    assert run(["import", str(st.monthly_xlsx(tmp_path / "m.xlsx", 2023, 11)), "--into",
                str(into), "--yes"], monkeypatch) == 0
    month = figure(into, name_zh="工业总产值", value_kind="month")
    ytd = figure(into, name_zh="工业总产值", value_kind="ytd")
    assert (month["period_detail"], month["value"], month["unit"], month["yoy_pct"]) == \
        ("2023-11", "11000", "万元", "5.1")
    assert (ytd["period_detail"], ytd["value"], ytd["yoy_pct"]) == ("2023-01..2023-11", "99000", "6.2")
    assert figure(into, name_zh="高技术产业", value_kind="month")["value"] == "300"  # 其中：…
    # Next month, January and February together: one period, no question asked.
    assert run(["import", str(st.monthly_xlsx(tmp_path / "m2.xlsx", 2024, 2)), "--into",
                str(into)], monkeypatch) == 0
    assert run.asked == []
    jan_feb = figure(into, name_zh="工业总产值", value_kind="month", period="2024")
    assert jan_feb["period_detail"] == "2024-01..2024-02"
    assert not load_dataset(into).errors


def test_gb18030_wide_province_by_year(tmp_path, monkeypatch):
    into = tmp_path / "gdp"
    assert run(["import", str(st.gdp_csv(tmp_path / "gdp.csv")), "--into", str(into), "--yes"],
               monkeypatch) == 0
    assert figure(into, entity="江西", period="2024")["value"] == "25700"
    assert figure(into, entity="北京", period="2015")["unit"] == "亿元"  # from the title
    assert figure(into, entity="全国合计", period="2020")["aggregate"] == "yes"
    assert len(rows(into)) == 30


def test_long_table_with_shares_as_fractions(tmp_path, monkeypatch):
    into = tmp_path / "long"
    assert run(["import", str(st.long_csv(tmp_path / "long.csv")), "--into", str(into), "--yes"],
               monkeypatch) == 0
    share = figure(into, name_zh="第一产业占比", entity="江西", period="2022")
    assert (share["value"], share["unit"]) == ("7.64", "%")
    assert figure(into, name_zh="GDP总量", entity="北京", period="2023")["value"] == "43760.7"


def test_two_stacked_tables_each_their_period(tmp_path, monkeypatch):
    into = tmp_path / "district"
    assert run(["import", str(st.stacked_xlsx(tmp_path / "s.xlsx")), "--into", str(into),
                "--yes"], monkeypatch) == 0
    half = figure(into, name_zh="营业收入", entity="高新园", period_detail="2024H1")
    quarter = figure(into, name_zh="营业收入", entity="高新园", period_detail="2024Q1")
    assert (half["value"], quarter["value"]) == ("20", "10")
    assert figure(into, name_zh="营业收入", entity="合计", period_detail="2024Q1")["aggregate"] == "yes"
    assert run(["import", str(tmp_path / "s.xlsx"), "--into", str(tmp_path / "one"), "--yes",
                "--table", "2"], monkeypatch) == 0
    assert {r["period_detail"] for r in rows(tmp_path / "one")} == {"2024Q1"}


def test_old_xls(tmp_path, monkeypatch):
    into = tmp_path / "xls"
    assert run(["import", str(st.yearbook_xls(tmp_path / "yb.xls")), "--into", str(into),
                "--yes"], monkeypatch) == 0
    assert figure(into, name_zh="收入合计", entity="江西")["yoy_pct"] == "12.3"
    assert figure(into, name_zh="企业数", entity="北京")["unit"] == "个"


def test_encrypted_xlsx_with_the_default_password(tmp_path, monkeypatch, capsys):
    plain = st.yearbook_xlsx(tmp_path / "plain.xlsx", 2022)
    locked = st.encrypted_xlsx(tmp_path / "locked.xlsx", plain)
    into = tmp_path / "enc"
    assert run(["import", str(locked), "--into", str(into), "--yes"], monkeypatch) == 0
    assert "已用默认密码解密" in capsys.readouterr().out
    assert figure(into, key="total_profits", entity="北京")["value"] == "980.02"


def test_encrypted_xls_as_the_yearbooks_are(tmp_path, monkeypatch, capsys):
    # RC4 CryptoAPI with Excel's default read-only password, written by tests/xls_encrypt.py
    # (no tool on PyPI writes an encrypted .xls).
    locked = st.encrypted_yearbook_xls(tmp_path / "年鉴5-2.xls", 2021)
    with pytest.raises(Exception, match="password"):  # calamine alone cannot read it
        import python_calamine

        python_calamine.CalamineWorkbook.from_path(str(locked)).get_sheet_by_index(0).to_python()
    into = tmp_path / "enc"
    assert run(["import", str(locked), "--into", str(into), "--yes"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "已用默认密码解密" in out and "表头在第 4, 5 行" in out
    assert figure(into, name_zh="收入合计", entity="江西")["yoy_pct"] == "12.3"
    assert figure(into, name_zh="利润总额", entity="北京", period="2021")["value"] == "980.02"
    assert figure(into, name_zh="企业数", entity="全国")["aggregate"] == "yes"


def test_xls_with_another_password_is_a_message(tmp_path, monkeypatch, capsys):
    locked = st.encrypted_yearbook_xls(tmp_path / "secret.xls", password="s3cret")
    into = tmp_path / "enc"
    assert run(["import", str(locked), "--into", str(into), "--yes"], monkeypatch) == 1
    err = capsys.readouterr().err
    assert err.startswith("secret.xls: 工作簿设有打开密码") and "Traceback" not in err
    assert not into.exists()


def test_into_an_existing_folder_keeps_its_rows(tmp_path, monkeypatch):
    import shutil

    into = tmp_path / "data"
    shutil.copytree(Path(__file__).parent.parent / "data", into)
    before = rows(into)
    assert run(["import", str(st.stacked_xlsx(tmp_path / "s.xlsx")), "--into", str(into),
                "--yes"], monkeypatch) == 0
    after = rows(into)
    assert [{k: r[k] for k in before[0]} for r in after[:len(before)]] == before
    ds = load_dataset(into)
    assert not ds.errors, [p.format("en") for p in ds.errors]
    assert "periods = [2019, 2024]" in (into / "zone.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("content, words", [
    (b"", "文件是空的"),
    (b"PK\x03\x04garbage", "损坏"),
    ("只有一行文字\n".encode("gb18030"), "找不到表头"),
])
def test_bad_input_is_a_message_and_the_folder_unchanged(tmp_path, monkeypatch, capsys,
                                                         content, words):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(content)
    into = tmp_path / "zone"
    into.mkdir()
    (into / "indicators.csv").write_text("section,key\n", encoding="utf-8")
    assert run(["import", str(bad), "--into", str(into), "--yes"], monkeypatch) == 1
    err = capsys.readouterr().err
    assert "bad.xlsx" in err and words in err and "Traceback" not in err
    assert sorted(p.name for p in into.iterdir()) == ["indicators.csv"]


def test_no_answer_writes_nothing(tmp_path, monkeypatch):
    into = tmp_path / "zone"
    assert run(["import", str(st.gdp_csv(tmp_path / "g.csv")), "--into", str(into)],
               monkeypatch, answer=None) == 1
    assert not into.exists()


def test_validate_says_what_an_unknown_sheet_looks_like(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "zone"
    folder.mkdir()
    st.yearbook_xlsx(folder / "indicators.xlsx")  # a yearbook sheet under the table's name
    st.yearbook_xls(folder / "5-2.xls")
    (folder / "stray.bin").write_bytes(b"x")
    main(["--lang", "en", "validate", str(folder)])
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("indicators.xlsx")]
    assert len(lines) == 1 and "region × measure table" in lines[0] and "row 5, 6" in lines[0]
    assert "python main.py import" in lines[0] and "missing column" not in out
    assert any(line.startswith("5-2.xls") and "import" in line for line in out.splitlines())
    assert any(line.startswith("stray.bin") for line in out.splitlines())


def test_period_forms():
    assert parse_period_detail("2023Q1").code() == "2023Q1"
    assert parse_period_detail("2023-01..2023-05").label("zh") == "2023年1–5月"
    assert parse_period_detail("2023-13") is None
    assert parse_period_detail("2023", 2024) is None
    assert period_in_text("2024年1—2月").code() == "2024-01..2024-02"
    assert period_in_text("5-2 各地区高技术产业生产经营情况(2023年)").whole_year
    assert period_in_text("2024年上半年").code() == "2024H1"


def test_unknown_unit_is_declared_in_the_folder_and_reads(tmp_path, monkeypatch, capsys):
    table = tmp_path / "energy.csv"
    table.write_text("2023年各园区能耗\n园区,综合能耗\n高新园,12.5\n物流园,3.25\n", encoding="utf-8")
    into = tmp_path / "zone"
    assert run(["import", str(table), "--into", str(into), "--yes"], monkeypatch) == 1
    assert "综合能耗" in capsys.readouterr().err and not into.exists()  # no unit: asks for one
    assert run(["import", str(table), "--into", str(into), "--yes", "--unit", "万吨标准煤",
                "--section", "environment"], monkeypatch) == 0
    assert 'code = "万吨标准煤"' in (into / "zone.toml").read_text(encoding="utf-8")
    row = figure(into, entity="物流园")
    assert (row["value"], row["unit"], row["section"]) == ("3.25", "万吨标准煤", "environment")
    ds = load_dataset(into)
    assert not ds.errors, [p.format("en") for p in ds.errors]


def test_a_recipe_edit_leaves_a_column_out(tmp_path, monkeypatch):
    into = tmp_path / "zone"
    assert run(["import", str(st.yearbook_xlsx(tmp_path / "a2023.xlsx", 2023)), "--into",
                str(into), "--yes"], monkeypatch) == 0
    recipe = next((into / "recipes").glob("*.toml"))
    text = recipe.read_text(encoding="utf-8")
    start = text.index('role = "measure"\nkey = "total_profits"')
    recipe.write_text(text[:start] + 'role = "skip"\n' + text[start + len('role = "measure"\n'):],
                      encoding="utf-8")
    assert run(["import", str(st.yearbook_xlsx(tmp_path / "a2024.xlsx", 2024)), "--into",
                str(into)], monkeypatch) == 0
    assert run.asked == []
    assert {r["key"] for r in rows(into) if r["period"] == "2024"} == {
        "number_of_enterprises", "m_b573ded0"}


def test_units_convert_within_a_dimension():
    from zoneapp.core.units import convert

    assert convert(35000, "万元", "亿元") == pytest.approx(3.5)
    assert convert(2, "亿美元", "万美元") == pytest.approx(20000)
    assert convert(1, "万元", "吨") is None
    assert convert(3, "万吨标准煤", "吨标准煤", {"万吨标准煤": ("tce", 1e4), "吨标准煤": ("tce", 1)}) \
        == pytest.approx(30000)
