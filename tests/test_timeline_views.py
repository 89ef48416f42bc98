"""The monthly views (#15): cards with completion and 时序进度, charts on a true time axis,
the summary's sentences, and the by-year charts with a gap of years."""
from __future__ import annotations

from pathlib import Path

import pytest

from zoneapp.core.loading import load_dataset
from zoneapp.views.headlines import headline_sentences
from zoneapp.views.sections import section_view
from zoneapp.views.time_axis import month_place, month_ticks, year_axis
from zoneapp.core.periods import PeriodSpan

MONTHLY = Path(__file__).parent / "data" / "monthly_targets"


@pytest.fixture(scope="module")
def ds():
    return load_dataset(MONTHLY)


def test_month_positions_and_one_two_spanning_both():
    assert month_place(PeriodSpan(2025, 1, 2)) == (2025 * 12 + 0.5, 2.0)
    assert month_place(PeriodSpan(2025, 10, 10)) == (2025 * 12 + 9, 1.0)
    assert month_place(PeriodSpan(2025, 4, 6)) == (2025 * 12 + 4, 3.0)  # Q2 over Apr-Jun
    ticks = month_ticks([PeriodSpan(2024, 1, 2), PeriodSpan(2025, 10, 10)], "zh")
    assert len(ticks) == 22  # every month from January 2024 to October 2025
    assert ticks[0] == (2024 * 12.0, "1月\n2024年") and ticks[12] == (2025 * 12.0, "1月\n2025年")
    assert ticks[2] == (2024 * 12 + 2.0, "3月")
    assert month_ticks([PeriodSpan(2025, 3, 3)], "en")[2][1] == "Mar"


def test_years_at_their_true_places_with_a_gap():
    axis = year_axis(["2014", "2021"])
    assert axis["positions"] == [2014.0, 2021.0]  # seven years apart, not adjacent
    assert [label for _, label in axis["ticks"]] == [str(y) for y in range(2014, 2022)]
    assert year_axis(["新建", "续建"]) == {}  # not years: evenly spaced as before


def test_by_year_charts_use_the_true_axis(tmp_path):
    folder = tmp_path / "gap"
    import shutil

    shutil.copytree(Path(__file__).parent / "data" / "three_periods", folder)
    text = (folder / "indicators.csv").read_text(encoding="utf-8-sig")
    (folder / "indicators.csv").write_text(text.replace(",2017,", ",2011,"), encoding="utf-8")
    toml = (folder / "zone.toml").read_text(encoding="utf-8")
    (folder / "zone.toml").write_text(toml.replace("[2017, 2018, 2019]", "[2011, 2018, 2019]"),
                                      encoding="utf-8")
    view = section_view(load_dataset(folder), "relief", "zh")
    chart = view.charts[0]
    assert chart.categories == ["2011", "2018", "2019"]
    assert chart.positions == [2011.0, 2018.0, 2019.0]
    assert chart.ticks[0] == (2011.0, "2011") and len(chart.ticks) == 9


def test_cards_show_completion_and_time_elapsed(ds):
    zh = section_view(ds, "overview", "zh").kpis
    revenue = zh[0]
    assert revenue.title == "规上工业营业收入（2025年1–10月累计）"
    assert revenue.value_text == "450.2亿元" and revenue.yoy_text == "同比 ▲9.8%"
    assert revenue.compare_text == "10月当月：43.7亿元（推算）"
    assert (revenue.completion_pct, revenue.elapsed_pct, revenue.gap_pp) == (88.2, 83.3, 4.9)
    assert revenue.target_text == "完成年度目标88.2%"
    assert revenue.elapsed_text == "时序进度83.3%，高于4.9个百分点"
    assert "≈ 88.2%" in revenue.tooltip
    en = section_view(ds, "overview", "en").kpis[2]
    assert en.target_text == "76.1% of the annual target"
    assert en.elapsed_text == "time elapsed 83.3%, 7.2 points behind"
    output = section_view(ds, "overview", "zh").kpis[1]
    assert output.yoy_text == "同比 ▲8.2%（推算）" and output.completion_pct is None
    assert "同比由2025年1–10月累计566.9亿元与2024年1–10月累计" in output.tooltip


def test_a_chosen_year_shows_that_years_figures(ds):
    revenue = section_view(ds, "overview", "zh", 2024).kpis[0]
    assert revenue.title == "规上工业营业收入（2024年1–12月累计）"
    assert (revenue.completion_pct, revenue.gap_pp) == (92.3, -7.7)


def test_month_chart_and_progress_chart(ds):
    view = section_view(ds, "overview", "zh")
    month = view.chart("month_industrial_revenue")
    assert month.title == "规上工业营业收入：当月"
    assert len(month.bars) == 20  # 2024: 1–2月 + 10 months; 2025: 1–2月 + 8 months
    assert month.bars[0].label == "2024年1–2月" and month.widths[0] == 2.0
    assert all(bar.derived for bar in month.bars)
    assert month.positions[-1] == 2025 * 12 + 9
    goal = view.chart("target_industrial_revenue")
    assert [b.display for b in goal.bars][-1] == "88.2%"
    assert goal.lines[0].name == "时序进度"
    assert (goal.lines[0].ys, goal.lines[0].xs[1] - goal.lines[0].xs[0]) == ([0.0, 100.0], 12)
    ytd = view.chart("ytd_industrial_output")  # no target: the 累计 themselves
    assert ytd.title == "工业总产值：累计"
    # each 累计 stands over the months it added: 1–3月 over March only
    assert ytd.widths[:2] == [2.0, 1.0]
    assert view.chart("month_tax_revenue").title == "税收收入：当期"  # quarters


def test_headline_sentences_for_a_month(ds):
    zh = headline_sentences(ds, "zh", 2025, 6)
    assert zh[0] == ("上半年，规上工业营业收入累计完成274.8亿元，同比增长9.9%，完成年度目标的53.8%，"
                     "高于时序进度3.8个百分点。")
    assert "2025年规上工业企业92家，比2024年增长7%。" in zh  # a yearly figure keeps its sentence
    en = headline_sentences(ds, "en")
    assert en[0].startswith("In January–October, revenue of industrial enterprises")


def test_seed_data_views_unchanged_by_months(default_dataset):
    view = section_view(default_dataset, "overview", "zh")
    assert all(k.completion_pct is None and not k.sentence for k in view.kpis)
    assert not any(c.key.startswith(("month_", "ytd_", "target_")) for c in view.charts)


def test_whole_years_and_months_of_one_key_stay_apart(tmp_path):
    import shutil

    folder = tmp_path / "zone"
    shutil.copytree(MONTHLY, folder)
    with open(folder / "indicators.csv", "a", encoding="utf-8") as f:
        for year, value in ((2021, 402.0), (2023, 455.0)):
            f.write(f"overview,industrial_revenue,规上工业营业收入,Revenue of industrial enterprises"
                    f" above designated size,{year},{value},亿元,,,reported,M1,,,,year\n")
    view = section_view(load_dataset(folder), "overview", "zh")
    years = view.chart("by_period")  # the overview's money chart, by year
    assert years.categories == ["2021", "2023"] and years.positions == [2021.0, 2023.0]
    assert [b.value for bars in years.series.values() for b in bars] == [402.0, 455.0]
    month = view.chart("month_industrial_revenue")
    assert all(bar.ref["period_detail"] for bar in month.bars)  # no whole year among months
    titles = [k.title for k in view.kpis]
    assert "规上工业营业收入（2025年1–10月累计）" in titles and "规上工业营业收入" in titles
