"""Where periods sit on a true time axis: years at their year (2014 … 2021 leaves a gap),
months at their month (1–2月 reported together spans both), and the axis' labels."""
from __future__ import annotations

from zoneapp.core.periods import PeriodSpan

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_YEAR_TICKS = 30  # a longer run of years is labelled every few years


def span_kind(span: PeriodSpan) -> str:
    """How long a period is, so that periods of different lengths are never one series:
    "month" (1–2月 reported together counts as one, as monthly reports print it), "quarter",
    "half", else "<n> months" (a span a gap in the 累计 left, 5–6月)."""
    months = span.last - span.first + 1
    if months == 1 or (span.first, span.last) == (1, 2):
        return "month"
    part = span.code()[4:5]  # 2025Q3 -> Q, 2025H1 -> H
    return {"Q": "quarter", "H": "half"}.get(part, f"{months} months")


def month_place(span: PeriodSpan) -> tuple[float, float]:
    """(centre, width) of a span on the month axis: month m of year y is centred on
    y * 12 + m − 1 and one unit wide."""
    start = span.year * 12 + span.first - 1
    return start + (span.last - span.first) / 2, float(span.last - span.first + 1)


def month_ticks(spans: list[PeriodSpan], lang: str) -> list[tuple[float, str]]:
    """A label per month from the first span's year start to the last span's end: 3月 / Mar,
    the year under each January (and under the first month shown)."""
    if not spans:
        return []
    start = min(s.year * 12 + s.first - 1 for s in spans)
    end = max(s.year * 12 + s.last - 1 for s in spans)
    start = min(start, (start // 12) * 12)  # from January of the first year
    ticks = []
    for x in range(start, end + 1):
        year, month = divmod(x, 12)
        label = f"{month + 1}月" if lang == "zh" else _MONTHS_EN[month]
        if month == 0 or x == start:
            label += f"\n{year}" + ("年" if lang == "zh" else "")
        ticks.append((float(x), label))
    return ticks


def year_ticks(years: list[int]) -> list[tuple[float, str]]:
    """A label per year from the first to the last, so missing years show as gaps."""
    if not years:
        return []
    first, last = min(years), max(years)
    step = max(1, -(-(last - first + 1) // MAX_YEAR_TICKS))
    return [(float(y), str(y)) for y in range(first, last + 1)
            if (y - first) % step == 0 or y in years]


def year_axis(categories: list[str]) -> dict:
    """ChartView's positions, widths and ticks for categories that are years ("2014",
    "2021"), as keywords; none when one is not a year (the chart then spaces them evenly)."""
    try:
        years = [int(c) for c in categories]
    except (TypeError, ValueError):
        return {}
    return {"positions": [float(y) for y in years], "widths": [1.0] * len(years),
            "ticks": year_ticks(years)}
