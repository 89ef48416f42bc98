"""#14 tried as a new user, cell by cell: what a figure cell or the file itself holds (words,
a broken byte, a per cent sign, codes, footnote marks, a file where a folder should be), in
tables written the way bureaus publish them (tests/real_shapes.py). Each test here failed
before the fix it names."""
from __future__ import annotations

import real_shapes as rs
from import_runs import pick, rows, run


def test_words_in_a_figure_cell_are_named_by_row_and_column(tmp_path, monkeypatch, capsys):
    # "约25" or a mistyped "12..5" among the figures was left out without a word.
    from openpyxl import load_workbook

    book = rs.yearbook_xlsx(tmp_path / "5-2高技术产业2023.xlsx", 2023)
    wb = load_workbook(book)
    wb.active["D9"], wb.active["F10"] = "约25", "12..5"
    wb.save(book)
    folder = tmp_path / "hitech"
    assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "第 9 行 D 列 “约25”：不是数字，未导入" in out
    assert "第 10 行 F 列 “12..5”：不是数字，未导入" in out
    assert "“-”：不是数字" not in out  # 西藏's "-" means no figure: not a mistake to report
    assert not pick(folder, entity="北京", key="revenue_from_principal_business")
    assert float(pick(folder, entity="北京", key="total_profits")[0]["value"]) == 5.5
    assert run(["--lang", "en", "import", str(book), "--into", str(tmp_path / "en")],
               monkeypatch) == 1
    out = capsys.readouterr().out
    assert "row 9, column D: '约25' is not a number; not imported" in out
    assert "table 1: a region × measure table, header on row 5, 6" in out  # not "a 地 区 × …"


def test_gbk_file_with_a_broken_byte_names_the_cell_and_imports_the_rest(tmp_path, monkeypatch,
                                                                          capsys):
    # One bad byte in a GBK CSV refused the whole file ("cannot decode"); a damaged UTF-8
    # line went in with "�" in the region's name.
    for encoding, name in (("gbk", "gdp_gbk.csv"), ("utf-8", "gdp_utf8.csv")):
        data = "年份,省份,GDP总量(亿元)\n2023,北京,43760.7\n2023,江西,32200.1\n2023,广东,135673.2\n"\
            .encode(encoding)
        at = data.index("江西".encode(encoding))
        table = tmp_path / name
        table.write_bytes(data[:at] + b"\xff" + data[at + 1:])
        folder = tmp_path / name.removesuffix(".csv")
        assert run(["import", str(table), "--into", str(folder), "--yes"], monkeypatch) == 0
        out = capsys.readouterr().out
        assert "第 3 行 B 列有损坏的字节" in out and "跳过第 3 行" in out, out
        assert sorted(r["entity"] for r in rows(folder)) == ["北京", "广东"]
        assert not any("\ufffd" in v for r in rows(folder) for v in r.values())


def test_a_file_that_is_not_text_still_stops_with_its_name(tmp_path, monkeypatch, capsys):
    table = tmp_path / "noise.csv"
    table.write_bytes(bytes(range(128, 256)) * 40)
    assert run(["import", str(table), "--into", str(tmp_path / "f"), "--yes"], monkeypatch) == 1
    assert capsys.readouterr().err.startswith("noise.csv: ")
    assert not (tmp_path / "f").exists()


def test_per_cent_written_with_its_sign(tmp_path, monkeypatch):
    # "7.6%" as text was no number: the share and growth columns were left out.
    table = tmp_path / "各省GDP.csv"
    table.write_text('年份,省份,GDP总量(亿元),第一产业占比,第一产业占比增速\n'
                     '2023年,北京,"43,760.7",0.3%,5.2%\n2023年,上海,"47,218.7",0.2％,1.1%\n'
                     '2023年,全国合计,"1,260,582.1",0.9%,5.2%\n', encoding="gb18030")
    folder = tmp_path / "gdp"
    assert run(["import", str(table), "--into", str(folder), "--yes"], monkeypatch) == 0
    share = {r["entity"]: (r["value"], r["unit"], r["yoy_pct"])
             for r in pick(folder, name_zh="第一产业占比")}
    # per cent already: not multiplied by 100 though every one is below 1
    assert share == {"北京": ("0.3", "%", "5.2"), "上海": ("0.2", "%", "1.1"),
                     "全国合计": ("0.9", "%", "5.2")}
    assert pick(folder, entity="上海", name_zh="GDP总量")[0]["value"] == "47218.7"


def test_a_code_column_is_not_a_measure(tmp_path, monkeypatch, capsys):
    # 区划代码 (361102 …) was imported as a figure in 亿元.
    table = tmp_path / "各县主要指标2023.csv"
    table.write_bytes("2023年各县（市、区）主要指标\n单位：亿元\n区划代码,县（市、区）,地区生产总值,增速(%),"
                      "一般公共预算收入\n361102,信州区,520.3,5.1,30.2\n361103,广丰区,480.1,4.8,28.5\n"
                      .encode("gb18030"))
    folder = tmp_path / "county"
    assert run(["import", str(table), "--into", str(folder), "--yes"], monkeypatch) == 0
    assert "忽略列 A “区划代码”: 代码、序号或排名列" in capsys.readouterr().out
    assert {r["name_zh"] for r in rows(folder)} == {"地区生产总值", "一般公共预算收入"}
    ranked = tmp_path / "重点企业2023.csv"
    ranked.write_text("2023年高新区重点企业主营业务收入\n单位：万元\n排名,企业名称,主营业务收入,增速(%)\n"
                      "1,江西甲电子有限公司,523000,12.1\n2,乙光伏科技股份有限公司,410000,-3.2\n"
                      ",合计,933000,6.0\n", encoding="utf-8")
    assert run(["import", str(ranked), "--into", str(tmp_path / "firms"), "--yes"],
               monkeypatch) == 0
    assert "忽略列 A “排名”: 代码、序号或排名列" in capsys.readouterr().out
    assert {r["name_zh"] for r in rows(tmp_path / "firms")} == {"主营业务收入"}
    assert run(["--lang", "en", "import", str(table), "--into", str(folder)], monkeypatch) == 0
    assert "column skipped A “区划代码”: codes, row numbers or ranks" in capsys.readouterr().out


def test_into_a_file_says_it_is_not_a_folder(tmp_path, monkeypatch, capsys):
    # "--into gdp.csv" (arguments swapped) ended in "cannot write …: File exists" after
    # printing the whole plan.
    table = rs.gdp_long_csv(tmp_path / "gdp.csv")
    before = table.read_bytes()
    assert run(["import", str(table), "--into", str(table), "--yes"], monkeypatch) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "这不是文件夹；--into 应是数据文件夹" in captured.err
    assert table.read_bytes() == before


def test_a_footnote_mark_on_a_name_is_not_part_of_it(tmp_path, monkeypatch):
    # "北    京①" became the entity 北京1 (NFKC makes ① a 1): a second Beijing beside 北京.
    from openpyxl import load_workbook

    folder = tmp_path / "hitech"
    for year, mark in ((2022, ""), (2023, "①")):
        book = rs.yearbook_xlsx(tmp_path / f"5-2高技术产业{year}.xlsx", year)
        wb = load_workbook(book)
        wb.active["A9"] = "北    京" + mark
        wb.active["A10"] = "天    津" + ("¹" if mark else "")
        wb.save(book)
        assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    entities = {r["entity"] for r in rows(folder)}
    assert {"北京", "天津"} <= entities and not any(e[-1].isdigit() for e in entities)
    assert len(pick(folder, entity="北京", key="number_of_enterprises")) == 2
