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
