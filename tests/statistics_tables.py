"""Published statistics tables of the shapes #14 names, written as real files for the tests."""
from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

REGIONS = [("全    国", "National", 21000, 199000.5, 8.1), ("东部地区", "Eastern", 15000, 140000.0, 7.5),
           ("北    京", "Beijing", 1200, 9800.25, 6.2), ("江    西", "Jiangxi", 900, 5100.0, 12.3)]


def yearbook_xlsx(path: Path, year: int = 2023, scale: float = 1.0) -> Path:
    """5-2 各地区高技术产业生产经营情况: title, English line, unit line at the right, a two-row
    header with a merged group and bilingual multi-line cells, padded names, notes below."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "5-2"
    ws["A1"] = f"5-2 各地区高技术产业生产经营情况({year}年)"
    ws.merge_cells("A1:F1")
    ws["A2"] = f"Operation of High-tech Industry by Region ({year})"
    ws.merge_cells("A2:F2")
    ws["F3"] = "单位：个，亿元"
    for col, text in ((1, "地区"), (2, "Region"), (3, "企业数\n(个)\nNumber of\nEnterprises\n(unit)")):
        ws.cell(5, col, text)
        ws.merge_cells(start_row=5, start_column=col, end_row=6, end_column=col)
    ws.cell(5, 4, "收入合计")
    ws.merge_cells("D5:E5")
    ws.cell(6, 4, "绝对值")
    ws.cell(6, 5, "增速")
    ws.cell(5, 6, "利润总额\nTotal Profits")
    ws.merge_cells("F5:F6")
    ws["C5"].alignment = Alignment(wrap_text=True)
    for i, (name, en, firms, revenue, growth) in enumerate(REGIONS, start=7):
        ws.cell(i, 1, name)
        ws.cell(i, 2, en)
        ws.cell(i, 3, firms)
        ws.cell(i, 4, revenue * scale)
        ws.cell(i, 5, growth)
        ws.cell(i, 6, round(revenue * scale / 10, 2))
    ws.cell(12, 1, "注：1. 本表统计范围为规模以上工业企业。")
    wb.save(path)
    return path


def monthly_xlsx(path: Path, year: int = 2023, last: int = 11) -> Path:
    """A city bureau's monthly report: 本月 | 增长% | 1-N月累计 | 累计增长 under a merged
    现价工业产值, values in 万元; indicators per row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    span = f"1-{last}月" if last > 1 else "1月"
    ws["A1"] = f"{year}年{span}全市规模以上工业主要指标"
    ws["A2"] = "单位：万元"
    ws["A3"] = "指标"
    ws.merge_cells("A3:A4")
    ws["B3"] = "现价工业产值"
    ws.merge_cells("B3:E3")
    for c, text in zip("BCDE", ("本月", "增长%", f"{span}累计", "累计增长%")):
        ws[f"{c}4"] = text
    rows = [("工业总产值", 1000.0 * last, 5.1, 9000.0 * last, 6.2),
            ("  其中：高技术产业", 300.0, 9.4, 2800.0 * last, 10.5),
            ("五大产业合计", 800.0, 4.0, 7000.0 * last, 5.0)]
    for r, row in enumerate(rows, start=5):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
    wb.save(path)
    return path


def gdp_csv(path: Path, encoding: str = "gb18030") -> Path:
    """Province × year GDP, wide, with a title line: 省份 | 2015 … 2024."""
    years = list(range(2015, 2025))
    lines = ["各省地区生产总值(亿元)", "省份," + ",".join(map(str, years))]
    for name, base in (("北京", 23000.0), ("江西", 16700.0), ("全国合计", 690000.0)):
        lines.append(name + "," + ",".join(f"{base + 1000 * i:.1f}" for i in range(len(years))))
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def long_csv(path: Path) -> Path:
    """Long: 年份 | 省份 | GDP总量(亿元) | 第一产业(亿元) | 第一产业占比 (fractions)."""
    text = ("年份,省份,GDP总量(亿元),第一产业(亿元),第一产业占比\n"
            "2022,北京,41610.9,111.5,0.0027\n2022,江西,32074.7,2451.5,0.0764\n"
            "2023,北京,43760.7,105.5,0.0024\n2023,江西,32200.1,2450.4,0.0761\n")
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def stacked_xlsx(path: Path, year: int = 2024) -> Path:
    """Two tables in one sheet: 上半年 above 一季度, each a functional zone × measure table."""
    wb = openpyxl.Workbook()
    ws = wb.active
    r = 1
    for label, factor in (("上半年", 2.0), ("一季度", 1.0)):
        ws.cell(r, 1, f"{year}年{label}各功能区主要经济指标")
        ws.cell(r + 1, 1, "功能区")
        ws.cell(r + 1, 2, "营业收入(亿元)")
        ws.cell(r + 1, 3, "固定资产投资(亿元)")
        for i, (name, value) in enumerate((("高新园", 10.0), ("物流园", 4.0), ("合计", 14.0))):
            ws.cell(r + 2 + i, 1, name)
            ws.cell(r + 2 + i, 2, value * factor)
            ws.cell(r + 2 + i, 3, value * factor / 2)
        r += 7
    wb.save(path)
    return path


def encrypted_xlsx(path: Path, source: Path) -> Path:
    """`source` encrypted with Excel's default read-only password (VelvetSweatshop)."""
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with open(source, "rb") as fh:
        OOXMLFile(fh).encrypt("VelvetSweatshop", out)
    path.write_bytes(out.getvalue())
    assert msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes())).is_encrypted()
    return path


def yearbook_xls(path: Path, year: int = 2023) -> Path:
    """The yearbook sheet as an old BIFF8 .xls, merged group header included (xlwt)."""
    _yearbook_book(year).save(str(path))
    return path


def encrypted_yearbook_xls(path: Path, year: int = 2023,
                           password: str = "VelvetSweatshop") -> Path:
    """The same .xls encrypted as the yearbooks are (RC4 CryptoAPI; see xls_encrypt)."""
    from xls_encrypt import encrypted_xls

    return encrypted_xls(path, _yearbook_book(year), password)


def _yearbook_book(year: int):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("5-2")
    ws.write_merge(0, 0, 0, 4, f"5-2 各地区高技术产业生产经营情况({year}年)")
    ws.write(2, 4, "(unit,100 million yuan)")
    ws.write_merge(3, 4, 0, 0, "地区")
    ws.write_merge(3, 4, 1, 1, "企业数(个)")
    ws.write_merge(3, 3, 2, 3, "收入合计")
    ws.write(4, 2, "绝对值")
    ws.write(4, 3, "增速")
    ws.write_merge(3, 4, 4, 4, "利润总额")
    for i, (name, _en, firms, revenue, growth) in enumerate(REGIONS, start=5):
        for c, v in enumerate((name, firms, revenue, growth, round(revenue / 10, 2))):
            ws.write(i, c, v)
    return wb
