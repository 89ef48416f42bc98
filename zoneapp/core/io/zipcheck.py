"""An xlsx is a zip: check it before any reader unpacks it (zip bombs, macros, external links).

The sizes a zip declares are not trusted: every part is inflated here, in bounded chunks, and
counted, so a part that unpacks to more than it declares, or a workbook that unpacks to more
than `limits.MAX_XLSX_UNCOMPRESSED`, is refused before calamine or openpyxl see it.
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from zoneapp.core.io import limits

_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... file name length, extra field length
_CHUNK = 1 << 20
STORED, DEFLATED = 0, 8


@dataclass
class ZipReport:
    refused: tuple[str, str, str] | None = None  # (code, zh, en): why the file is not read
    macros: bool = False  # xl/vbaProject.bin: VBA code, never run
    external_links: bool = False  # xl/externalLinks/: links to other workbooks, never fetched
    connections: bool = False  # xl/connections.xml: data connections, never opened
    parts: list[str] = field(default_factory=list)
    rows: int = 0  # the most <row> elements in one worksheet, counted while inflating
    cells: int = 0  # the most <c> elements in one worksheet


def check_xlsx_zip(data: bytes) -> ZipReport:
    """What the zip holds and whether it is safe to unpack; never raises for bad bytes."""
    report = ZipReport()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            infos = book.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, struct.error, UnicodeDecodeError):
        report.refused = ("bad_xlsx", "文件已损坏或不是有效的 .xlsx 工作簿。",
                          "the file is damaged or not a valid .xlsx workbook.")
        return report
    report.parts = [i.filename for i in infos]
    _flag_contents(report)
    report.refused = _size_problem(data, infos, report)
    return report


def _flag_contents(report: ZipReport) -> None:
    for name in (p.lower() for p in report.parts):
        report.macros |= name.endswith("vbaproject.bin")
        report.external_links |= name.startswith("xl/externallinks/")
        report.connections |= name == "xl/connections.xml"


def _size_problem(data: bytes, infos: list[zipfile.ZipInfo],
                  report: ZipReport) -> tuple[str, str, str] | None:
    if len(infos) > limits.MAX_XLSX_PARTS:
        return ("too_large", f"工作簿内的文件过多（{len(infos)} 个，上限 {limits.MAX_XLSX_PARTS}）。",
                f"the workbook holds too many parts ({len(infos)}; the limit is "
                f"{limits.MAX_XLSX_PARTS}).")
    declared = sum(i.file_size for i in infos)
    if declared > limits.MAX_XLSX_UNCOMPRESSED:
        return _too_big(declared)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.RATIO_FLOOR and ratio > limits.MAX_XLSX_RATIO:
            return ("zip_bomb", f"工作簿内的 {info.filename} 压缩比异常（{ratio:.0f}:1），可能是“压缩炸弹”，未读取。",
                    f"{info.filename} inside the workbook is compressed {ratio:.0f}:1, which "
                    "suggests a zip bomb; not read.")
    total = 0
    for info in infos:
        counts = [0, 0] if info.filename.lower().startswith("xl/worksheets/") else None
        size = _inflated_size(data, info, limits.MAX_XLSX_UNCOMPRESSED - total, counts)
        if counts:
            report.rows, report.cells = max(report.rows, counts[0]), max(report.cells, counts[1])
        if size is None or size != info.file_size:
            return ("bad_xlsx", "工作簿已损坏：其中文件的实际大小与声明不符。",
                    "the workbook is damaged: a part's real size differs from its declared size.")
        total += size
    return None


def _too_big(size: int) -> tuple[str, str, str]:
    cap = limits.mb(limits.MAX_XLSX_UNCOMPRESSED)
    return ("zip_bomb", f"工作簿解压后过大（{limits.mb(size)}，上限 {cap}），未读取。",
            f"the workbook unpacks to {limits.mb(size)}, over the limit of {cap}; not read.")


def _inflated_size(data: bytes, info: zipfile.ZipInfo, allowed: int,
                   counts: list[int] | None = None) -> int | None:
    """The part's real unpacked size, counted in chunks; None when damaged or over `allowed`.
    `counts` ([rows, cells]) is incremented with the <row> and <c> tags seen on the way."""
    if info.flag_bits & 0x1 or info.compress_type not in (STORED, DEFLATED):
        return None  # encrypted, or a method Excel never writes
    start = info.header_offset
    try:
        signature, name_len, extra_len = _LOCAL_HEADER.unpack_from(data, start)
    except struct.error:
        return None
    if signature != b"PK\x03\x04":
        return None
    begin = start + _LOCAL_HEADER.size + name_len + extra_len
    raw = memoryview(data)[begin:begin + info.compress_size]
    if len(raw) != info.compress_size:
        return None
    if info.compress_type == STORED:
        if counts is not None:
            _count_tags(raw.tobytes(), counts)
        return len(raw) if len(raw) <= allowed else None
    inflater = zlib.decompressobj(-15)
    size = 0
    try:
        pending: bytes | memoryview = raw
        while pending and not inflater.eof:
            piece = inflater.decompress(pending, _CHUNK)
            size += len(piece)
            if counts is not None:
                _count_tags(piece, counts)
            if size > min(allowed, info.file_size):
                return None
            pending = inflater.unconsumed_tail
        size += len(inflater.flush())
    except zlib.error:
        return None
    return size


def _count_tags(xml: bytes, counts: list[int]) -> None:
    """Rows and cells in a piece of worksheet XML; a tag cut by a chunk boundary may be missed,
    which is fine for a limit (the reader checks the sheet's real size again)."""
    counts[0] += xml.count(b"<row ") + xml.count(b"<row>")
    counts[1] += xml.count(b"<c ") + xml.count(b"<c>")
