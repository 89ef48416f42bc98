"""Which periods a data set reports (what the period selector offers), and periods below a year."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .dataset import Dataset


def reported_periods(dataset: Dataset) -> list[int]:
    """The manifest's periods plus every period a reported figure belongs to, ascending.

    Years that only derived figures fill (2018 from a 2019 YoY change) and years that only
    plans or goals name (2020) are left out.
    """
    import pandas as pd  # here, not at module level: the window paints before pandas loads

    found: set[int] = {int(p) for p in dataset.manifest.periods}
    frames = []
    indicators = dataset.indicators
    if indicators is not None and len(indicators) and "basis" in indicators.columns:
        frames.append(indicators[indicators["basis"] != "derived"])
    for frame in frames:
        if "period" in frame.columns:
            values = pd.to_numeric(frame["period"], errors="coerce").dropna()
            found.update(int(v) for v in values.unique())
    return sorted(found)


# --- periods below a year -------------------------------------------------------------------
# The indicators' `period` stays the year (an integer, as every folder has it); the optional
# `period_detail` says which part of it: written as below, parsed here, Qt-free.
#   ""                 the whole year (or a stock at its end)
#   2023Q1 … 2023Q4    a quarter            2023H1, 2023H2    a half
#   2023-05            a month              2023-01..2023-05  months 1-5 together (1-5月累计)
# 1-2月, reported together, is 2023-01..2023-02: one period, never split.


@dataclass(frozen=True, order=True)
class PeriodSpan:
    """Months `first`..`last` of `year` (both 1-12); the whole year is 1..12."""
    year: int
    first: int = 1
    last: int = 12

    @property
    def whole_year(self) -> bool:
        return (self.first, self.last) == (1, 12)

    def code(self) -> str:
        """The canonical `period_detail` text ("" for the whole year)."""
        if self.whole_year:
            return ""
        if self.first == self.last:
            return f"{self.year}-{self.first:02d}"
        quarter = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4",
                   (1, 6): "H1", (7, 12): "H2"}.get((self.first, self.last))
        if quarter:
            return f"{self.year}{quarter}"
        return f"{self.year}-{self.first:02d}..{self.year}-{self.last:02d}"

    def label(self, lang: str = "zh") -> str:
        """2023年1–5月 / Jan–May 2023; 2023年一季度 / 2023 Q1 (a range with the en dash, as
        reports print it, in both languages)."""
        code = self.code()
        if lang == "zh":
            names = {"Q1": "一季度", "Q2": "二季度", "Q3": "三季度", "Q4": "四季度",
                     "H1": "上半年", "H2": "下半年"}
            part = names.get(code[4:]) if len(code) == 6 else None
            if self.whole_year:
                return f"{self.year}年"
            if part:
                return f"{self.year}年{part}"
            if self.first == self.last:
                return f"{self.year}年{self.first}月"
            return f"{self.year}年{self.first}–{self.last}月"
        if self.whole_year:
            return str(self.year)
        if len(code) == 6:
            return f"{self.year} {code[4:]}"
        if self.first == self.last:
            return f"{_MONTHS[self.first - 1]} {self.year}"
        return f"{_MONTHS[self.first - 1]}–{_MONTHS[self.last - 1]} {self.year}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CODE = re.compile(r"^(\d{4})(?:([QqHh])([1-4])|-(\d{1,2})(?:\.\.(\d{4})-(\d{1,2}))?)?$")


def parse_period_detail(text: str, year: int | None = None) -> PeriodSpan | None:
    """A `period_detail` cell -> its span, or None when it is not one of the documented forms
    (or names another year than `year`, when given). "" is the whole year of `year`."""
    text = text.strip()
    if not text:
        return PeriodSpan(year) if year is not None else None
    match = _CODE.match(text)
    if match is None:
        return None
    y = int(match[1])
    if match[2]:
        half = match[2].upper() == "H"
        n = int(match[3])
        if half and n > 2:
            return None
        first, last = ((n - 1) * 6 + 1, n * 6) if half else ((n - 1) * 3 + 1, n * 3)
    elif match[4]:
        first = int(match[4])
        last = int(match[6]) if match[6] else first
        if match[5] and int(match[5]) != y:
            return None
    else:
        first, last = 1, 12
    if not (1 <= first <= last <= 12) or (year is not None and y != year):
        return None
    return PeriodSpan(y, first, last)


@functools.lru_cache(maxsize=4096)
def period_detail_label(code: str, lang: str = "zh") -> str:
    """A `period_detail` cell as a table shows it: 2025年1–10月 / Jan–Oct 2025, 2025年一季度,
    2025年上半年 (a range with the en dash reports print); a cell that is no period, as is.
    Cached: a table asks for the same few codes once per cell painted."""
    span = parse_period_detail(code)
    if span is None or not code.strip():
        return code
    return span.label(lang)


def period_sort_key(code: str) -> str:
    """A `period_detail` cell as a key that sorts in time: by year, then the month it ends,
    then the one it starts (1–9月 before 三季度 before 10月); "" stays "" (sorted last), a cell
    that is no period after every period."""
    span = parse_period_detail(code)
    if span is None:
        return "~" + code if code.strip() else ""
    return f"{span.year:04d}{span.last:02d}{span.first:02d}"


def normalise_period_detail(text: str) -> str | None:
    """The canonical code of a `period_detail` cell ("2023q1" -> "2023Q1"), None when bad."""
    span = parse_period_detail(text)
    if span is None:
        return "" if not text.strip() else None
    return span.code()


_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年?")
_MONTH_SPAN = re.compile(r"(\d{1,2})\s*[-－—–~～至到]+\s*(\d{1,2})\s*月")
_ONE_MONTH = re.compile(r"(?<![\d-])(\d{1,2})\s*月(?:份)?")
_QUARTER = re.compile(r"(?:第)?([一二三四1-4])\s*季度")
_FIRST_QUARTERS = re.compile(r"前\s*([一二三])\s*季度")


def period_in_text(text: str, year: int | None = None) -> PeriodSpan | None:
    """The period a title or file name names: 2023年1-11月, 2024年上半年, 一季度, (2023年);
    `year` fills in a title that names no year. None when no year can be found."""
    found = _YEAR.search(text)
    y = int(found[1]) if found else year
    if y is None:
        return None
    rest = text[found.end():] if found else text
    if (m := _MONTH_SPAN.search(rest)) and 1 <= int(m[1]) <= int(m[2]) <= 12:
        return PeriodSpan(y, int(m[1]), int(m[2]))
    if (m := _FIRST_QUARTERS.search(rest)):
        return PeriodSpan(y, 1, _CN_DIGITS[m[1]] * 3)
    if (m := _QUARTER.search(rest)):
        n = _CN_DIGITS.get(m[1]) or int(m[1])
        return PeriodSpan(y, n * 3 - 2, n * 3)
    if "上半年" in rest:
        return PeriodSpan(y, 1, 6)
    if "下半年" in rest:
        return PeriodSpan(y, 7, 12)
    if (m := _ONE_MONTH.search(rest)) and 1 <= int(m[1]) <= 12:
        return PeriodSpan(y, int(m[1]), int(m[1]))
    return PeriodSpan(y)
