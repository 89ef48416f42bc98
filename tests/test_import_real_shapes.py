"""#14 tried as a new user: tables written the way bureaus publish them (tests/real_shapes.py,
made without looking at statistics_tables.py), imported with the real command. Each test
here failed before the fix it names. What a cell or the file itself holds (words in a figure
cell, a broken byte, codes, footnote marks) is in test_import_real_cells.py."""
from __future__ import annotations

from pathlib import Path

import real_shapes as rs
from import_runs import pick, rows, run
from zoneapp.cli import main


def test_yearbook_with_dashes_for_missing_figures_imports(tmp_path, monkeypatch, capsys):
    # "-" in a growth or value cell (西藏) crashed the import: pandas 3 handed back a read-only
    # array and the cleaned cells were written into it.
    folder = tmp_path / "hitech"
    for year in (2021, 2022, 2023):
        book = rs.yearbook_xlsx(tmp_path / f"5-2高技术产业{year}.xlsx", year)
        assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "表头在第 5, 6 行" in out and "合计行（不参与排名）: 全国、东部地区、中部地区" in out
    assert "名称列: A “地区”，英文 B" in out  # the padded "地    区" as it is meant
    assert out.count("无数据的单元格（空白或“-”“…”）：1 个，未导入") == 3  # 西藏's export, each year
    tibet = pick(folder, entity="西藏", period="2023")
    assert {r["key"] for r in tibet} == {"number_of_enterprises", "revenue_from_principal_business",
                                         "total_profits"}  # no export figure: it was "-"
    assert next(r for r in tibet if r["key"] == "revenue_from_principal_business")["yoy_pct"] == ""
    jx = pick(folder, entity="江西", period="2022", key="revenue_from_principal_business")
    assert [(float(r["value"]), r["unit"], r["yoy_pct"]) for r in jx] == [(72.5, "亿元", "9.9")]
    assert pick(folder, entity="全国", period="2021", key="number_of_enterprises")[0][
        "aggregate"] == "yes"
    # An English name wrapped over lines in the header cell keeps its last word ("Value" was
    # dropped as if it were the sub-column 绝对值's "Value").
    export = pick(folder, entity="北京", period="2023", key="export_delivery_value")
    assert [(r["name_zh"], r["name_en"]) for r in export] == [("出口交货值", "Export Delivery Value")]


def test_yearbook_xls_after_xlsx_uses_the_same_recipe(tmp_path, monkeypatch):
    folder = tmp_path / "hitech"
    book = rs.yearbook_xlsx(tmp_path / "5-2高技术产业2023.xlsx", 2023)
    assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    old = rs.yearbook_xls(tmp_path / "5-2高技术产业2020.xls", 2020)
    assert run(["import", str(old), "--into", str(folder)], monkeypatch) == 0
    assert run.asked == []
    assert float(pick(folder, entity="北京", period="2020", key="total_profits")[0]["value"]) \
        == 3.85


def test_monthly_report_january_february_then_march_asks_nothing(tmp_path, monkeypatch, capsys):
    # 1-2月 reports head their 本月 column "1-2月" beside "1-2月累计": both were read as
    # year-to-date (two different rows for one figure), and March's 本月 | 1-3月累计 then
    # counted as a changed shape and asked.
    folder = tmp_path / "monthly"
    jan_feb = rs.monthly_xlsx(tmp_path / "工业月报2024-02.xlsx", 2024, 2)
    assert run(["import", str(jan_feb), "--into", str(folder), "--yes"], monkeypatch) == 0
    for m in (3, 4):
        book = rs.monthly_xlsx(tmp_path / f"工业月报2024-{m:02d}.xlsx", 2024, m)
        assert run(["import", str(book), "--into", str(folder)], monkeypatch) == 0
        assert run.asked == [], m
    out = capsys.readouterr().out
    assert "recipes/工业月报.toml" in out  # one recipe for every month, not 工业月报-02
    assert "与已保存的配方相比有变化" not in out
    first = pick(folder, entity="信州区", period_detail="2024-01..2024-02")
    assert sorted((r["value_kind"], float(r["value"])) for r in first) == [
        ("month", 242400.0), ("ytd", 242400.0)]
    march = {r["value_kind"]: float(r["value"]) for r in pick(folder, entity="信州区")
             if r["period_detail"] in ("2024-03", "2024Q1")}
    assert march == {"month": 123600.0, "ytd": 365400.0}
    assert {r["unit"] for r in rows(folder)} == {"万元"}


