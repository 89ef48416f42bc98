"""Plain helpers that turn a Dataset's indicator rows into texts and chart bars."""
from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd

from zoneapp.core.cells import cell_text as text
from zoneapp.core.readable import format_readable
from zoneapp.core.units import UNITS, format_percent
from zoneapp.views.model import Bar
from zoneapp.views.words import say


def name(row, lang: str, stem: str = "name") -> str:
    """The row's name in the language, falling back to Chinese."""
    return (text(row, f"{stem}_en") if lang != "zh" else "") or text(row, f"{stem}_zh")


def period_title(title: str, span, kind: str, lang: str) -> str:
    """A card's title with the months it covers and whether 累计: 现价工业产值（2024年1–5月累计）,
    现价工业产值（2024年5月）; "…, Jan–May 2024 year to date". `span` a core.periods.PeriodSpan,
    `kind` 'ytd' or another of core.monthly.kind_of's."""
    from zoneapp.core.monthly import span_label

    months = span_label(span, lang) if lang == "zh" else span.label("en").replace("-", "–")
    if kind == "ytd":
        return f"{title}（{months}累计）" if lang == "zh" else f"{title}, {months} year to date"
    return f"{title}（{months}）" if lang == "zh" else f"{title}, {months}"


def kind_name(row, lang: str) -> str:
    """The name with its kind when it has one: 现价工业产值累计, 现价工业产值当月; "…, year to
    date", "…, month". A 当月 and a 累计 table of one figure were titled alike."""
    kind = text(row, "value_kind")
    words = {"ytd": ("累计", ", year to date"), "month": ("当月", ", month")}.get(kind)
    if words is None:
        return name(row, lang)
    return name(row, lang) + (words[0] if lang == "zh" else words[1])


def latest_by_key(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per key, the latest period, in the order the keys first appear."""
    if rows is None or rows.empty:
        return rows
    # Chosen on the two columns in numpy, then the rows taken at once: a province's section
    # has 400,000 rows, which a loop in Python walks in a second. A missing period counts as
    # the latest; a tie goes to the later row.
    return rows.iloc[last_positions(rows["key"], rows["period"])]


def last_positions(keys: pd.Series, periods: pd.Series) -> np.ndarray:
    """For each key, in the order keys first appear, the position of its row with the
    latest period (a missing period counting as the latest, a tie going to the later row)."""
    codes, _ = pd.factorize(keys, sort=False)  # numbered in order of first appearance
    order = np.lexsort((np.arange(len(codes)),
                        periods.to_numpy(dtype=float, na_value=np.inf), codes))
    ends = np.append(codes[order][1:] != codes[order][:-1], True)
    chosen = order[ends]  # one per code, in code order
    return chosen[codes[chosen] >= 0]  # a missing key (-1) is no key


def is_derived(row) -> bool:
    return text(row, "basis") == "derived"


def display(row, lang: str) -> str:
    """The figure as a bar or tooltip shows it, in the unit people read it in (4,251.2亿元)."""
    return format_readable(row["value"], text(row, "unit"), text(row, "qualifier"), lang)


def tooltip(title: str, value_text: str, lang: str, *, period: str = "", yoy=None,
            derived: bool = False, derivation: str = "", source: str = "") -> str:
    """Rich-text tooltip: what, value (unit and qualifier), year, basis and source sentence."""
    lines = [f"<b>{html.escape(title)}</b>" + (f" · {html.escape(period)}" if period else ""),
             html.escape(value_text)]
    if yoy is not None and not (isinstance(yoy, float) and math.isnan(yoy)):
        lines.append(html.escape(say("Year on year: %1", lang, format_percent(yoy, lang))))
    if derived:
        basis = say("Derived", lang)
        if derivation:
            basis += ": " + derivation
        lines.append(f"<i>{html.escape(basis)}</i>")
    elif source:
        quoted = say("Source: %1", lang, f"“{source}”")
        lines.append(html.escape(quoted))
    return "<br>".join(lines)


def period_text(row, lang: str) -> str:
    """The row's period as a tooltip names it: 2024; 2024年5月, 2024年1–5月累计 / Jan–May 2024
    year to date for a figure below a year (its bar said only "2024")."""
    from zoneapp.core.monthly import kind_of, span_label, span_of

    span = span_of(row)
    kind = kind_of(row, span) if span is not None else ""
    if span is None or (span.whole_year and kind != "ytd"):
        return text(row, "period")
    months = span_label(span, lang)
    if kind == "ytd":
        return months + ("累计" if lang == "zh" else " year to date")
    return months


def indicator_tooltip(row, lang: str) -> str:
    derivation = text(row, "derivation_zh" if lang == "zh" else "derivation_en") \
        or text(row, "derivation_zh") or text(row, "note")
    yoy = row.get("yoy_pct") if hasattr(row, "get") else None
    try:
        yoy = None if yoy is None or pd.isna(yoy) else float(yoy)
    except (TypeError, ValueError):
        yoy = None
    return tooltip(name(row, lang), display(row, lang), lang, period=period_text(row, lang), yoy=yoy,
                   derived=is_derived(row), derivation=derivation,
                   source=text(row, "source_sentence"))


def indicator_bar(row, lang: str, label: str | None = None, series: str = "") -> Bar:
    return Bar(label=label if label is not None else name(row, lang), value=float(row["value"]),
               display=display(row, lang), tooltip=indicator_tooltip(row, lang),
               derived=is_derived(row), series=series, unit=text(row, "unit"), ref=row)


def unit_axis_label(unit: str, lang: str) -> str:
    """The value axis' label: the unit, or "number" for a bare count (个 has no English).
    A lone Chinese character turned on its side reads as a sign (个 as ←): it is named as the
    unit ("单位：个")."""
    u = UNITS.get(unit)
    label = unit if lang == "zh" else (u.en if u is not None else unit)
    if lang == "zh" and len(label) == 1 and not label.isascii():
        return f"单位：{label}"
    return label or say("number", lang)


def common_money_unit(counts: dict[str, int]) -> str:
    """The most used money unit, given how often each unit occurs (亿元 when tied)."""
    money = {u: n for u, n in counts.items() if u in UNITS and UNITS[u].base == "yuan"}
    if not money:
        return ""
    return max(sorted(money, key=lambda u: -UNITS[u].factor), key=money.get)


def convert(value: float, unit: str, target: str) -> float:
    """`value` in `unit` expressed in `target` (both yuan-based units)."""
    if unit == target or unit not in UNITS or target not in UNITS:
        return value
    return value * UNITS[unit].factor / UNITS[target].factor
