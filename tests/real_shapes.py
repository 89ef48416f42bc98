"""Tables shaped as statistics bureaus publish them, written from code for the import tests
(tests/test_import_real_shapes.py): a yearbook sheet, province GDP CSVs, a city's monthly
industry report, a district's quarterly zone table, stacked tables, units the app does not
know. Written without looking at statistics_tables.py, as a new user's files would be."""
from __future__ import annotations

from pathlib import Path

# (name padded as printed, English, enterprises, revenue, growth %, profit, export) for 2023;
# other years scale these so each year's figures differ and are checkable.
REGIONS = [
    ("全    国", "National", 50000, 1500.0, 5.1, 100.0, 400.0),
    ("东部地区", "Eastern Region", 30000, 900.0, 4.2, 60.0, 300.0),
    ("北    京", "Beijing", 1000, 60.5, 3.3, 5.5, 12.0),
    ("天    津", "Tianjin", 800, 30.2, -2.1, 2.5, 8.0),
    ("河    北", "Hebei", 1200, 25.0, 6.0, 1.8, 3.1),
    ("中部地区", "Central Region", 12000, 400.0, 7.5, 25.0, 70.0),
    ("山    西", "Shanxi", 300, 10.4, 8.8, 0.7, 1.2),
    ("江    西", "Jiangxi", 2500, 80.6, 9.9, 4.4, 20.5),
    ("西    藏", "Tibet", 10, 0.3, None, 0.05, None),  # "-" in growth and export
]


def year_factor(year: int) -> float:
    return 1 + (year - 2023) * 0.1


def yearbook_rows(year: int) -> list[tuple]:
    f = year_factor(year)
    out = []
    for zh, en, n, rev, g, prof, exp in REGIONS:
        out.append((zh, en, int(round(n * f)), round(rev * f, 1), g,
                    round(prof * f, 2), None if exp is None else round(exp * f, 1)))
    return out


def yearbook_xlsx(path: Path, year: int = 2023, *, swap: bool = False,
                  rename: str | None = None) -> Path:
    """"5-2 各地区高技术产业生产经营情况(YEAR年)": title, English title, unit line at the
    right, a blank row, a two-row merged bilingual header, name + English name columns,
    aggregates, '-' for missing, footnotes. `swap` moves 利润总额 before 营业收入; `rename`
    gives 利润总额 another name (a changed shape)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    ws = wb.active
    ws.title = "5-2"
    ws["A1"] = f"5-2 各地区高技术产业生产经营情况({year}年)"
    ws.merge_cells("A1:G1")
    ws["A2"] = f"Operation of High-tech Industry by Region ({year})"
    ws.merge_cells("A2:G2")
    ws["G3"] = "单位：个，亿元"
    # row 4 blank spacer
    ws["A5"], ws["B5"] = "地    区", "Region"
    ws.merge_cells("A5:A6")
    ws.merge_cells("B5:B6")
    ws["C5"] = "企业数\n(个)\nNumber of\nEnterprises\n(unit)"
    ws.merge_cells("C5:C6")
    rev_col, prof_col = ("E", "D") if swap else ("D", "F")
    ws[f"{rev_col}5"] = "营业收入\nRevenue from\nPrincipal Business"
    nxt = chr(ord(rev_col) + 1)
    ws.merge_cells(f"{rev_col}5:{nxt}5")
    ws[f"{rev_col}6"] = "绝对值\nValue"
    ws[f"{nxt}6"] = "增速(%)\nGrowth\nRate"
    ws[f"{prof_col}5"] = (rename or "利润总额") + "\nTotal Profits"
    ws.merge_cells(f"{prof_col}5:{prof_col}6")
    ws["G5"] = "出口交货值\nExport Delivery\nValue"
    ws.merge_cells("G5:G6")
    for row in ws.iter_rows(min_row=5, max_row=6):
        for c in row:
            c.alignment = Alignment(wrap_text=True)
    r = 7
    for zh, en, n, rev, g, prof, exp in yearbook_rows(year):
        cols = {"A": zh, "B": en, "C": n, rev_col: rev, nxt: "-" if g is None else g,
                prof_col: prof, "G": "-" if exp is None else exp}
        for col, v in cols.items():
            ws[f"{col}{r}"] = v
        r += 1
    ws[f"A{r}"] = "注：1. 本表统计范围为规模以上工业企业。"
    ws[f"A{r + 1}"] = "    2. 东部地区包括北京、天津、河北等10省（市）。"
    wb.save(path)
    return path


def yearbook_xls(path: Path, year: int = 2022) -> Path:
    """The same sheet as an old .xls (xlwt, BIFF8), merged cells written with write_merge."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("5-2")
    ws.write_merge(0, 0, 0, 6, f"5-2 各地区高技术产业生产经营情况({year}年)")
    ws.write_merge(1, 1, 0, 6, f"Operation of High-tech Industry by Region ({year})")
    ws.write(2, 6, "单位：个，亿元")
    ws.write_merge(4, 5, 0, 0, "地    区")
    ws.write_merge(4, 5, 1, 1, "Region")
    ws.write_merge(4, 5, 2, 2, "企业数\n(个)\nNumber of\nEnterprises\n(unit)")
    ws.write_merge(4, 4, 3, 4, "营业收入\nRevenue from\nPrincipal Business")
    ws.write(5, 3, "绝对值\nValue")
    ws.write(5, 4, "增速(%)\nGrowth\nRate")
    ws.write_merge(4, 5, 5, 5, "利润总额\nTotal Profits")
    ws.write_merge(4, 5, 6, 6, "出口交货值\nExport Delivery\nValue")
    r = 6
    for zh, en, n, rev, g, prof, exp in yearbook_rows(year):
        for c, v in enumerate((zh, en, n, rev, "-" if g is None else g, prof,
                               "-" if exp is None else exp)):
            ws.write(r, c, v)
        r += 1
    ws.write(r, 0, "注：1. 本表统计范围为规模以上工业企业。")
    wb.save(str(path))
    return path


