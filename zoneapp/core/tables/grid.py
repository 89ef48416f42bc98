"""A published table's file -> its cells as a grid: .xlsx, .xls (also with Excel's default
password), or CSV in any encoding the app reads. No header is assumed: `shape` finds it."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from zoneapp.core.io import limits
from zoneapp.core.io.decoding import decode_text
from zoneapp.core.io.xlsx_reader import OLE2_MAGIC, ZIP_MAGIC

# Excel encrypts a workbook "protected for reading only" with this password; the yearbooks'
# .xls files are.
DEFAULT_PASSWORD = "VelvetSweatshop"
SUFFIXES = (".xlsx", ".xls", ".csv", ".txt", ".tsv")


class ImportFailed(Exception):
    """What stops an import, in both languages, naming the file (and row when there is one).
    `option`: the choice that would get past it ("period", "unit"), for the window to point
    at its own box where the command's message names --period or --unit; `window`: (zh, en)
    said without the command's options, for the window."""

    def __init__(self, file: str, zh: str, en: str, row: int | None = None,
                 option: str = "", window: tuple[str, str] | None = None) -> None:
        super().__init__(en)
        self.file, self.zh, self.en, self.row, self.option = file, zh, en, row, option
        self.window = window

    def message(self, lang: str = "zh", window: bool = False) -> str:
        """`window`: in the window's words (no command-line options)."""
        where = f"{self.file}:{self.row}" if self.row else self.file
        zh, en = self.window if window and self.window else (self.zh, self.en)
        return f"{where}: {zh if lang == 'zh' else en}"


@dataclass
class Grid:
    file: str
    rows: list[list]  # cell values as read: str, float, int, datetime; "" when blank
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    decrypted: bool = False
    encoding: str = ""


def read_grid(path: Path, sheet: str | None = None, file: str | None = None,
              max_rows: int | None = None) -> Grid:
    """Every cell of `sheet` (default: the first) of `path`. Raises ImportFailed."""
    file = file or path.name
    try:
        size = path.stat().st_size
        cap = limits.MAX_CSV_BYTES if path.suffix.lower() in (".csv", ".txt", ".tsv") \
            else limits.MAX_XLSX_BYTES
        if size > cap:
            raise ImportFailed(file, f"文件过大（{limits.mb(size)}），上限为 {limits.mb(cap)}",
                               f"the file is too large ({limits.mb(size)}); the limit is "
                               f"{limits.mb(cap)}")
        data = path.read_bytes()
    except OSError as err:
        reason = err.strerror or str(err)
        raise ImportFailed(file, f"无法打开文件：{reason}", f"cannot open the file: {reason}") from err
    if not data.strip():
        raise ImportFailed(file, "文件是空的", "the file is empty")
    decrypted = False
    if data.startswith(OLE2_MAGIC):
        data, decrypted = _decrypt(data, file)
    if data.startswith((OLE2_MAGIC, ZIP_MAGIC)):
        grid = _read_book(data, file, sheet, max_rows)
        grid.decrypted = decrypted
        return grid
    return _read_csv(data, file, max_rows)


def _decrypt(data: bytes, file: str) -> tuple[bytes, bool]:
    """An OLE2 file: an .xls, or a workbook encrypted with a password. Excel's default
    read-only password is tried; any other password stops the import with a clear word."""
    import msoffcrypto

    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        if not office.is_encrypted():
            return data, False
        office.load_key(password=DEFAULT_PASSWORD)
        out = io.BytesIO()
        office.decrypt(out)
        return out.getvalue(), True
    except Exception as err:  # noqa: BLE001 -- a damaged or foreign file fails anywhere inside
        if "password" in str(err).lower() or "key" in str(err).lower():
            raise ImportFailed(file, "工作簿设有打开密码，无法读取。请在 Excel 或 WPS 中去掉密码后另存",
                               "the workbook is protected by a password; remove it in Excel or "
                               "WPS and save it again") from err
        return data, False  # not an Office container msoffcrypto knows: calamine says more


def _read_book(data: bytes, file: str, sheet: str | None, max_rows: int | None) -> Grid:
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
    except Exception as err:  # noqa: BLE001 -- the file is the user's: any failure is a message
        raise ImportFailed(file, f"文件已损坏或不是 Excel 工作簿（{err}）",
                           f"the file is damaged or not an Excel workbook ({err})") from err
    if not names:
        raise ImportFailed(file, "工作簿中没有工作表", "the workbook has no sheets")
    chosen = names[0] if sheet is None else next(
        (n for n in names if n.strip().casefold() == sheet.strip().casefold()), None)
    if chosen is None:
        raise ImportFailed(file, f"没有名为“{sheet}”的工作表。工作表：{'、'.join(names)}",
                           f"no sheet named '{sheet}'. Sheets: {', '.join(names)}")
    try:
        found = book.get_sheet_by_name(chosen)
        if found.height > limits.MAX_ROWS or found.width > limits.MAX_COLUMNS:
            raise ImportFailed(file, f"工作表过大（{found.height:,} 行 × {found.width} 列）",
                               f"the sheet is too large ({found.height:,} rows x {found.width} "
                               "columns)")
        rows = found.to_python(skip_empty_area=False, nrows=max_rows) if max_rows \
            else found.to_python(skip_empty_area=False)
        merged = list(found.merged_cell_ranges or [])
    except ImportFailed:
        raise
    except Exception as err:  # noqa: BLE001 -- as above
        raise ImportFailed(file, f"无法读取工作表“{chosen}”（{err}）",
                           f"cannot read the sheet '{chosen}' ({err})") from err
    return Grid(file, rows, merged, chosen, names)


def _read_csv(data: bytes, file: str, max_rows: int | None) -> Grid:
    decoded = decode_text(data, file)
    if not isinstance(decoded, tuple):
        raise ImportFailed(file, decoded.message_zh, decoded.message_en)
    text, encoding, _ = decoded
    sample = text[:8192]
    delimiter = max(",\t;", key=sample.count) if any(d in sample for d in ",\t;") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    for row in reader:
        rows.append(row)
        if max_rows and len(rows) >= max_rows:
            break
    if not rows:
        raise ImportFailed(file, "文件是空的", "the file is empty")
    width = max(len(r) for r in rows)
    if width > limits.MAX_COLUMNS:
        raise ImportFailed(file, f"列数过多（{width}）", f"too many columns ({width})")
    rows = [r + [""] * (width - len(r)) if len(r) < width else r for r in rows]
    return Grid(file, rows, encoding=encoding)
