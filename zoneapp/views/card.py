"""The words of a share card and of "Copy summary": its footer, and a sentence per KPI card."""
from __future__ import annotations

import pandas as pd

from zoneapp.core.periods import PeriodSpan
from zoneapp.views.headlines import section_sentences
from zoneapp.views.model import SectionView
from zoneapp.views.words import say


def card_period(dataset, view: SectionView) -> int | None:
    """The period a card is about: the one chosen, else ("all periods") the latest its KPI
    cards show, as they show each figure's latest; without cards the folder's latest."""
    if view.period is not None:
        return view.period
    shown = [card.row.get("period") for card in view.kpis if card.row is not None]
    latest = [int(p) for p in shown if pd.notna(p)] or list(dataset.manifest.periods)
    return max(latest) if latest else None


def period_text(period: int | None, lang: str) -> str:
    """2025年 / 2025; '' for none."""
    return PeriodSpan(period).label(lang) if period is not None else ""


def footer_text(dataset, lang: str, period: int | None, today: str) -> str:
    """The zone and the card's period (`card_period`; None: the folder's latest), the sources,
    and the day the card was made."""
    m = dataset.manifest
    if period is None and m.periods:
        period = max(m.periods)
    shown = period_text(period, lang)
    comma, semicolon = ("，", "；") if lang == "zh" else (", ", "; ")
    sources = semicolon.join(comma.join(p for p in (s.title, s.author, s.publication, s.date) if p)
                             for s in m.sources)
    lines = [f"{m.name(lang)} · {shown}" if shown else m.name(lang)]
    if sources:
        lines.append(say("card|Source: %1", lang, sources))
    lines.append(say("Made with ZoneApp on %1", lang, today))
    return "\n".join(lines)


def summary_text(dataset, code: str, lang: str = "zh", period: int | None = None) -> str:
    """One sentence per KPI card of section `code`, a line each (views.headlines)."""
    return "\n".join(section_sentences(dataset, code, lang, period))
