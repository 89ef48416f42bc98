"""Figures as people read them on cards, charts and tooltips: 42,512,215万元 reads 4,251.2亿元.

A figure of five or more digits before the point climbs its unit's ladder (元 → 万元 → 亿元,
人 → 万人, 吨 → 万吨 …) to the largest rung it is still at least 1 of, as Chinese reports
write it; the unit is said. A figure below 10,000 keeps the unit the data gives (5,000万元,
not 0.5亿元), and counts without a ladder stay as they are (个, 家). English already writes
money in its base unit ("42.51 bn yuan", `units.format_value`). Tables and exports keep the
data's own unit and full precision: they are for Excel.

A scaled figure is rounded to one decimal (two below 10: 1.23万元), never to more digits than
it has; towards what its qualifier claims: 超过 and 以上 round down, 近 and 不足 up, so
"超过4,251.2亿元" stays true of the figure it came from. A figure written "3000多万元" keeps its
unit: 多 belongs to the digits written.
"""
from __future__ import annotations

import math

from zoneapp.core.units import DIMENSIONS, QUALIFIERS, axis_scale as english_axis_scale
from zoneapp.core.units import format_value

SCALE_FROM = 10_000  # a figure this large in its unit (five digits) reads in a larger one
# The units people write large figures in, smallest first; a unit of the same dimension
# that is not a rung (千元) climbs the ladder as well.
LADDERS: dict[str, tuple[str, ...]] = {
    "money_cny": ("元", "万元", "亿元"),
    "money_usd": ("美元", "万美元", "亿美元"),
    "people": ("人", "万人"),
    "mass": ("吨", "万吨"),
    "energy": ("千瓦时", "万千瓦时", "亿千瓦时"),
    "area": ("平方米", "万平方米"),
}
_DIMENSION_OF = {unit: dim for dim, members in DIMENSIONS.items() for unit in members}
# Units that climb: the rungs, and 千元 (a yearbook's unit nobody reads large figures in).
# 亩, 公顷 and 平方公里 are read as they are written: 2万亩 is not 1,333.3万平方米.
_CLIMBS = {unit for ladder in LADDERS.values() for unit in ladder} | {"千元"}
_ROUND_DOWN = {"over", "at_least"}  # 超过, 逾, 以上: a smaller number keeps the claim true
_ROUND_UP = {"under", "nearly"}  # 不足, 近


def reading_unit(value: float, unit: str) -> tuple[str, float]:
    """(unit to read `value` in, factor from `unit` to it): ('亿元', 1e-4) for 42,512,215万元;
    (unit, 1.0) when the figure stays as it is."""
    if value is None or not math.isfinite(value) or abs(value) < SCALE_FROM:
        return unit, 1.0
    dim = _DIMENSION_OF.get(unit)
    if unit not in _CLIMBS or dim not in LADDERS:
        return unit, 1.0
    base = DIMENSIONS[dim]
    chosen = unit
    for rung in LADDERS[dim]:
        if base[rung] > base[unit] and abs(value) * base[unit] / base[rung] >= 1:
            chosen = rung
    return chosen, base[unit] / base[chosen]


def _rounded(value: float, decimals: int, qualifier: str) -> float:
    q = QUALIFIERS.get(qualifier)
    meaning = q.meaning if q is not None else ""
    shift = 10 ** decimals
    if meaning in _ROUND_DOWN:
        return math.floor(value * shift) / shift
    if meaning in _ROUND_UP:
        return math.ceil(value * shift) / shift
    return round(value, decimals)


def format_readable(value: float | None, unit: str = "", qualifier: str = "",
                    lang: str = "zh") -> str:
    """A figure as a card, bar or tooltip shows it: 约4,251.2亿元; English as format_value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    q = QUALIFIERS.get(qualifier)
    if lang != "zh" or (q is not None and q.word in ("多", "余")):
        return format_value(value, unit, qualifier, lang)
    target, factor = reading_unit(value, unit)
    if target == unit:
        return format_value(value, unit, qualifier, lang)
    scaled = value * factor
    shown = _rounded(scaled, 1 if abs(scaled) >= 10 else 2, qualifier)
    return format_value(shown, target, qualifier, lang)


def axis_scale(unit: str, max_value: float, lang: str = "zh") -> tuple[float, str]:
    """(tick-label factor, axis label) for a value axis whose data is in `unit`: the unit
    its largest value reads in (an axis up to 42,512,215万元 reads 亿元, factor 1e-4); English
    money in bn or M yuan (`units.axis_scale`). (1.0, unit) when the axis keeps the data's."""
    if lang != "zh":
        return english_axis_scale(unit, max_value, lang)
    target, factor = reading_unit(abs(max_value) if max_value == max_value else 0.0, unit)
    return factor, target


def tick_texts(values: list[float], scale: float, spacing: float) -> list[str]:
    """Tick labels with thousands separators and as many decimals as the spacing needs,
    never in scientific notation (pyqtgraph's own writes 2e+07 from 10,000 up)."""
    step = abs(spacing * scale)
    places = 0 if step == 0 or not math.isfinite(step) else \
        min(6, max(0, math.ceil(-math.log10(step) - 1e-9)))
    texts = []
    for v in values:
        text = f"{v * scale:,.{places}f}"
        texts.append("0" if text.lstrip("-").strip("0.,") == "" else text)
    return texts
