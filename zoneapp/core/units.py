"""Units and qualifiers the data may use, and how figures are written in Chinese and English."""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    code: str  # as written in the data, in Chinese
    en: str  # English label, used in headers: "Revenue (100M yuan)"
    count: bool = False  # whole numbers: shown without decimals
    # English writes large Chinese units in a base unit: 506.1亿元 -> 50.61 bn yuan.
    base: str = ""
    factor: float = 1.0


UNITS: dict[str, Unit] = {
    u.code: u
    for u in (
        Unit("亿元", "100M yuan", base="yuan", factor=1e8),
        Unit("万元", "10k yuan", base="yuan", factor=1e4),
        Unit("元", "yuan", base="yuan"),
        Unit("亩", "mu"),
        Unit("万平方米", "10k m²", base="m²", factor=1e4),
        Unit("平方米", "m²"),
        Unit("公里", "km"),
        Unit("%", "%"),
        Unit("人", "people", count=True),
        Unit("家", "firms", count=True),
        Unit("户", "entities", count=True),  # 65户中小微企业: firms counted as accounts
        Unit("个", "", count=True),
        Unit("项", "items", count=True),
        Unit("场", "events", count=True),
        Unit("批", "batches", count=True),
        # Units of statistical yearbooks and monthly reports (#14).
        Unit("千元", "k yuan", base="yuan", factor=1e3),
        Unit("美元", "US dollars", base="US dollars"),
        Unit("万美元", "10k US dollars", base="US dollars", factor=1e4),
        Unit("亿美元", "100M US dollars", base="US dollars", factor=1e8),
        Unit("万人", "10k people", base="people", factor=1e4),
        Unit("人年", "person-years"),
        Unit("件", "pieces", count=True),
        Unit("台", "units", count=True),
        Unit("辆", "vehicles", count=True),
        Unit("吨", "t"),
        Unit("万吨", "10k t", base="t", factor=1e4),
        Unit("千瓦时", "kWh"),
        Unit("万千瓦时", "10k kWh", base="kWh", factor=1e4),
        Unit("亿千瓦时", "100M kWh", base="kWh", factor=1e8),
        Unit("公顷", "ha"),
        Unit("平方公里", "km²"),
    )
}

# Units that measure the same thing, with how many of the dimension's first unit each is:
# 万元 <-> 亿元 convert, 万元 <-> 吨 do not. `convert` reads this.
DIMENSIONS: dict[str, dict[str, float]] = {
    "money_cny": {"元": 1, "千元": 1e3, "万元": 1e4, "亿元": 1e8},
    "money_usd": {"美元": 1, "万美元": 1e4, "亿美元": 1e8},
    "people": {"人": 1, "万人": 1e4},
    "mass": {"吨": 1, "万吨": 1e4},
    "energy": {"千瓦时": 1, "万千瓦时": 1e4, "亿千瓦时": 1e8},
    "area": {"平方米": 1, "万平方米": 1e4, "公顷": 1e4, "平方公里": 1e6, "亩": 10000 / 15},
}


def convert(value: float, unit: str, to: str,
            declared: dict[str, tuple[str, float]] | None = None) -> float | None:
    """`value` in `unit` expressed in `to` (3.5万元 -> 0.00035亿元); None when the two are
    not of one dimension. `declared`: a folder's own units, code -> (dimension, factor)."""
    if unit == to:
        return value
    scale: dict[str, tuple[str, float]] = {
        code: (dim, factor) for dim, members in DIMENSIONS.items() for code, factor in members.items()}
    scale.update(declared or {})
    a, b = scale.get(unit), scale.get(to)
    if a is None or b is None or a[0] != b[0]:
        return None
    return value * a[1] / b[1]

# Other spellings people type for the same unit.
UNIT_ALIASES: dict[str, str] = {
    "万㎡": "万平方米",
    "万m²": "万平方米",
    "万m2": "万平方米",
    "㎡": "平方米",
    "m²": "平方米",
    "m2": "平方米",
    "km": "公里",
    "千米": "公里",
    "％": "%",
    "百分比": "%",
    "kwh": "千瓦时",
    "度": "千瓦时",
    "万度": "万千瓦时",
    "亿度": "亿千瓦时",
    "hm²": "公顷",
    "km²": "平方公里",
    "km2": "平方公里",
    "count": "个",  # its English export label
}
# Export labels where the English label is blank (a count of 个 reads as a bare number).
EXPORT_UNIT_LABELS_EN = {"个": "count"}


@dataclass(frozen=True)
class Qualifier:
    word: str  # as written in the source: 约, 超过, 逾, 以上, 多, 近, 不足
    en: str
    meaning: str  # about | over | at_least | under | nearly
    suffix: bool = False  # written after the number (3000人以上, 50多家)


QUALIFIERS: dict[str, Qualifier] = {
    q.word: q
    for q in (
        Qualifier("约", "about", "about"),
        Qualifier("超过", "over", "over"),
        Qualifier("逾", "over", "over"),
        Qualifier("以上", "at least", "at_least", suffix=True),
        Qualifier("多", "more than", "over", suffix=True),
        Qualifier("余", "more than", "over", suffix=True),
        Qualifier("近", "nearly", "nearly"),
        Qualifier("不足", "under", "under"),
    )
}

# English words a user may type in a qualifier cell instead of the Chinese one.
QUALIFIER_ALIASES: dict[str, str] = {
    "about": "约",
    "approx.": "约",
    "over": "超过",
    "at least": "以上",
    "more than": "多",
    "nearly": "近",
    "under": "不足",
}

