"""zone.toml -> Manifest; a missing or broken manifest is a problem and a fallback, never a crash."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from .dataset import Manifest, Source
from .problems import ERROR, WARNING, Problem
from .schema import MANIFEST_NAME, Section
from .sections import parse_sections

_SOURCE_FIELDS = ("id", "title", "publication", "author", "date", "file", "note")


def _problem(code: str, zh: str, en: str, severity: str = ERROR) -> Problem:
    return Problem(MANIFEST_NAME, None, None, zh, en, code, severity)


def read_manifest(folder: Path, data_periods: Iterable[int] = ()) -> tuple[Manifest, list[Problem]]:
    """The folder's manifest; what is missing or wrong falls back to the folder's name and the
    periods found in the data (`data_periods`)."""
    fallback = Manifest(name_zh=folder.name, name_en=folder.name,
                        periods=tuple(sorted(set(data_periods))))
    path = _find(folder)
    if path is None:
        return fallback, [_problem(
            "manifest_missing", f"没有找到 {MANIFEST_NAME}，园区名称暂用文件夹名“{folder.name}”",
            f"no {MANIFEST_NAME} found; the folder's name '{folder.name}' is used as the zone's name",
            WARNING)]
    data, problems = _parse(path.read_bytes())
    if data is None:
        return fallback, problems
    zone = data.get("zone")
    if not isinstance(zone, dict):
        problems.append(_problem("manifest_field", "缺少 [zone] 段", "the [zone] section is missing"))
        zone = {}
    manifest = Manifest(
        name_zh=_text(zone, "name_zh", problems, required=True) or fallback.name_zh,
        name_en=_text(zone, "name_en", problems) or _text(zone, "name_zh", []) or fallback.name_en,
        periods=_periods(zone, problems) or fallback.periods,
        sources=_sources(data.get("sources", []), problems),
        short_name_zh=_text(zone, "short_name_zh", problems),
        short_name_en=_text(zone, "short_name_en", problems),
        description_zh=_text(zone, "description_zh", problems),
        description_en=_text(zone, "description_en", problems),
        sections=_sections(data, problems),
        own_entity=_text(zone, "own_entity", problems),
    )
    return manifest, problems


def _sections(data: dict, problems: list[Problem]) -> tuple[Section, ...]:
    sections, found = parse_sections(data.get("sections"))
    problems += found
    return sections


def _find(folder: Path) -> Path | None:
    exact = folder / MANIFEST_NAME
    if exact.is_file():
        return exact
    return next((p for p in folder.iterdir()
                 if p.is_file() and p.name.lower() == MANIFEST_NAME), None)


def _parse(data: bytes) -> tuple[dict | None, list[Problem]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None, [_problem("manifest_syntax", f"{MANIFEST_NAME} 不是 UTF-8 文本",
                               f"{MANIFEST_NAME} is not UTF-8 text")]
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as err:
        return None, [_syntax_problem(text, str(err))]
    except RecursionError:  # [[[[...]]]] 10,000 deep
        return None, [_problem("manifest_syntax", f"{MANIFEST_NAME} 的嵌套层数过多，无法读取",
                               f"{MANIFEST_NAME} is nested too deeply to be read")]


_REASONS_ZH = (("overwrite", "键重复：同一个键不能写两次"), ("twice", "同一个表声明了两次"),
               ("unclosed", "括号或引号没有闭合"), ("expected", "缺少符号（如 =、] 或引号）"),
               ("invalid", "写法无效"))


def _reason_zh(reason: str) -> str:
    """tomllib's reason in Chinese (English words stay out of the Chinese message)."""
    lower = reason.lower()
    return next((z for key, z in _REASONS_ZH if key in lower), "格式有误")


_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_FULL_WIDTH = "“”‘’＝［］"


