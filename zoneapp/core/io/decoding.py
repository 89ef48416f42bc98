"""A CSV's bytes -> its text: UTF-8, UTF-16 with a BOM, GBK, or UTF-8 with a few GBK lines."""
from __future__ import annotations

from zoneapp.core.problems import WARNING, Problem
from zoneapp.core.io.rawtable import MAX_PROBLEMS_PER_FILE, _more, _problem


def decode(data: bytes, file: str) -> tuple[str, str] | Problem:
    """The text and its encoding: UTF-8 (BOM or not), UTF-16 with a BOM, then GB18030 (GBK)."""
    decoded = decode_text(data, file)
    return decoded if isinstance(decoded, Problem) else decoded[:2]


def decode_text(data: bytes, file: str) -> tuple[str, str, list[Problem]] | Problem:
    """`decode`, and a file that is UTF-8 but for a few GBK lines (two people edited it) is read
    line by line, with a warning on each line read as GBK."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            if encoding == "utf-8-sig" and not data[:err.start].isascii():
                mixed = _mixed_utf8(data, file)  # valid UTF-8 Chinese before the first error
                if mixed is not None:
                    return mixed
            continue
        if "\x00" not in text:
            return text, encoding, []
    return _problem(
        file, "decode_error",
        "无法识别文件编码，这可能不是文本文件。请另存为 UTF-8 编码的 CSV。",
        "cannot decode the file as UTF-8 or GBK; it may not be a text file. "
        "Save it as CSV (UTF-8).")


def _mixed_utf8(data: bytes, file: str) -> tuple[str, str, list[Problem]] | None:
    """Lines that are not UTF-8 read as GB18030 when most non-ASCII lines are UTF-8, else None."""
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    texts: list[str] = []
    bad: list[int] = []
    utf8 = 0
    for number, line in enumerate(lines, start=1):
        try:
            texts.append(line.decode("utf-8"))
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            texts.append(line.decode("gb18030", errors="replace"))
            bad.append(number)
    if utf8 <= len(bad):
        return None
    text = "\n".join(texts)
    if "\x00" in text:
        return None
    problems = [_problem(file, "mixed_encoding", "此行不是 UTF-8 编码，已按 GBK 读取，请核对",
                         "this line is not UTF-8; it was read as GBK, please check it", WARNING,
                         row=n) for n in bad[:MAX_PROBLEMS_PER_FILE]]
    problems += _more(file, len(bad))
    return text, "utf-8+gb18030", problems