def test_unit_the_app_does_not_know_is_taken_from_the_header_and_declared(tmp_path,
                                                                           monkeypatch, capsys):
    # "(万吨标准煤)", "(万辆)" in a header stopped the import ("no unit found"), though the
    # table says its unit; now they are declared in zone.toml with their magnitude.
    table = tmp_path / "其他指标2023.csv"
    table.write_bytes("2023年各园区其他指标\n园区,综合能源消费量(万吨标准煤),新能源汽车产量(万辆),"
                      "规上工业增加值(现价),研发人员全时当量(人年)\n甲园区,12.5,3.2,40,1520\n"
                      "乙园区,8,1.1,30,830\n".encode("gb18030"))
    folder = tmp_path / "parks"
    assert run(["import", str(table), "--into", str(folder), "--yes", "--unit", "亿元"],
               monkeypatch) == 0
    out = capsys.readouterr().out
    assert "新单位将在 zone.toml 中声明：万吨标准煤、万辆" in out
    units = {r["name_zh"]: r["unit"] for r in rows(folder)}
    # 现价 in brackets is not a unit: --unit gives it one.
    assert units == {"综合能源消费量": "万吨标准煤", "新能源汽车产量": "万辆",
                     "规上工业增加值": "亿元", "研发人员全时当量": "人年"}
    manifest = (folder / "zone.toml").read_text(encoding="utf-8")
    assert 'code = "万吨标准煤"\ndimension = "吨标准煤"\nfactor = 10000' in manifest
    assert 'code = "万辆"\ndimension = "辆"\nfactor = 10000' in manifest
    assert main(["validate", str(folder)]) == 0


def test_a_workbook_whose_first_sheet_is_a_contents_page(tmp_path, monkeypatch, capsys):
    # A yearbook workbook opening with 目录 stopped at "every row of this sheet ..." without
    # naming the sheet or the others.
    from openpyxl import Workbook, load_workbook

    book = rs.yearbook_xlsx(tmp_path / "第五章.xlsx", 2023)
    wb = load_workbook(book)
    wb.create_sheet("目录", 0)["A1"] = "5-1 …  5-2 …"
    wb.create_sheet("5-3")["A1"] = "5-3 …"
    wb.save(book)
    folder = tmp_path / "hitech"
    assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "工作表“目录”中没有数据表，读取了“5-2”" in out
    assert "工作簿中还有工作表：5-3（用 --sheet 名称 导入）" in out
    assert pick(folder, entity="江西", key="number_of_enterprises")[0]["value"] == "2500"

    empty = Workbook()
    empty.active.title = "封面"
    empty.create_sheet("说明")["A1"] = "说明文字"
    empty.save(tmp_path / "无表.xlsx")
    assert run(["import", str(tmp_path / "无表.xlsx"), "--into", str(folder), "--yes"],
               monkeypatch) == 1
    assert "（所有工作表都是如此：封面、说明）" in capsys.readouterr().err
    assert run(["import", str(tmp_path / "无表.xlsx"), "--sheet", "封面", "--into", str(folder),
                "--yes"], monkeypatch) == 1
    assert capsys.readouterr().err.startswith("无表.xlsx: 工作表“封面”：")


