"""A table file's bytes -> its header and a frame of strings, or problems saying why not.

Every cell comes back as a string, "" when blank. The frame's columns are positions (0, 1, ...)
matching `RawTable.header`, and its index is the spreadsheet row number (header = row 1), so
blank lines and Excel's `sep=` line never shift the rows a problem points at.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .problems import ERROR, WARNING, Problem

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC = b"PK"
_RESAVE_ZH = "请用 Excel 或 WPS 打开后另存为 .xlsx（不设密码）。"
_RESAVE_EN = "Open it in Excel or WPS and save it as .xlsx without a password."


@dataclass
class RawTable:
    header: list[str]
    cells: pd.DataFrame  # columns 0..len(header)-1, all str; index = spreadsheet row
    problems: list[Problem] = field(default_factory=list)


def _problem(file: str, code: str, zh: str, en: str, severity: str = ERROR,
             row: int | None = None) -> Problem:
    return Problem(file, row, None, zh, en, code, severity)


def read_table(path: Path, file: str, sheet_names: tuple[str, ...] = ()) -> RawTable | list[Problem]:
    """Read a .csv or .xlsx file; `file` is its name as problems show it."""
    data = path.read_bytes()
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(data, file, sheet_names)
    return read_csv(data, file)


# --- CSV -----------------------------------------------------------------------------------

def decode(data: bytes, file: str) -> tuple[str, str] | Problem:
    """The text and its encoding: UTF-8 (BOM or not), UTF-16 with a BOM, then GB18030 (GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text, encoding
    return _problem(
        file, "decode_error",
        "无法识别文件编码，这可能不是文本文件。请另存为 UTF-8 编码的 CSV。",
        "cannot decode the file as UTF-8 or GBK; it may not be a text file. "
        "Save it as CSV (UTF-8).")


def _delimiter(text: str) -> tuple[str, bool]:
    """The delimiter, and whether the first line is Excel's `sep=;` line."""
    first = text[: text.find("\n")] if "\n" in text else text
    if first.lower().startswith("sep=") and len(first.strip()) == 5:
        return first.strip()[4], True
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return ("," if counts[best] == 0 or counts[","] else best), False


def _utf8(data: bytes, text: str, encoding: str, skip_first_line: bool) -> bytes:
    """UTF-8 bytes for pandas' C parser, which reads bytes far faster than a StringIO."""
    if encoding == "utf-8-sig":
        data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    else:
        data = text.encode("utf-8")
    if skip_first_line:
        newline = data.find(b"\n")
        data = b"" if newline < 0 else data[newline + 1:]
    return data


def read_csv(data: bytes, file: str) -> RawTable | list[Problem]:
    decoded = decode(data, file)
    if isinstance(decoded, Problem):
        return [decoded]
    text, encoding = decoded
    if not text or text.isspace():
        return [_empty(file)]
    sep, sep_line = _delimiter(text)
    data = _utf8(data, text, encoding, sep_line)
    del text
    problems: list[Problem] = []
    try:
        frame = pd.read_csv(io.BytesIO(data), sep=sep, header=None, dtype=str, encoding="utf-8",
                            keep_default_na=False, na_filter=False, skip_blank_lines=False)
    except pd.errors.ParserError:
        try:
            frame, problems = _read_ragged(data.decode("utf-8"), sep, file)
        except csv.Error as err:
            return [_problem(file, "bad_csv", f"无法读取 CSV：{err}", f"cannot read the CSV: {err}")]
    except pd.errors.EmptyDataError:
        return [_empty(file)]
    return _finish(frame, file, problems)


def _read_ragged(text: str, sep: str, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """The slow path for files whose rows have more cells than the header: report and drop."""
    rows = list(csv.reader(io.StringIO(text), delimiter=sep))
    width = len(rows[0])
    problems = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) > width and any(c.strip() for c in row[width:]):
            problems.append(_problem(
                file, "extra_cells", f"此行有 {len(row)} 个单元格，多于表头的 {width} 列，已跳过",
                f"the row has {len(row)} cells but the header has {width}; row skipped",
                row=number))
            rows[number - 1] = []
    padded = [(r + [""] * width)[:width] for r in rows]
    return pd.DataFrame(padded, dtype=str), problems


def _empty(file: str) -> Problem:
    return _problem(file, "empty_file", "文件是空的", "the file is empty")


def _finish(frame: pd.DataFrame, file: str, problems: list[Problem]) -> RawTable | list[Problem]:
    """Split off the header, number the rows, drop blank rows and unnamed blank columns."""
    frame = frame.fillna("").astype(str)
    header = [str(h).strip() for h in frame.iloc[0].tolist()]
    cells = frame.iloc[1:]
    cells.index = pd.RangeIndex(2, len(frame) + 1)
    cells.columns = range(len(header))
    blank = cells == ""  # a whole-frame compare; cells holding only spaces count as data
    cells = cells[~blank.all(axis=1)]
    keep = [i for i, h in enumerate(header) if h or not blank[i].all()]
    if len(keep) < len(header):
        header = [header[i] for i in keep]
        cells = cells[keep]
        cells.columns = range(len(header))
    if not any(header):
        return problems + [_empty(file)]
    if cells.empty:
        problems.append(_problem(file, "empty_file", "文件只有表头，没有数据行",
                                 "the file has a header but no data rows", WARNING))
    return RawTable(header, cells, problems)


# --- xlsx ----------------------------------------------------------------------------------

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
    return [_problem(file, code, f"{why_zh}{_RESAVE_ZH}", f"{why_en} {_RESAVE_EN}")]


def read_xlsx(data: bytes, file: str, sheet_names: tuple[str, ...] = ()) -> RawTable | list[Problem]:
    """The sheet named like the table (any of `sheet_names`), else the first sheet."""
    if data.startswith(OLE2_MAGIC):
        return _not_xlsx(file, "encrypted", "文件设有密码或是旧版 .xls 格式，无法读取。",
                         "the file is password-protected or an old .xls workbook.")
    if not data.startswith(ZIP_MAGIC):
        if not data.strip():
            return [_empty(file)]
        return _not_xlsx(file, "bad_xlsx", "文件不是有效的 .xlsx 工作簿。",
                         "the file is not a valid .xlsx workbook.")
    rows = _rows_calamine(data, sheet_names)
    if rows is None:
        rows = _rows_openpyxl(data, sheet_names)
    if rows is None:
        return _not_xlsx(file, "bad_xlsx", "文件已损坏或不是有效的 .xlsx 工作簿。",
                         "the file is damaged or not a valid .xlsx workbook.")
    if not rows:
        return [_empty(file)]
    width = max(len(r) for r in rows)
    texts = [[cell_text(v) for v in r] + [""] * (width - len(r)) for r in rows]
    return _finish(pd.DataFrame(texts, dtype=str), file, [])


def _pick_sheet(names: list[str], wanted: tuple[str, ...]) -> str:
    lowered = {w.strip().lower() for w in wanted}
    return next((n for n in names if n.strip().lower() in lowered), names[0])


# A damaged workbook can fail anywhere inside zip, zlib, XML or the reader itself (zlib.error,
# NotImplementedError, EOFError, KeyError, ...). The file is the user's, not ours: any failure
# to read it is reported as a problem, so these two catch Exception -- and only around parsing.

def _rows_calamine(data: bytes, wanted: tuple[str, ...]) -> list[list] | None:
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not book.sheet_names:
            return []
        sheet = book.get_sheet_by_name(_pick_sheet(book.sheet_names, wanted))
        return sheet.to_python(skip_empty_area=False)
    except Exception:  # noqa: BLE001 -- see above
        return None


def _rows_openpyxl(data: bytes, wanted: tuple[str, ...]) -> list[list] | None:
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it cannot read
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                if not book.sheetnames:
                    return []
                sheet = book[_pick_sheet(book.sheetnames, wanted)]
                return [list(r) for r in sheet.iter_rows(values_only=True)]
            finally:
                book.close()
    except Exception:  # noqa: BLE001 -- see above
        return None
