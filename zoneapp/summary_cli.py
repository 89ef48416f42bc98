"""`summary --period P`: what a period on the command line may be, and what is said when it
is not one."""
from __future__ import annotations

from zoneapp.core.periods import parse_period_detail

FORMS = "2025, 2025-10, 2025-01..2025-10, 2025Q3, 2025H1"


def parse_period(text: str | None) -> tuple[int | None, int | None] | None | bool:
    """(year, last month or None) of a --period; None when not given, False when it is not a
    period: a year, a month (up to which the year is summed), months from January, a quarter
    or a half (up to its last month)."""
    if text is None:
        return None
    text = text.strip()
    if text.isdigit() and len(text) == 4:
        return int(text), None
    span = parse_period_detail(text) if text else None
    if span is None or (span.first != 1 and span.first != span.last and
                        (span.first, span.last) not in ((4, 6), (7, 9), (10, 12), (7, 12))):
        return False
    return span.year, span.last


def period_problem(text: str | None, lang: str, years: list[int] | None = None) -> str:
    """Why --period `text` cannot be summarised: not a period, or a year without figures."""
    if years is not None:
        have = ", ".join(str(y) for y in years)
        if lang == "zh":
            return f"--period {text}：数据中没有该年份的指标（有：{have}）"
        return f"--period {text}: the data has no figures for that year (it has: {have})"
    if lang == "zh":
        return f"--period {text}：不是可识别的期间；可写作 {FORMS}"
    return f"--period {text}: not a period; write it as one of {FORMS}"