def test_a_moved_or_renamed_column_is_said_with_its_letters_and_asked(tmp_path, monkeypatch,
                                                                      capsys):
    # "列…换了位置" said that a column moved, not from where to where.
    folder = tmp_path / "hitech"
    book = rs.yearbook_xlsx(tmp_path / "5-2高技术产业2023.xlsx", 2023)
    assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    assert 'column = "F"' in (folder / "recipes" / "5-2高技术产业.toml").read_text("utf-8")
    capsys.readouterr()
    before = (folder / "indicators.csv").read_bytes()
    swapped = rs.yearbook_xlsx(tmp_path / "5-2高技术产业2024.xlsx", 2024, swap=True)
    assert run(["import", str(swapped), "--into", str(folder)], monkeypatch, answer="n") == 1
    out = capsys.readouterr().out
    assert "列“利润总额 Total Profits”换了位置：原在 F 列，现在 D 列" in out
    assert len(run.asked) == 1 and (folder / "indicators.csv").read_bytes() == before
    assert run(["import", str(swapped), "--into", str(folder)], monkeypatch, answer="y") == 0
    # The values follow their headers, not their old places.
    assert float(pick(folder, entity="北京", period="2024", key="total_profits")[0]["value"]) \
        == 6.05
    assert run(["import", str(swapped), "--into", str(folder)], monkeypatch) == 0
    assert run.asked == []  # the accepted shape is the recipe now
    renamed = rs.yearbook_xlsx(tmp_path / "5-2高技术产业2025.xlsx", 2025, swap=True,
                               rename="利润")
    assert run(["import", str(renamed), "--into", str(folder)], monkeypatch) == 1
    out = capsys.readouterr().out
    assert "新的列：“利润 Total Profits”" in out and "不再有列：“利润总额 Total Profits”" in out


def test_quarterly_zone_table_each_quarter_into_one_recipe(tmp_path, monkeypatch, capsys):
    # 功能区2024Q1.xlsx saved a recipe named "功能区Q1", which then stood for every quarter.
    folder = tmp_path / "district"
    for q in (1, 2):
        book = rs.zones_xlsx(tmp_path / f"功能区2024Q{q}.xlsx", 2024, q)
        assert run(["import", str(book), "--into", str(folder)], monkeypatch,
                   answer="y" if q == 1 else None) == 0
        assert len(run.asked) == (1 if q == 1 else 0)
    out = capsys.readouterr().out
    assert "recipes/功能区.toml" in out and "表注（存入 zone.toml 的来源说明）: 注:营业收入" in out
    assert [p.name for p in (folder / "recipes").iterdir()] == ["功能区.toml"]
    cbd = {(r["name_zh"], r["period_detail"]): (float(r["value"]), r["unit"], r["yoy_pct"])
           for r in pick(folder, entity="中央商务区")}
    assert cbd[("营业收入", "2024Q1")] == (210.0, "亿元", "6.5")
    assert cbd[("营业收入", "2024H1")] == (420.0, "亿元", "6.5")
    assert cbd[("税收收入", "2024H1")] == (30000.0, "万元", "4")
    assert cbd[("入驻企业", "2024Q1")] == (1201.0, "家", "")
    assert {r["aggregate"] for r in pick(folder, entity="合计")} == {"yes"}