def _syntax_problem(text: str, reason: str) -> Problem:
    """Where the TOML goes wrong (its line, quoted), and the usual cause when it shows."""
    at = _AT.search(reason)
    if at is None:
        if "end of document" in reason:
            return _problem("manifest_syntax",
                            f"{MANIFEST_NAME} 在文件末尾不完整：可能缺少 ]、}} 或引号",
                            f"{MANIFEST_NAME} is not valid TOML: it ends too early (a ], }} or "
                            "quote may be missing)")
        return _problem("manifest_syntax", f"{MANIFEST_NAME} 格式有误（{reason}）",
                        f"{MANIFEST_NAME} is not valid TOML: {reason}")
    line, column = int(at[1]), int(at[2])
    lines = text.split("\n")  # as tomllib counts lines (splitlines also breaks at U+2028)
    written = lines[line - 1].strip()[:80] if 0 < line <= len(lines) else ""
    why = _AT.sub('', reason).strip()
    zh = f"第 {line} 行第 {column} 列不符合 TOML 格式（{_reason_zh(why)}）：{written}"
    en = f"line {line}, column {column} is not valid TOML ({why}): {written}"
    if any(c in written for c in _FULL_WIDTH):
        zh += "。请把中文标点（“”‘’＝［］）换成英文的 \" ' = [ ]"
        en += ". Replace the Chinese punctuation (“” ‘’ ＝ ［］) with ASCII \" ' = [ ]"
    return Problem(MANIFEST_NAME, line, None, zh, en, "manifest_syntax", ERROR)


def _text(table: dict, key: str, problems: list[Problem], required: bool = False) -> str:
    value = table.get(key, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        problems.append(_problem("manifest_field", f"{key} 应为文字", f"{key} should be text"))
        return ""
    if required and not value.strip():
        problems.append(_problem("manifest_field", f"[zone] 缺少 {key}", f"[zone] has no {key}"))
    return value.strip()


def _periods(zone: dict, problems: list[Problem]) -> tuple[int, ...]:
    periods = zone.get("periods", [])
    if isinstance(periods, list) and all(isinstance(p, int) and not isinstance(p, bool)
                                         for p in periods):
        return tuple(sorted(set(periods)))
    problems.append(_problem("manifest_field", "periods 应为年份列表，例如 [2018, 2019]",
                             "periods should be a list of years, such as [2018, 2019]"))
    return ()


def _sources(entries: object, problems: list[Problem]) -> tuple[Source, ...]:
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        problems.append(_problem("manifest_field", "[[sources]] 格式有误", "[[sources]] is malformed"))
        return ()
    sources: list[Source] = []
    for number, entry in enumerate(entries, start=1):
        fields = {k: _text(entry, k, problems) for k in _SOURCE_FIELDS}
        if not fields["id"]:
            problems.append(_problem("manifest_field", f"第 {number} 个来源缺少 id",
                                     f"source #{number} has no id"))
            continue
        if any(s.id == fields["id"] for s in sources):
            problems.append(_problem("manifest_field", f"来源 id 重复：{fields['id']}",
                                     f"duplicate source id: {fields['id']}"))
            continue
        sources.append(Source(**fields))
    return tuple(sources)


def declared_sections(folder: Path) -> tuple[Section, ...]:
    """The sections zone.toml declares (`read_manifest` reports what is wrong with them);
    nothing when it declares none or cannot be read. The tables' section columns are read
    against these before the manifest itself is."""
    path = _find(folder)
    if path is None:
        return ()
    try:
        data, _ = _parse(path.read_bytes())
    except OSError:
        return ()
    return parse_sections((data or {}).get("sections"))[0]


def declared_units(folder: Path) -> dict[str, tuple[str, float]]:
    """The units zone.toml declares in [[units]] (code, dimension, factor; en optional) that
    core.units does not know: code -> (dimension, factor). Nothing when it declares none or
    cannot be read (`read_manifest` says why)."""
    path = _find(folder)
    if path is None:
        return {}
    try:
        data, _ = _parse(path.read_bytes())
    except OSError:
        return {}
    entries = (data or {}).get("units", [])
    found: dict[str, tuple[str, float]] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            continue
        code = entry["code"].strip()
        factor = entry.get("factor", 1)
        factor = float(factor) if isinstance(factor, (int, float)) and not isinstance(
            factor, bool) and factor > 0 else 1.0
        if code:
            found[code] = (str(entry.get("dimension", code)), factor)
    return found
