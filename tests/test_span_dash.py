"""A span of months reads with the en dash (1–5月, Jan–May 2024) wherever it is shown: the
ranking's chart titles said "1-5月" beside cards saying "1–5月"."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from zoneapp.core.loading import load_dataset
from zoneapp.core.monthly import span_label
from zoneapp.core.periods import PeriodSpan, period_detail_label
from zoneapp.views.headlines import headline_sentences
from zoneapp.views.sections import section_view

MONTHLY = Path(__file__).parent / "data" / "monthly_targets"
HYPHENED = re.compile(r"\d-\d+月|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-[A-Z]")


@pytest.mark.parametrize("span, zh, en", [
    (PeriodSpan(2024, 1, 5), "2024年1–5月", "Jan–May 2024"),
    (PeriodSpan(2024, 4, 10), "2024年4–10月", "Apr–Oct 2024"),
    (PeriodSpan(2024, 1, 3), "2024年一季度", "2024 Q1"),
    (PeriodSpan(2024, 5, 5), "2024年5月", "May 2024"),
])
def test_period_span_label_uses_the_en_dash(span, zh, en):
    assert (span.label("zh"), span.label("en")) == (zh, en)
    assert period_detail_label(span.code(), "zh") == zh


def test_span_label_and_period_span_label_agree():
    span = PeriodSpan(2025, 1, 10)
    assert span_label(span, "zh") == span.label("zh") == "2025年1–10月"
    assert span_label(span, "en") == "January–October 2025"


def _parks(tmp_path: Path) -> Path:
    """Parks ranked by 1–5月累计, and by 5月 alone, with a total and an own park."""
    folder = tmp_path / "parks"
    folder.mkdir()
    (folder / "zone.toml").write_text(
        '[zone]\nname_zh = "测试园区"\nname_en = "Test Zone"\nperiods = [2024]\n'
        'own_entity = "B园"\n', encoding="utf-8")
    lines = ["section,key,name_zh,name_en,period,value,unit,entity,entity_en,aggregate,"
             "period_detail,value_kind"]
    for park, en, base in (("A园", "Park A", 10.0), ("B园", "Park B", 30.0), ("C园", "Park C", 20.0)):
        for month in (4, 5):
            lines.append(f"overview,output,产值,Output,2024,{base * month},亿元,{park},{en},,"
                         f"2024-01..2024-{month:02d},ytd")
        lines.append(f"overview,output,产值,Output,2024,{base},亿元,{park},{en},,2024-05,month")
    lines.append("overview,output,产值,Output,2024,300,亿元,合计,Total,yes,2024-01..2024-05,ytd")
    (folder / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _shown(view) -> list[str]:
    """Every text a section view shows: cards, charts (titles, bars, notes), tables."""
    texts = []
    for k in view.kpis:
        texts += [k.title, k.compare_text, k.tooltip, k.accessible_text, k.sentence]
    for c in view.charts:
        texts += [c.title, c.note, c.highlight_label, *c.categories, *c.series]
        texts += [t for b in c.all_bars() for t in (b.label, b.display, b.tooltip)]
    for t in view.tables:
        texts.append(t.title)
        if t.schema is not None:
            texts += [col.label(view.lang) for col in t.schema.columns]
    return [t for t in texts if t]


@pytest.mark.parametrize("lang, title", [
    ("zh", "产值：3个园区排名（2024年1–5月累计）"),
    ("en", "Jan–May 2024 year to date"),
])
def test_ranking_titles_cards_and_tables_use_the_en_dash(tmp_path, lang, title):
    ds = load_dataset(_parks(tmp_path))
    view = section_view(ds, "overview", lang)
    chart = view.chart("rank_output_ytd")
    assert title in chart.title
    shown = _shown(view)
    assert not [t for t in shown if HYPHENED.search(t)]
    dash = "1–5月" if lang == "zh" else "Jan–May"
    assert any(dash in k.title for k in view.kpis)  # the cards say it as the chart does
    table = next(t for t in view.tables if t.key == "entities_output_ytd")
    assert [c.label(lang) for c in table.schema.columns][1:] == (
        ["2024年1–4月", "2024年1–5月"] if lang == "zh" else ["Jan–Apr 2024", "Jan–May 2024"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_monthly_views_and_summary_use_the_en_dash(lang):
    ds = load_dataset(MONTHLY)
    for code in ("overview", "innovation"):
        assert not [t for t in _shown(section_view(ds, code, lang)) if HYPHENED.search(t)]
    sentences = headline_sentences(ds, lang)
    assert sentences and not [s for s in sentences if HYPHENED.search(s)]

