"""The phrases a figure's sentence is made of, in both languages: a change (同比增长9.8% /
up 9.8% year on year) and an English subject in the middle of a sentence. The yearly sentence
(core.summary) and the monthly one (core.monthly_summary) share them."""
from __future__ import annotations

from .units import format_number


def english_subject(name: str) -> str:
    """'Main business revenue' -> 'main business revenue'; proper names keep their capitals."""
    words = name.split()
    if not words:
        return name
    first = words[0]
    proper = len(words) > 1 and words[1][:1].isupper()
    if proper or not first[:1].isupper() or (len(first) > 1 and first[1:2].isupper()):
        return name
    return first[:1].lower() + name[1:]


def change_zh(pct: float, against: str = "") -> str:
    amount = format_number(abs(pct), "%", decimals=1) + "%"
    lead = f"比{against}年" if against else "同比"
    if pct > 0:
        return f"{lead}增长{amount}"
    if pct < 0:
        return f"{lead}下降{amount}"
    return f"与{against}年持平" if against else "与上年持平"


def change_en(pct: float, against: str = "") -> str:
    amount = format_number(abs(pct), "%", decimals=1) + "%"
    tail = f"on {against}" if against else "year on year"
    if pct > 0:
        return f"up {amount} {tail}"
    if pct < 0:
        return f"down {amount} {tail}"
    return f"unchanged on {against}" if against else "unchanged year on year"