# "About" is taken as within ±5 %: wide enough for rounding in a newspaper, narrow enough
# that a consistency rule can still fail.
ABOUT_TOLERANCE = 0.05


# English labels read back as units, so a table exported with `--lang en` loads again.
_ENGLISH_UNITS: dict[str, str] = {u.en.lower(): u.code for u in UNITS.values() if u.en}
assert len(_ENGLISH_UNITS) == sum(1 for u in UNITS.values() if u.en), "English unit labels clash"


def normalise_unit(text: str) -> str | None:
    """The canonical unit for `text`, or None when it is not one we know."""
    text = text.strip()
    if text in UNITS:
        return text
    lowered = text.lower()
    return UNIT_ALIASES.get(text) or UNIT_ALIASES.get(lowered) or _ENGLISH_UNITS.get(lowered)


def export_unit_label(unit: str, lang: str) -> str:
    """The unit as an exported table (or a unit column) writes it: the English label."""
    if lang != "zh" and unit in EXPORT_UNIT_LABELS_EN:
        return EXPORT_UNIT_LABELS_EN[unit]
    return (unit_label(unit, lang) or unit) if unit in UNITS else unit


def normalise_qualifier(text: str) -> str | None:
    """The canonical qualifier word for `text` ('' for none), or None when unknown."""
    text = text.strip()
    if text == "" or text in QUALIFIERS:
        return text
    return QUALIFIER_ALIASES.get(text.lower())


def bounds(value: float, qualifier: str) -> tuple[float, float]:
    """The interval a qualified figure stands for: 超过3000 is (3000, inf), 约2.99 is 2.99±5 %."""
    q = QUALIFIERS.get(qualifier)
    if q is None:
        return value, value
    if q.meaning == "about":
        d = abs(value) * ABOUT_TOLERANCE
        return value - d, value + d
    if q.meaning in ("over", "at_least"):
        return value, math.inf
    if q.meaning == "nearly":
        return value * (1 - ABOUT_TOLERANCE), value
    return -math.inf, value  # under


def format_number(value: float, unit: str = "", lang: str = "zh", decimals: int | None = None) -> str:
    """A number as a user reads it: thousands separators, no trailing zeros, counts whole."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    u = UNITS.get(unit)
    if decimals is None:
        if u is not None and u.count and float(value).is_integer():
            decimals = 0
        else:
            decimals = 2
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def unit_label(unit: str, lang: str = "zh") -> str:
    """The unit's name in the language: 亿元 / 100M yuan."""
    if lang == "zh":
        return unit
    u = UNITS.get(unit)
    return u.en if u is not None else unit


def qualifier_label(qualifier: str, lang: str = "zh") -> str:
    if lang == "zh" or not qualifier:
        return qualifier
    q = QUALIFIERS.get(qualifier)
    return q.en if q is not None else qualifier


def _english_scaled(value: float, unit: Unit) -> str:
    amount = value * unit.factor
    for scale, name in ((1e9, "bn"), (1e6, "M")):
        if abs(amount) >= scale:
            return f"{format_number(amount / scale)} {name} {unit.base}"
    return f"{format_number(amount)} {unit.base}"


def format_value(value: float, unit: str = "", qualifier: str = "", lang: str = "zh") -> str:
    """A figure with its qualifier and unit: 约2.99亿元, 超过3,000人, 50多家; about 299 M yuan."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    u = UNITS.get(unit)
    q = QUALIFIERS.get(qualifier)
    if lang == "zh":
        number = format_number(value, unit)
        if q is not None and q.suffix:
            # 50多家: 多 sits between number and unit; 4亿元以上: 以上 follows the unit.
            if q.word in ("多", "余"):
                return f"{number}{q.word}{unit}"
            return f"{number}{unit}{q.word}"
        prefix = q.word if q is not None else ""
        return f"{prefix}{number}{unit}"
    if u is not None and u.base:
        body = _english_scaled(value, u)
    elif unit == "%":
        body = f"{format_number(value, unit)}%"
    else:
        label = u.en if u is not None else unit
        body = f"{format_number(value, unit)} {label}".strip()
    if q is None:
        return body
    return f"{q.en} {body}"


def format_percent(value: float, lang: str = "zh", signed: bool = True) -> str:
    """A year-on-year change: +11.7% (同比 is added by the caller, which knows the context)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    sign = "+" if signed and value > 0 else ""
    return f"{sign}{format_number(value, '%', decimals=1)}%"


def axis_scale(unit: str, max_value: float, lang: str = "zh") -> tuple[float, str]:
    """(tick-label factor, axis label) for a value axis whose data is in `unit`.

    English writes large Chinese units in a base unit, as format_value does: an axis of 亿元
    up to 506.1 reads "bn yuan" with ticks 0, 20, 40 (factor 0.1); below 10亿元 it reads
    "M yuan" (factor 100). Chinese, and units without a base, keep the data's scale.
    """
    u = UNITS.get(unit)
    if lang == "zh" or u is None or not u.base:
        return 1.0, unit_label(unit, lang)
    amount = abs(max_value) * u.factor if not math.isnan(max_value) else 0.0
    for scale, name in ((1e9, "bn"), (1e6, "M")):
        if amount >= scale:
            return u.factor / scale, f"{name} {u.base}"
    return u.factor, u.base