def test_wide_province_by_year_is_one_line_and_right_figures(tmp_path, monkeypatch, capsys):
    # Ten identical "指标 B … 2015", "指标 C … 2016" lines hid the rest of what was found.
    table = rs.gdp_wide_csv(tmp_path / "各省GDP.csv", "gb18030")
    folder = tmp_path / "gdp"
    assert run(["import", str(table), "--into", str(folder), "--yes"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "  指标 B–K “地区生产总值” → gdp [亿元]，2015–2024 年（10 列）" in out
    assert out.count("地区生产总值”") == 1
    jx = {r["period"]: float(r["value"]) for r in pick(folder, entity="江西")}
    assert jx["2023"] == 32200.1 and jx["2015"] == round(32200.1 * 0.6, 1) and len(jx) == 10
    long = rs.gdp_long_csv(tmp_path / "各省GDP长表.csv", "utf-8-sig", years=(2024,))
    assert run(["import", str(long), "--into", str(folder), "--yes"], monkeypatch) == 0
    share = pick(folder, entity="北京", name_zh="第一产业占比")
    assert [(r["value"], r["unit"]) for r in share] == [("7.22", "%")]


def test_two_parts_of_one_name_under_different_wholes_are_both_kept(tmp_path, monkeypatch,
                                                                     capsys):
    # A bureau's indicator list with "其中：制造业" under 固定资产投资 and again under 实际利用外资
    # gave both the key of "制造业": one figure was lost as a duplicate of the other.
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws["A1"] = "上饶市2024年3月主要经济指标"
    ws.append(["指标", "单位", "本月", "同比增长%", "1-3月累计", "累计增长%"])
    for row in (("固定资产投资", "亿元", None, None, 300, 5.0), ("  其中：制造业", "亿元", None, None, 100, 8.0),
                ("实际利用外资", "万美元", 1200, 10.0, 3600, 12.0),
                ("  其中：制造业", "万美元", 800, 5.0, 2400, 6.0),
                ("社会消费品零售总额", "亿元", 88.8, 6.6, 270, 6.0), ("  其中：网上零售", "亿元", 9, 20.0, 27, 21.0)):
        ws.append(list(row))
    book = tmp_path / "主要指标2024-03.xlsx"
    wb.save(book)
    folder = tmp_path / "city"
    assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    ytd = {r["name_zh"]: (float(r["value"]), r["unit"]) for r in rows(folder)
           if r["value_kind"] == "ytd"}
    assert ytd == {"固定资产投资": (300.0, "亿元"), "固定资产投资:制造业": (100.0, "亿元"),
                   "实际利用外资": (3600.0, "万美元"), "实际利用外资:制造业": (2400.0, "万美元"),
                   "社会消费品零售总额": (270.0, "亿元"), "网上零售": (27.0, "亿元")}  # unique: as before
    assert main(["validate", str(folder)]) == 0


def test_the_same_month_again_replaces_only_its_rows_said_in_words(tmp_path, monkeypatch,
                                                                   capsys):
    # The replaced period was said as "2024 2024-03、2024 2024Q1".
    folder = tmp_path / "monthly"
    for m in (3, 4):
        book = rs.monthly_xlsx(tmp_path / f"工业月报2024-{m:02d}.xlsx", 2024, m)
        assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    before = (folder / "indicators.csv").read_bytes()
    april = [r for r in rows(folder) if r["period_detail"] in ("2024-04", "2024-01..2024-04")]
    capsys.readouterr()
    again = rs.monthly_xlsx(tmp_path / "工业月报2024-03.xlsx", 2024, 3)
    assert run(["import", str(again), "--into", str(folder)], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "替换已有的 10 行（同一期间：2024年3月、2024年一季度），原文件备份到 backups/" in out
    backups = list((folder / "backups").iterdir())
    assert any(b.read_bytes() == before for b in backups)
    assert [r for r in rows(folder) if r["period_detail"] in ("2024-04", "2024-01..2024-04")] \
        == april
    assert len(rows(folder)) == 20


def test_wide_yearbook_sheet_with_years_as_numbers_and_a_growth_column(tmp_path, monkeypatch,
                                                                        capsys):
    # 地区 | Region | 2020 | 2021 | 2022 | 2022年比上年增长(%): the header row was taken for
    # data (three labels beside the years), then the years typed as numbers read "2020.0".
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws["A1"] = "3-1 各地区研究与试验发展(R&D)人员全时当量"
    ws["A2"] = "Full-time Equivalent of R&D Personnel by Region"
    ws["F3"] = "(unit: person-years)"
    ws.append([])
    ws.append(["地  区", "Region", 2020, 2021, 2022, "2022年比上年增长(%)"])
    for row in (("全  国", "National", 5234000, 5718000, 6354000, 11.1),
                ("北  京", "Beijing", 473000, 503000, 520000, 3.4),
                ("江  西", "Jiangxi", 80000, 91000, 105000, 15.4)):
        ws.append(list(row))
    ws.append(["资料来源：科技部。"])
    book = tmp_path / "3-1.xlsx"
    wb.save(book)
    folder = tmp_path / "rd"
    assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "表 1：“地区”×年份表，表头在第 5 行" in out
    jx = {r["period"]: (float(r["value"]), r["unit"], r["yoy_pct"]) for r in pick(folder, entity="江西")}
    assert jx == {"2020": (80000.0, "人年", ""), "2021": (91000.0, "人年", ""),
                  "2022": (105000.0, "人年", "15.4")}
    names = {(r["name_zh"], r["name_en"], r["key"]) for r in rows(folder)}
    assert names == {("研究与试验发展人员全时当量", "Full-time Equivalent of R&D Personnel",
                      "full_time_equivalent_of_r_d_personnel")}
    assert pick(folder, entity="全国", period="2022")[0]["aggregate"] == "yes"


def test_a_month_written_in_another_unit_is_converted_or_asked(tmp_path, monkeypatch, capsys):
    # The bureau switched from 万元 to 亿元 in June: the recipe's 万元 was written beside the
    # 亿元 figures (106 万元 for 106 亿元), and nothing was asked.
    from openpyxl import load_workbook

    folder = tmp_path / "monthly"
    may = rs.monthly_xlsx(tmp_path / "工业月报2024-05.xlsx", 2024, 5)
    assert run(["import", str(may), "--into", str(folder), "--yes"], monkeypatch) == 0
    june = rs.monthly_xlsx(tmp_path / "工业月报2024-06.xlsx", 2024, 6)
    wb = load_workbook(june)
    ws = wb.active
    ws["E2"] = "单位：亿元，%"
    for r in range(5, 10):
        for c in (2, 4):
            ws.cell(r, c).value = ws.cell(r, c).value / 10000
    wb.save(june)
    capsys.readouterr()
    assert run(["import", str(june), "--into", str(folder)], monkeypatch) == 0
    assert run.asked == []
    assert "表中单位为亿元，按配方换算为万元" in capsys.readouterr().out
    month = pick(folder, entity="全市", period_detail="2024-06")
    assert [(float(r["value"]), r["unit"]) for r in month] == [(1060000.0, "万元")]
    ws["E2"] = "单位：吨，%"  # another dimension: not converted, said and asked
    july = tmp_path / "工业月报2024-07.xlsx"
    ws["A1"] = "2024年7月全市规模以上工业生产情况"
    wb.save(july)
    assert run(["import", str(july), "--into", str(folder)], monkeypatch) == 1
    assert "列“现价工业产值 / 本月”的单位由“万元”变为“吨”" in capsys.readouterr().out
    assert not pick(folder, period_detail="2024-07")


def test_an_indicator_row_written_in_another_unit_is_converted(tmp_path, monkeypatch, capsys):
    # Rows that are indicators: the recipe kept no unit, so April's 亿美元 went in beside
    # March's 万美元 (one series in two units); a unit the user gave the recipe was written
    # beside figures in another.
    from openpyxl import Workbook

    def report(month: int, unit: str, value: float) -> Path:
        wb = Workbook()
        ws = wb.active
        ws["A1"] = f"上饶市2024年{month}月主要经济指标"
        ws.append(["指标", "单位", "本月", "同比增长%", f"1-{month}月累计", "累计增长%"])
        ws.append(["实际利用外资", unit, value, 10.0, value * month, 12.0])
        ws.append(["工业用电量", "亿千瓦时", 5.5, 3.2, 5.5 * month, 4.0])
        path = tmp_path / f"主要指标2024-{month:02d}.xlsx"
        wb.save(path)
        return path

    folder = tmp_path / "city"
    assert run(["import", str(report(3, "万美元", 1200)), "--into", str(folder), "--yes"],
               monkeypatch) == 0
    recipe = (folder / "recipes" / "主要指标.toml").read_text("utf-8")
    assert 'name = "实际利用外资"\nkey = "fdi_actual"\nname_zh = "实际利用外资"\nname_en = ""\n' \
        'unit = "万美元"' in recipe  # the unit it was first written in
    capsys.readouterr()
    assert run(["import", str(report(4, "亿美元", 0.15)), "--into", str(folder)], monkeypatch) == 0
    assert run.asked == []
    assert "  “实际利用外资”表中单位为亿美元，按配方换算为万美元" in capsys.readouterr().out
    april = pick(folder, name_zh="实际利用外资", period_detail="2024-04")
    assert [(round(float(r["value"]), 6), r["unit"]) for r in april] == [(1500.0, "万美元")]
    assert pick(folder, name_zh="工业用电量", period_detail="2024-04")[0]["value"] == "5.5"


def test_english_unit_line_of_a_yearbook(tmp_path, monkeypatch, capsys):
    # "(unit,100 million yuan)" is the English of 单位：个，亿元: "unit" was read as the label,
    # so 企业数 was counted in 亿元.
    from openpyxl import load_workbook

    book = rs.yearbook_xlsx(tmp_path / "5-2.xlsx", 2023)
    wb = load_workbook(book)
    wb.active["G3"] = "(unit,100 million yuan)"
    wb.active["C5"] = "企业数\nNumber of\nEnterprises"
    wb.save(book)
    folder = tmp_path / "hitech"
    assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    assert "指标 C “企业数” → number_of_enterprises [个]" in capsys.readouterr().out
    assert {r["key"]: r["unit"] for r in pick(folder, entity="江西")} == {
        "number_of_enterprises": "个", "revenue_from_principal_business": "亿元",
        "total_profits": "亿元", "export_delivery_value": "亿元"}


def test_a_figure_at_the_period_end_is_a_stock(tmp_path, monkeypatch, capsys):
    # 期末从业人员, 贷款余额 came in as figures "for the period", like 营业收入.
    table = tmp_path / "园区2024上半年.csv"
    table.write_text("2024年上半年各园区主要指标\n园区,营业收入(亿元),期末从业人员(人),贷款余额(亿元)\n"
                     "合计,520,30000,88.5\n甲园区,300,18000,50\n乙园区,220,12000,38.5\n",
                     encoding="utf-8")
    folder = tmp_path / "parks"
    assert run(["import", str(table), "--into", str(folder), "--yes"], monkeypatch) == 0
    assert "指标 D “贷款余额” → m_b595f95c [亿元]，期末数" in capsys.readouterr().out
    kinds = {r["name_zh"]: (r["value_kind"], r["period_detail"]) for r in pick(folder, entity="甲园区")}
    assert kinds == {"营业收入": ("", "2024H1"), "期末从业人员": ("stock", "2024H1"),
                     "贷款余额": ("stock", "2024H1")}
    assert main(["validate", str(folder)]) == 0


def test_imports_in_one_second_each_keep_their_backup(tmp_path, monkeypatch):
    # A script importing month after month: the backups were named to the second, and each
    # import replaced the backup the one before it had written.
    from zoneapp.core.tables import folder as folder_io

    monkeypatch.setattr(folder_io, "_stamp", lambda: "20241203-090210")
    folder = tmp_path / "city"
    sizes = []
    for m in (2, 3, 4, 5):
        book = rs.monthly_xlsx(tmp_path / f"工业月报2024-{m:02d}.xlsx", 2024, m)
        if (folder / "indicators.csv").exists():
            sizes.append((folder / "indicators.csv").read_bytes())
        assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    backups = sorted((folder / "backups").iterdir(), key=lambda p: p.stat().st_mtime_ns)
    assert [p.name for p in backups] == ["indicators-20241203-090210.csv",
                                         "indicators-20241203-090210-2.csv",
                                         "indicators-20241203-090210-3.csv"]
    assert [p.read_bytes() for p in backups] == sizes
