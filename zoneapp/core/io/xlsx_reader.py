"""An .xlsx workbook's bytes -> a RawTable: zip checked first, then calamine or openpyxl."""
from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from zoneapp.core.io import limits
from zoneapp.core.problems import WARNING, Problem
from zoneapp.core.io.file_problems import empty_file, file_problem, over_limits, too_many
from zoneapp.core.io.rawtable import RawTable, finish_table
from zoneapp.core.io.xlsx_cells import pick_sheet, show, special_cells, vertical
from zoneapp.core.io.zipcheck import check_xlsx_zip

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC = b"PK"
_RESAVE_ZH = "请用 Excel 或 WPS 打开后另存为 .xlsx（不设密码）。"
_RESAVE_EN = "Open it in Excel or WPS and save it as .xlsx without a password."


def cell_text(value: object) -> str:
    """An Excel cell as the string a user sees: 2019.0 -> "2019", dates as ISO, None -> ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _not_xlsx(file: str, code: str, why_zh: str, why_en: str) -> list[Problem]:
    return [file_problem(file, code, f"{why_zh}{_RESAVE_ZH}", f"{why_en} {_RESAVE_EN}")]


class _Refused(list):
    """Problems that stop a sheet from being read (over a limit), as the readers return them."""


def read_xlsx(data: bytes, file: str, sheet_names: tuple[str, ...] = ()) -> RawTable | list[Problem]:
    """The sheet named like the table (any of `sheet_names`), else the first sheet.

    Only the values Excel saved are read: formulas are never evaluated, macros never run and
    links to other workbooks never followed; a workbook holding them gets a warning."""
    if data.startswith(OLE2_MAGIC):
        return _not_xlsx(file, "encrypted", "文件设有密码或是旧版 .xls 格式，无法读取。",
                         "the file is password-protected or an old .xls workbook.")
    if not data.startswith(ZIP_MAGIC):
        if not data.strip():
            return [empty_file(file)]
        return _not_xlsx(file, "bad_xlsx", "文件不是有效的 .xlsx 工作簿。",
                         "the file is not a valid .xlsx workbook.")
    checked = check_xlsx_zip(data)
    if checked.refused:
        code, zh, en = checked.refused
        return _not_xlsx(file, code, zh, en) if code == "bad_xlsx" else [file_problem(file, code, zh, en)]
    too_big = over_limits(file, checked.rows - 1, 1)  # counted in the sheet XML
    if too_big is None and checked.cells > limits.MAX_CELLS:
        too_big = too_many(file, "单元格", "cells", checked.cells, limits.MAX_CELLS)
    if too_big:
        return too_big
    problems = _active_content(checked, file)
    rows = _rows_calamine(data, sheet_names, file)
    if rows is None:
        rows = _rows_openpyxl(data, sheet_names, file)
    if isinstance(rows, _Refused):
        return list(rows)
    if rows is None:
        return _not_xlsx(file, "bad_xlsx", "文件已损坏或不是有效的 .xlsx 工作簿。",
                         "the file is damaged or not a valid .xlsx workbook.")
    if not rows:
        return [empty_file(file)]
    special = special_cells(data, sheet_names)
    show(rows, special)  # 11.7%, #DIV/0! and merged ranges as the user sees them
    problems += _sheet_read(special.sheets, file, sheet_names) + _merged_note(
        file, vertical(special.merged))
    width = max(len(r) for r in rows)
    texts = [[cell_text(v) for v in r] + [""] * (width - len(r)) for r in rows]
    return finish_table(pd.DataFrame(texts, dtype=str), None, file, problems)


def _merged_note(file: str, merged: list[str]) -> list[Problem]:
    if not merged:
        return []
    shown = "、".join(merged[:3]) + ("……" if len(merged) > 3 else "")
    shown_en = ", ".join(merged[:3]) + (" …" if len(merged) > 3 else "")
    return [file_problem(
        file, "merged_cells",
        f"工作表含 {len(merged)} 处上下合并的单元格（{shown}）：其中每一格都按合并的值读取",
        f"the sheet has {len(merged)} range(s) merged down a column ({shown_en}): each of their "
        "cells is read as the merged value", WARNING)]


def _sheet_read(names: list[str], file: str, wanted: tuple[str, ...]) -> list[Problem]:
    """A note naming the sheet read when the workbook has several and none is named like the
    table: a notes sheet first would otherwise be read with no word of which sheet it was."""
    if not wanted or len(names) < 2:
        return []
    chosen = pick_sheet(names, wanted)
    if chosen.strip().lower() in {w.strip().lower() for w in wanted}:
        return []
    others = [n for n in names if n != chosen]
    zh_names = "或".join(f"“{w}”" for w in wanted[:2])
    en_names = " or ".join(f"'{w}'" for w in wanted[:2])
    return [file_problem(
        file, "sheet_chosen",
        f"工作簿有 {len(names)} 个工作表，没有名为{zh_names}的，读取了第一个“{chosen}”"
        f"（其他：{'、'.join(others)}）。若数据不在这个工作表上，请把数据所在的工作表改名为{zh_names}",
        f"the workbook has {len(names)} sheets and none is named {en_names}: the first, "
        f"'{chosen}', was read (others: {', '.join(others)}). If the data is on another sheet, "
        f"rename that sheet to {en_names}", WARNING)]


def _active_content(checked, file: str) -> list[Problem]:
    found = []
    if checked.macros:
        found.append(file_problem(file, "macros", "工作簿含有宏（VBA）。只读取了单元格的值，宏不会运行。",
                                  "the workbook contains macros (VBA); only cell values were read, "
                                  "no macro is run.", WARNING))
    if checked.external_links or checked.connections:
        found.append(file_problem(file, "external_links",
                                  "工作簿含有指向其他文件或数据源的链接。只读取了保存的值，链接不会被打开或更新。",
                                  "the workbook links to other files or data sources; only the saved "
                                  "values were read, no link is opened or refreshed.", WARNING))
    return found


# A damaged workbook can fail anywhere inside zip, zlib, XML or the reader itself (zlib.error,
# NotImplementedError, EOFError, KeyError, ...). The file is the user's, not ours: any failure
# to read it is reported as a problem, so these two catch Exception -- and only around parsing.

def _rows_calamine(data: bytes, wanted: tuple[str, ...], file: str) -> list[list] | None:
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not book.sheet_names:
            return []
        sheet = book.get_sheet_by_name(pick_sheet(book.sheet_names, wanted))
        too_big = over_limits(file, sheet.height - 1, sheet.width)
        if too_big:
            return _Refused(too_big)
        return sheet.to_python(skip_empty_area=False)
    except Exception:  # noqa: BLE001 -- see above
        return None


def _rows_openpyxl(data: bytes, wanted: tuple[str, ...], file: str) -> list[list] | None:
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it cannot read
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True,
                                          keep_links=False, keep_vba=False)
            try:
                if not book.sheetnames:
                    return []
                sheet = book[pick_sheet(book.sheetnames, wanted)]
                rows = []
                for row in sheet.iter_rows(values_only=True):
                    rows.append(list(row))
                    too_big = over_limits(file, len(rows) - 1, len(row))
                    if too_big:
                        return _Refused(too_big)
                return rows
            finally:
                book.close()
    except Exception:  # noqa: BLE001 -- see above
        return None