PROVINCES = [("全国", 1260582.1), ("北京", 43760.7), ("江西", 32200.1), ("广东", 135673.2),
             ("西藏", 2392.7)]


def gdp_long_csv(path: Path, encoding: str = "gb18030", years=(2022, 2023)) -> Path:
    """年份,省份,GDP总量(亿元),第一产业,第二产业,第三产业 (亿元),第一产业占比 (fraction)."""
    lines = ["年份,省份,GDP总量(亿元),第一产业(亿元),第二产业(亿元),第三产业(亿元),第一产业占比"]
    for y in years:
        for i, (p, gdp) in enumerate(PROVINCES):
            g = round(gdp * (1 + (y - 2023) * 0.05), 1)
            a, b = round(g * 0.0722, 1), round(g * 0.38, 1)
            lines.append(f"{y},{p},{g},{a},{b},{round(g - a - b, 1)},0.0722")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def gdp_wide_csv(path: Path, encoding: str = "utf-8-sig") -> Path:
    """地区生产总值(亿元) title line, then 省份 × 2015年 … 2024年."""
    years = range(2015, 2025)
    lines = ["地区生产总值(亿元)", "省份," + ",".join(f"{y}年" for y in years)]
    for p, gdp in PROVINCES:
        lines.append(p + "," + ",".join(str(round(gdp * (1 + (y - 2023) * 0.05), 1))
                                        for y in years))
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


DISTRICTS = [("全市", 1000000.0), ("信州区", 120000.0), ("广丰区", 230000.0),
             ("上饶经开区", 410000.0), ("高新区", 90000.0)]


def month_label(m: int) -> str:
    return "1-2月" if m == 2 else f"{m}月"


def monthly_values(m: int) -> list[tuple]:
    """(district, 本月, 增长%, 累计, 累计增长%) in 万元; month 2 stands for 1–2月."""
    out = []
    for i, (d, base) in enumerate(DISTRICTS):
        ytd = round(base * m * (1 + m / 200), 1)
        month = ytd if m == 2 else round(base * (1 + m / 100), 1)  # 1-2月: the same figure
        ytd_growth = round(6.0 + i / 2 + m / 10, 1)
        growth = ytd_growth if m == 2 else round(5.0 + i - m / 10, 1)
        out.append((d, month, growth, ytd, ytd_growth))
    return out


