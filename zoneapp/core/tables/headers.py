"""One header cell of a published table -> what it says: names, unit, value kind, growth, year."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from zoneapp.core import units

_PAREN = re.compile(r"[（(]([^()（）]*)[)）]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_YEAR_CELL = re.compile(r"^((?:19|20)\d\d)\s*年?$")
# A row numbering the columns under the header (甲 | 乙 | 1 | 2 …): no part of any name.
_COLUMN_NUMBER = re.compile(r"^([甲乙丙丁戊己庚辛]|\d{1,2}(\.0)?|栏次|[(（]\d{1,2}[)）])$")
# English unit words of yearbooks -> our units.
_EN_UNITS = {"100 million yuan": "亿元", "100million yuan": "亿元", "10000 yuan": "万元",
             "10 000 yuan": "万元", "10,000 yuan": "万元", "yuan": "元", "unit": "个",
             "units": "个", "person-years": "人年", "man-years": "人年", "man-year": "人年",
             "person": "人", "persons": "人", "piece": "件", "pieces": "件", "%": "%",
             "10000 persons": "万人", "ton": "吨", "tons": "吨", "hectare": "公顷",
             "100 million kwh": "亿千瓦时", "10000 usd": "万美元", "100 million usd": "亿美元"}
GROWTH_WORDS = ("增长", "增速", "同比", "比上年", "增减", "±", "growth", "change", "yoy")
MONTH_WORDS = ("本月", "当月", "本期")
YTD_WORDS = ("累计", "年初至", "本年累计", "ytd")
SHARE_WORDS = ("占比", "比重", "占全国", "share", "proportion")
_YTD_SPAN = re.compile(r"1\s*[-－—–~～至]\s*\d{1,2}\s*月")
# Words that name a value's kind, not the measure: dropped from a measure's name.
PLAIN_WORDS = ("绝对值", "本月", "当月", "本期", "累计", "本年累计", "数值", "金额", "合计值",
               "value", "amount")


_KIND_TOKENS = re.compile(
    "|".join(sorted([re.escape(w) for w in (*PLAIN_WORDS, *GROWTH_WORDS[:5], "增长率", "%")]
                    + [r"1\s*[-－—–~～至]\s*\d{1,2}\s*月(份)?"], key=len, reverse=True)))


@dataclass
class HeaderText:
    text: str  # as written, levels joined by " / "
    name_zh: str
    name_en: str
    unit: str  # a unit core.units knows, or "" (`unit_text` keeps what was written)
    unit_text: str
    value_kind: str  # "", "month", "ytd"
    growth: bool
    share: bool
    year: int | None


def clean(text: object) -> str:
    """A cell as text, full-width folded, runs of space collapsed."""
    if text is None:
        return ""
    if isinstance(text, float):
        text = str(int(text)) if text.is_integer() else repr(text)
    return " ".join(unicodedata.normalize("NFKC", str(text)).split())


def unit_of(text: str) -> str:
    """A unit written on its own or in words: 亿元, (unit,100 million yuan), 万元 -> a unit code."""
    text = text.strip().strip("()（）:：").strip()
    for part in re.split(r"[,，;；、]", text):
        part = re.sub(r"^(单位|unit)\s*[:：]?\s*", "", part.strip(), flags=re.I).strip()
        if not part:
            continue
        found = units.normalise_unit(part) or _EN_UNITS.get(part.lower())
        if found:
            return found
    return ""


def units_in_line(text: str) -> list[str]:
    """Every unit of a unit line: "单位：个，亿元" -> ["个", "亿元"]."""
    body = re.sub(r"^.*?(单位|unit)\s*[:：]?", "", clean(text), flags=re.I)
    return [u for part in re.split(r"[,，;；、/]", body.strip("()（） ")) if (u := unit_of(part))]


def parse_header(levels: list[str]) -> HeaderText:
    """The levels of one column's header, top first (a group over its sub-column)."""
    seen: list[str] = []
    for level in levels:
        level = level.strip()
        if level and level not in seen:
            seen.append(level)
    text = " / ".join(s.replace("\n", " ") for s in seen)
    zh_parts, en_parts, unit_text = [], [], ""
    for level in seen:
        for line in re.split(r"[\n\r]+", level):
            line = line.strip()
            if not line:
                continue
            for inside in _PAREN.findall(line):
                if unit_of(inside) and not unit_text:
                    unit_text = inside
            bare = clean(_PAREN.sub("", line)).strip()
            if not bare or _COLUMN_NUMBER.match(clean(line)):
                continue
            (zh_parts if _CJK.search(bare) else en_parts).append(bare)
    low = text.lower()
    year = None
    if len(seen) >= 1 and (m := _YEAR_CELL.match(clean(seen[-1]))):
        year = int(m[1])
    kind = "month" if any(w in text for w in MONTH_WORDS) else \
        "ytd" if any(w in low for w in YTD_WORDS) or _YTD_SPAN.search(text) else ""
    growth = any(w in low for w in GROWTH_WORDS) or bool(re.search(r"%\s*$|（%）|\(%\)", text)) \
        and any(w in text for w in ("增", "速"))
    names = [n for p in zh_parts if not _YEAR_CELL.match(p) and (n := _KIND_TOKENS.sub("", p))]
    name_en = " ".join(p for p in en_parts if p.lower() not in PLAIN_WORDS
                       and not _YEAR_CELL.match(p) and p.lower() not in ("unit",))
    return HeaderText(text=text, name_zh="".join(names[:1]) if len(names) == 1 else "·".join(names),
                      name_en=name_en, unit=unit_of(unit_text) if unit_text else "",
                      unit_text=unit_text, value_kind=kind, growth=growth,
                      share=any(w in low for w in SHARE_WORDS), year=year)


def is_year(value: object) -> int | None:
    """2015, 2015.0, "2015", "2015年" -> 2015."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and 1900 <= value <= 2100 else None
    m = _YEAR_CELL.match(clean(value))
    return int(m[1]) if m else None


def column_letter(c: int) -> str:
    """0 -> A, 26 -> AA: the column as Excel names it."""
    name = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        name = chr(65 + r) + name
    return name
