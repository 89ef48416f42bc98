"""A CSV's bytes -> its text: UTF-8, UTF-16 with a BOM, GBK, or UTF-8 with a few GBK lines."""
from __future__ import annotations

from zoneapp.core.problems import WARNING, Problem
from zoneapp.core.io.file_problems import MAX_PROBLEMS_PER_FILE, file_problem, more_problems


def decode(data: bytes, file: str) -> tuple[str, str] | Problem:
    """The text and its encoding: UTF-8 (BOM or not), UTF-16 with a BOM, then GB18030 (GBK)."""
    decoded = decode_text(data, file)
    return decoded if isinstance(decoded, Problem) else decoded[:2]


def decode_text(data: bytes, file: str) -> tuple[str, str, list[Problem]] | Problem:
    """`decode`, and a file that is UTF-8 but for a few GBK lines (two people edited it) is read
    line by line, with a warning on each line read as GBK. A UTF-8 BOM means UTF-8: a file cut
    inside a character, or with a stray NUL, is read with the damaged lines reported."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    elif data.startswith(UTF8_BOM):
        return _damaged_utf8(data, file)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            if encoding == "utf-8-sig" and err.end >= len(data) and not data[:err.start].isascii():
                return _damaged_utf8(data, file)  # UTF-8 Chinese, cut inside the last character
            if encoding == "utf-8-sig" and not data[:err.start].isascii():
                mixed = _mixed_utf8(data, file)  # valid UTF-8 Chinese before the first error
                if mixed is not None:
                    return mixed
            continue
        if "\x00" not in text:
            return text, encoding, []
        if _few_nuls(text):
            return _damaged_utf8(data, file) if encoding == "utf-8-sig" else \
                (text.replace("\x00", ""), encoding + "+repaired", _nul_problems(text, file))
    return file_problem(
        file, "decode_error",
        "无法识别文件编码，这可能不是文本文件。请另存为 UTF-8 编码的 CSV。",
        "cannot decode the file as UTF-8 or GBK; it may not be a text file. "
        "Save it as CSV (UTF-8).")


UTF8_BOM = b"\xef\xbb\xbf"


def _few_nuls(text: str) -> bool:
    """A stray NUL or a few (a disk error, a cut): not the NUL of every other character that a
    UTF-16 or binary file shows."""
    return text.count("\x00") * 100 < len(text)


def _nul_problems(text: str, file: str) -> list[Problem]:
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if "\x00" in line]
    return _damage_problems(lines, file)


def _damage_problems(lines: list[int], file: str) -> list[Problem]:
    problems = [file_problem(file, "damaged_line",
                             "此行有损坏的字符（不是有效的 UTF-8，或含空字符 NUL；文件可能被截断），"
                             "已用 � 代替或删去，其余内容照常读取",
                             "this line has damaged characters (not valid UTF-8, or a NUL byte; the "
                             "file may have been cut short); they are shown as � or left out, and "
                             "the rest is read", WARNING, row=n) for n in lines[:MAX_PROBLEMS_PER_FILE]]
    return problems + more_problems(file, len(lines))


def _damaged_utf8(data: bytes, file: str) -> tuple[str, str, list[Problem]] | Problem:
    """UTF-8 read line by line: a line that is not valid UTF-8 (a character cut, a NUL) is read
    with the damage replaced and reported; the other lines as they are."""
    lines = data.removeprefix(UTF8_BOM).split(b"\n")
    texts: list[str] = []
    damaged: list[int] = []
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = line.decode("utf-8", errors="replace")
            damaged.append(number)
        if "\x00" in text:
            text = text.replace("\x00", "")
            if not damaged or damaged[-1] != number:
                damaged.append(number)
        texts.append(text)
    if len(damaged) * 2 > len(lines) and len(lines) > 1:  # mostly damage: not a text file
        return file_problem(file, "decode_error",
                            "文件大部分内容不是有效的 UTF-8 文本，这可能不是文本文件。请另存为 UTF-8 编码的 CSV。",
                            "most of the file is not valid UTF-8 text; it may not be a text file. "
                            "Save it as CSV (UTF-8).")
    return "\n".join(texts), "utf-8+repaired", _damage_problems(damaged, file)


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
    problems = [file_problem(file, "mixed_encoding", "此行不是 UTF-8 编码，已按 GBK 读取，请核对",
                             "this line is not UTF-8; it was read as GBK, please check it", WARNING,
                             row=n) for n in bad[:MAX_PROBLEMS_PER_FILE]]
    problems += more_problems(file, len(bad))
    return text, "utf-8+gb18030", problems
