"""The view layer alone: plain pytest, no QApplication, no Qt imported."""
from __future__ import annotations

import subprocess
import sys

import pytest

from zoneapp.core.loading import load_dataset
from zoneapp.paths import DEFAULT_DATA
from zoneapp.views.card import footer_text, summary_text
from zoneapp.views.sections import section_view


@pytest.fixture(scope="module")
def seed():
    return load_dataset(DEFAULT_DATA)


def test_views_import_no_qt():
    code = ("import sys; from zoneapp.views.sections import section_view; "
            "from zoneapp.views import card; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_overview_view_in_both_languages(seed):
    zh = section_view(seed, "overview", "zh")
    assert [k.title for k in zh.kpis][:2] == ["主营业务收入", "利润"]
    revenue = zh.kpis[0]
    assert (revenue.value_text, revenue.yoy_text) == ("506.1亿元", "同比 ▲11.7%")
    assert revenue.compare_text == "2018年：约453.1亿元（推算）"
    assert revenue.accessible_text == "主营业务收入 506.1亿元 同比增长11.7%"
    chart = zh.chart("by_period")
    assert chart.title == "主营业务收入、利润(按年份)"
    assert chart.categories == ["2018", "2019"]
    assert [b.value for b in chart.series["主营业务收入"]] == [453.1, 506.1]
    assert [b.derived for b in chart.series["主营业务收入"]] == [True, False]
    en = section_view(seed, "overview", "en")
    assert en.kpis[0].yoy_text == "YoY ▲11.7%"
    assert en.chart("by_period").title == "Main business revenue and profit by year"
    assert [t.key for t in en.tables] == ["honours", "indicators"]
    assert en.tables[1].title == "Figures and sources"


def test_a_period_filters_tables_and_cards_not_charts(seed):
    view = section_view(seed, "overview", "zh", 2018)
    assert {k.key for k in view.kpis} == {"revenue", "profit", "profit_margin"}
    assert all(k.derived for k in view.kpis)
    assert set(view.tables[-1].frame["period"]) == {2018}
    assert view.chart("by_period").categories == ["2018", "2019"]


def test_breakdowns_are_one_rule_each_and_their_parts_are_not_cards(seed):
    view = section_view(seed, "projects", "en")
    by_kind = view.chart("split_projects_total")
    assert [b.value for b in by_kind.bars] == [25, 10, 15]
    assert by_kind.title == "New and continuing projects: breakdown"
    bands = view.chart("split_projects_inv_100m")
    assert bands.title.endswith(": of which")
    assert bands.note and bands.note.isascii()  # the English half of the rule's note
    keys = {k.key for k in view.kpis}
    assert {"projects_new", "projects_continuing"}.isdisjoint(keys)
    assert {"projects_total", "projects_2050", "land_acquired", "land_eip"} <= keys


def test_financing_has_cards_and_no_chart_of_unlike_figures(seed):
    view = section_view(seed, "financing", "zh")
    assert view.charts == []
    assert [k.value_text for k in view.kpis] == ["4亿元以上", "约2.99亿元", "65户"]


def test_card_footer_and_summary(seed):
    assert footer_text(seed, "en", None, "2026-01-02").splitlines()[-1] == \
        "Made with ZoneApp on 2026-01-02"
    assert "来源：" in footer_text(seed, "zh", None, "2026-01-02")
    assert summary_text(seed, "overview", "zh").splitlines()[0] == \
        "2019年主营业务收入506.1亿元，同比增长11.7%。"


@pytest.mark.parametrize("code", ["projects", "innovation", "relief", "environment"])
def test_every_measure_is_on_its_sections_page(seed, code):
    measures = seed.table("measures")
    view = section_view(seed, code, "zh")
    shown = next(t.frame for t in view.tables if t.key == "measures")
    assert len(shown) == (measures["section"] == code).sum() > 0


def test_a_note_in_both_languages_is_split_after_the_chinese():
    from zoneapp.views.charts import in_language

    note = "均为“超过”数,校验按区间进行。All three are 'over' figures; the check compares ranges."
    assert in_language(note, "zh") == "均为“超过”数,校验按区间进行。"
    assert in_language(note, "en") == "All three are 'over' figures; the check compares ranges."
    assert in_language("称为“高新区”The zone", "zh") == "称为“高新区”"
    assert in_language("称为“高新区”The zone", "en") == "The zone"
    assert in_language("只有中文。", "en") == "只有中文。"
    assert in_language("English only", "zh") == "English only"
