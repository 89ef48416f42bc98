"""Tables the finder gets wrong, for the import dialog's corrections (#14 item 4)."""
from __future__ import annotations

from pathlib import Path

import openpyxl

PARKS = [("高新园", 120.5, 10.2, 8.5), ("物流园", 40.0, 3.1, 12.0), ("合计", 160.5, 13.3, 9.3)]


def numbered_header_xlsx(path: Path, year: int = 2023, scale: float = 1.0) -> Path:
    """A header with a row numbering its columns below it (甲 | 1 | 2 | 3), as bureaus print
    them: the finder takes that row for the first data row (a park named 甲)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "园区"
    ws["A1"] = f"{year}年各园区主要经济指标"
    for c, text in enumerate(("园区", "营业收入(亿元)", "利润总额(亿元)", "营业收入增速(%)"), start=1):
        ws.cell(3, c, text)
    for c, text in enumerate(("甲", 1, 2, 3), start=1):
        ws.cell(4, c, text)
    for r, (name, revenue, profit, growth) in enumerate(PARKS, start=5):
        for c, value in enumerate((name, revenue * scale, profit * scale, growth), start=1):
            ws.cell(r, c, value)
    wb.save(path)
    return path


def coded_csv(path: Path, year: int = 2023) -> Path:
    """An industry table with a code column before the names: the finder takes the codes for
    the names."""
    text = (f"{year}年分行业营业收入\n行业代码,行业名称,营业收入(亿元),利润总额(亿元)\n"
            "C13,农副食品加工业,10.5,1.2\nC14,食品制造业,5.25,0.8\n")
    path.write_bytes(text.encode("utf-8"))
    return path


REPORT_ROWS = [("规模以上工业增加值", "亿元", 12.5, 6.1, 130.0, 5.8),
               ("  其中：高技术制造业", "亿元", 3.2, 9.0, 33.0, 8.7),
               ("实际利用外资", "万美元", 850.0, 3.0, 9100.0, 2.5),
               ("工业用电量", "万千瓦时", 4200.0, 1.1, 45000.0, 1.4)]


def indicator_report_csv(path: Path, year: int = 2024, last: int = 3, scale: float = 1.0) -> Path:
    """A district's monthly report whose rows are indicators, each with its unit in a column:
    指标 | 单位 | 本月 | 增长% | 1-N月累计 | 累计增长%."""
    lines = [f"{year}年1-{last}月主要经济指标", f"指标,单位,本月,增长%,1-{last}月累计,累计增长%"]
    for name, unit, month, growth, ytd, ytd_growth in REPORT_ROWS:
        lines.append(f"{name},{unit},{month * scale},{growth},{ytd * scale * last / 3},"
                     f"{ytd_growth}")
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path


def gapped_report_xlsx(path: Path, year: int = 2024, last: int = 3) -> Path:
    """A monthly report whose rows are indicators with rows that add nothing among them, as
    bureaus print them: a lone 其中： line above its parts, a blank spacer row, an indicator
    whose figures are all "-", and a note below."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "主要指标"
    ws["A1"] = f"{year}年1-{last}月主要经济指标"
    for c, text in enumerate(("指标", "单位", "本月", f"1-{last}月累计"), start=1):
        ws.cell(2, c, text)
    rows = [("规模以上工业增加值", "亿元", 12.5, 130.0), ("其中：", None, None, None),
            ("  高技术制造业", "亿元", 3.2, 33.0), (None, None, None, None),
            ("社会消费品零售总额", "亿元", 20.0, 61.0), ("工业用电量", "万千瓦时", "-", "-")]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    ws.cell(10, 1, "注：本表数据为快报数。")
    wb.save(path)
    return path


def period_long_csv(path: Path, years: tuple[int, ...] = (2022, 2023), scale: float = 1.0,
                    year_header: str = "报告期") -> Path:
    """A long table whose year column is headed 报告期 (not 年份): the finder reads it as a
    figure (报告期 = 2022 亿元) and gives every row the file's year."""
    lines = ["各地区生产总值", "单位：亿元", f"{year_header},地区,地区生产总值,第一产业"]
    for i, year in enumerate(years):
        for name, gdp, first in (("北京", 41610.9, 111.5), ("江西", 32074.7, 2451.5)):
            lines.append(f"{year},{name},{round((gdp + 1000 * i) * scale, 1)},{first + i}")
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path


UNIT_ROWS = [("规模以上工业增加值", "亿元", 12.5, 130.0), ("实际利用外资", "万美元", 850.0, 9100.0),
             ("工业用电量", "万千瓦时", 4200.0, 45000.0)]


def unit_column_report_csv(path: Path, year: int = 2024, last: int = 3) -> Path:
    """A report whose rows are indicators, each row's unit in a column headed 指标单位 (not
    单位) and a unit line that holds for none of them: the finder skips the column and takes
    万元 for every row."""
    lines = [f"{year}年1-{last}月主要指标", "单位：万元", f"指标,指标单位,本月,1-{last}月累计"]
    for name, unit, month, ytd in UNIT_ROWS:
        lines.append(f"{name},{unit},{month + last},{ytd * last / 3}")
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path
