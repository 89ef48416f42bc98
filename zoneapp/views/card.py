"""The words of a share card and of "Copy summary": its footer, and a sentence per KPI card."""
from __future__ import annotations

from zoneapp.views.headlines import section_sentences
from zoneapp.views.words import say


def footer_text(dataset, lang: str, period: int | None, today: str) -> str:
    """The zone and period, the sources, and the day the card was made."""
    m = dataset.manifest
    shown = str(period) if period is not None else m.period_label()
    comma, semicolon = ("，", "；") if lang == "zh" else (", ", "; ")
    sources = semicolon.join(comma.join(p for p in (s.title, s.author, s.publication, s.date) if p)
                             for s in m.sources)
    lines = [f"{m.name(lang)} · {shown}"]
    if sources:
        lines.append(say("card|Source: %1", lang, sources))
    lines.append(say("Made with ZoneApp on %1", lang, today))
    return "\n".join(lines)


def summary_text(dataset, code: str, lang: str = "zh", period: int | None = None) -> str:
    """One sentence per KPI card of section `code`, a line each (views.headlines)."""
    return "\n".join(section_sentences(dataset, code, lang, period))
