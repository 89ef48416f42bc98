"""The summary's sentences: one per KPI card, in the monthly report's form for a 累计 figure
(core.monthly_summary) and in core.summary's for a yearly one. `python main.py summary` and
the window's "Copy summary" both read them here."""
from __future__ import annotations

from zoneapp.core.cells import cell_text
from zoneapp.core.monthly import split_time_rows
from zoneapp.core.summary import previous_row, sentence
from zoneapp.views.model import KpiView
from zoneapp.views.ranking import entity_sentence
from zoneapp.views.sections import section_view


def kpi_sentence(dataset, kpi: KpiView, lang: str) -> str:
    """The card's sentence: its own (a monthly figure's), else the yearly one."""
    if kpi.sentence:
        return kpi.sentence
    if kpi.row is None:
        return ""
    if cell_text(kpi.row, "entity"):  # a region's card: its name, its change, its rank
        return entity_sentence(dataset.indicators, kpi, lang)
    yearly = split_time_rows(dataset.indicators)[0]  # never a month as "the year before"
    return sentence(kpi.row, lang, previous_row(yearly, kpi.row))


def section_sentences(dataset, code: str, lang: str = "zh", period: int | None = None,
                      until: int | None = None) -> list[str]:
    """A sentence per KPI card of section `code`."""
    view = section_view(dataset, code, lang, period, until)
    return [s for s in (kpi_sentence(dataset, kpi, lang) for kpi in view.kpis) if s]


def headline_sentences(dataset, lang: str = "zh", period: int | None = None,
                       until: int | None = None) -> list[str]:
    """Every section's sentences, section by section; `period` None: each figure's latest,
    `until`: the last month of `period` a monthly figure is reported to."""
    return [s for section in dataset.sections
            for s in section_sentences(dataset, section.code, lang, period, until)]