def monthly_xlsx(path: Path, year: int = 2024, m: int = 3) -> Path:
    """"2024年3月全市规模以上工业生产情况", 单位：万元，%, a merged 现价工业产值 over
    本月 | 增长% | 1-3月累计 | 累计增长%; January and February together as 1-2月."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = f"{month_label(m)}"
    ws["A1"] = f"{year}年{month_label(m)}全市规模以上工业生产情况"
    ws.merge_cells("A1:E1")
    ws["E2"] = "单位：万元，%"
    ws["A3"] = "县（市、区）"
    ws.merge_cells("A3:A4")
    ws["B3"] = "现价工业产值"
    ws.merge_cells("B3:E3")
    ytd = "1-2月" if m == 2 else f"1-{m}月"
    if m == 2:
        ws["B4"], ws["C4"], ws["D4"], ws["E4"] = "1-2月", "增长%", f"{ytd}累计", "累计增长%"
    else:
        ws["B4"], ws["C4"], ws["D4"], ws["E4"] = "本月", "增长%", f"{ytd}累计", "累计增长%"
    for r, row in enumerate(monthly_values(m), start=5):
        for c, v in enumerate(row):
            ws.cell(r, c + 1, v)
    wb.save(path)
    return path


ZONES = [("合计", 520.0, 8.1, 36000.0, 5.0, 3000), ("中央商务区", 210.0, 6.5, 15000.0, 4.0, 1200),
         ("高新技术产业园", 190.0, 10.2, 12000.0, 7.5, 900), ("临空经济区", 120.0, 7.7, 9000.0, 2.2, 900)]
QUARTERS = {1: "一季度", 2: "上半年", 3: "前三季度", 4: "全年"}


def zones_xlsx(path: Path, year: int = 2024, q: int = 1) -> Path:
    """A district's quarterly table of functional zones, units in the header cells."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "功能区"
    ws["A1"] = f"{year}年{QUARTERS[q]}XX区功能区主要经济指标"
    ws.merge_cells("A1:F1")
    ws.append(["功能区", "营业收入(亿元)", "增速(%)", "税收收入(万元)", "增速(%)", "入驻企业(家)"])
    for name, rev, g, tax, tg, n in ZONES:
        ws.append([name, round(rev * q, 1), g, round(tax * q, 1), tg, n + q])
    ws.append(["注：营业收入、税收收入为累计数。"])
    wb.save(path)
    return path


def stacked_xlsx(path: Path, year: int = 2024) -> Path:
    """Two tables in one sheet: 上半年 above 一季度, each with its title and header."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "主要指标"
    for title, mult in ((f"{year}年上半年各园区主要指标", 2), (f"{year}年一季度各园区主要指标", 1)):
        ws.append([title])
        ws.append(["", "", "单位：亿元，%"])
        ws.append(["园区", "工业增加值", "增速"])
        for name, v, g in (("合计", 300.0, 6.0), ("甲园区", 180.0, 5.0), ("乙园区", 120.0, 7.5)):
            ws.append([name, v * mult, g + mult])
        ws.append([])
        ws.append([])
    wb.save(path)
    return path


def odd_units_csv(path: Path, year: int = 2023) -> Path:
    """Units the app may not know, in the header cells: 人年, 万美元, 亿千瓦时, 公顷."""
    lines = [f"{year}年各园区其他指标",
             "园区,研发人员全时当量(人年),实际利用外资(万美元),全社会用电量(亿千瓦时),建成区面积(公顷)",
             "甲园区,1520,3560.5,12.34,2450",
             "乙园区,830,1200,8.1,1300.5"]
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))
    return path


CITY_INDICATORS = [("现价工业产值", "亿元", 100.0), ("工业用电量", "亿千瓦时", 5.5)]


def indicator_month_values(m: int) -> list[tuple]:
    """(indicator, unit, 本月, 增长%, 1-m月累计, 累计增长%): 本月 is base + m, so 1-m月累计 is
    m × base + 1 + … + m; month 2 stands for 1–2月 (本月 and 累计 the same figure)."""
    out = []
    for name, unit, base in CITY_INDICATORS:
        ytd = round(base * m + m * (m + 1) / 2 * base / 100, 2)
        month = ytd if m == 2 else round(base * (1 + m / 100), 2)
        out.append((name, unit, month, 5.0, ytd, 6.0))
    return out


def indicator_month_xlsx(path: Path, year: int = 2024, m: int = 3) -> Path:
    """"上饶市2024年3月主要经济指标": an indicator per row, 指标 | 单位 | 本月 | 同比增长% |
    1-3月累计 | 累计增长%; January and February together as 1-2月."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws["A1"] = f"上饶市{year}年{month_label(m)}主要经济指标"
    ws.append(["指标", "单位", "1-2月" if m == 2 else "本月", "同比增长%", f"1-{m}月累计",
               "累计增长%"])
    for row in indicator_month_values(m):
        ws.append(list(row))
    wb.save(path)
    return path
