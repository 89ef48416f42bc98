"""Each tab shows the data layer's figures: KPI texts, plotted values, table display text."""
from __future__ import annotations

import pytest

from zoneapp.core.units import format_value
from zoneapp.ui.tabs.page import SectionPage


def _tab(qtbot, code, dataset, lang="zh"):
    tab = SectionPage(code)
    qtbot.addWidget(tab)
    tab.resize(1240, 700)
    tab.set_dataset(dataset, lang)
    return tab


def _value(ds, key, period=None):
    return float(ds.indicator(key, period)["value"])


def _display(ds, key, lang="zh"):
    row = ds.indicator(key)
    qualifier = row["qualifier"] if isinstance(row["qualifier"], str) else ""
    return format_value(row["value"], row["unit"], qualifier, lang)


def _cell(panel, row, column_key):
    model = panel.model
    column = model.column_keys().index(column_key)
    return model.data(model.index(row, column))


def _all_plotted(tab):
    return [v for chart in tab.charts.values() for v in chart.plotted_values()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_kpis_chart_and_honours(qtbot, zone_app, default_dataset, lang):
    ds = default_dataset
    tab = _tab(qtbot, "overview", ds, lang)
    titles = [card.title_text() for card in tab.kpis]
    values = [card.value_text() for card in tab.kpis]
    revenue = ds.indicator("revenue")
    assert revenue[f"name_{lang}"] in " ".join(titles)
    assert any(_display(ds, "revenue", lang) in v for v in values)
    chart = tab.charts["by_period"]
    revenue_rows = ds.indicators[ds.indicators["key"] == "revenue"].sort_values("period")
    profit_rows = ds.indicators[ds.indicators["key"] == "profit"].sort_values("period")
    expected = list(revenue_rows["value"]) + list(profit_rows["value"])
    assert chart.plotted_values() == pytest.approx(expected)
    assert chart.plotted_labels() == [str(p) for p in revenue_rows["period"]]
    derived = [bar.derived for bar in chart.bars()]
    assert derived == list(revenue_rows["basis"].eq("derived")) + list(profit_rows["basis"].eq("derived"))
    assert any(derived), "the default data derives the year before from the YoY change"
    reported = next(b for b in chart.bars() if not b.derived)
    assert revenue_rows.iloc[-1]["source_sentence"][:10] in reported.tooltip
    honours = ds.table("honours")
    panel = tab.tables["honours"]
    assert panel.model.rowCount() == len(honours)
    name = panel.model.shown_key("honour_zh")  # honour_en in English: it is filled
    shown = {_cell(panel, r, name) for r in range(len(honours))}
    assert set(honours[name]) == shown


def test_projects_charts_follow_the_register_and_rules(qtbot, zone_app, default_dataset):
    ds = default_dataset
    tab = _tab(qtbot, "projects", ds)
    projects = ds.table("projects")
    invested = projects[projects["investment"].notna()]
    chart = tab.charts["investment"]
    assert sorted(chart.plotted_values()) == sorted(invested["investment"].astype(float))
    assert set(chart.plotted_labels()) == set(invested["name_zh"])
    # New + continuing = all projects: the whole and exactly the parts that add up to it, not
    # the '2050' or ≥100M yuan counts of other rules on the same whole.
    by_kind = tab.charts["split_projects_total"]
    assert by_kind.plotted_values() == pytest.approx(
        [_value(ds, "projects_total"), _value(ds, "projects_new"), _value(ds, "projects_continuing")])
    assert by_kind.title_text() == "新建、续建项目构成"
    bands = tab.charts["split_projects_inv_100m"]
    assert bands.plotted_values() == pytest.approx(
        [_value(ds, k) for k in ("projects_inv_100m", "projects_inv_2bn", "projects_inv_1bn",
                                 "projects_inv_500m")])
    assert bands.title_text() == "总投资亿元以上项目：其中"
    assert bands.note_text() == "三档按分档理解,互不重叠。"  # the rule's note, in Chinese
    # A lone part beside its whole is no breakdown: both are cards. Stages without a project
    # get no bar (the register has three stages, one project at each).
    assert "split_land_acquired" not in tab.charts
    assert tab.charts["stages"].plotted_values() == [1.0, 1.0, 1.0]
    assert set(tab.charts) == {"investment", "stages", "split_projects_total",
                               "split_projects_inv_100m"}
    kpi_titles = [card.title_text() for card in tab.kpis]
    for key in ("projects_total", "projects_2050", "land_acquired", "land_eip",
                "factory_space_since_2018", "municipal_projects_since_2018"):
        assert ds.indicator(key)["name_zh"] in kpi_titles, key
    for part in ("projects_new", "projects_continuing", "projects_inv_2bn"):
        assert ds.indicator(part)["name_zh"] not in kpi_titles, part
    panel = tab.tables["projects"]
    assert panel.model.rowCount() == len(projects)
    assert {_cell(panel, r, "name_zh") for r in range(len(projects))} == set(projects["name_zh"])


def test_financing_programmes_loans_and_burden(qtbot, zone_app, default_dataset):
    ds = default_dataset
    tab = _tab(qtbot, "financing", ds)
    # Loans and a burden reduction share a unit but are no comparison: cards, not a chart.
    assert tab.charts == {}
    kpi_values = " ".join(card.value_text() for card in tab.kpis)
    for key in ("caiyuan_loans", "caiyuan_loan_firms", "burden_reduction"):
        assert _display(ds, key) in kpi_values
    programmes = ds.table("programmes")
    panel = tab.tables["programmes"]
    assert panel.model.rowCount() == len(programmes)
    assert _cell(panel, 0, "programme_zh") in set(programmes["programme_zh"])


def test_relief_hires_split_and_measures(qtbot, zone_app, default_dataset):
    ds = default_dataset
    tab = _tab(qtbot, "relief", ds)
    split = tab.charts["split_hires"]
    assert split.plotted_values() == pytest.approx(
        [_value(ds, "hires"), _value(ds, "hires_workers"), _value(ds, "hires_talents")])
    # The labels drawn over the bars, as the report words them ("超过3000人…超过2800人…超过200人").
    assert split.value_label_texts() == ["超过3,000人", "超过2,800人", "超过200人"]
    kpi_values = " ".join(card.value_text() for card in tab.kpis)
    assert _display(ds, "job_fairs") in kpi_values
    measures = ds.table("measures")
    relief = measures[measures["section"] == "relief"]
    assert tab.tables["measures"].model.rowCount() == len(relief)


def test_innovation_status_and_plans(qtbot, zone_app, default_dataset):
    ds = default_dataset
    tab = _tab(qtbot, "innovation", ds)
    # 46 applied, 23 approved in the first batch, 67 in all are no pipeline: cards.
    assert set(tab.charts) == {"status"}
    kpi_values = [card.value_text() for card in tab.kpis]
    assert [_display(ds, k) for k in ("hte_applications", "hte_batch1_approved", "hte_total")] \
        == [v for v in kpi_values if v in ("46家", "23家", "67家")]
    recognitions = ds.table("recognitions")
    assert sum(tab.charts["status"].plotted_values()) == (recognitions["status"].fillna("") != "").sum()
    assert tab.tables["plans"].model.rowCount() == len(ds.table("plans"))
    assert tab.tables["recognitions"].model.rowCount() == len(recognitions)


def test_environment_sewer_and_measures(qtbot, zone_app, default_dataset):
    ds = default_dataset
    tab = _tab(qtbot, "environment", ds)
    kpi_values = " ".join(card.value_text() for card in tab.kpis)
    assert _display(ds, "sewage_network") in kpi_values
    measures = ds.table("measures")
    assert tab.tables["measures"].model.rowCount() == (measures["section"] == "environment").sum()


def test_every_bar_tooltip_has_value_and_source(qtbot, zone_app, default_dataset):
    for cls in ("overview", "projects", "financing", "relief", "innovation", "environment"):
        tab = _tab(qtbot, cls, default_dataset)
        for chart in tab.charts.values():
            for bar in chart.bars():
                assert bar.display and bar.display in bar.tooltip.replace("&amp;", "&")


def test_more_periods_give_more_bars(qtbot, zone_app, default_dataset):
    """A zone with more years: the by-year chart grows a group per year."""
    import pandas as pd
    ds = default_dataset
    extra = ds.indicators[ds.indicators["key"].isin(["revenue", "profit"])].copy()
    extra["period"] = extra["period"] - 5
    bigger = type(ds)(ds.folder, ds.manifest, ds.tables, pd.concat([ds.indicators, extra]),
                      list(ds.problems))
    tab = _tab(qtbot, "overview", bigger)
    chart = tab.charts["by_period"]
    assert len(chart.plotted_labels()) == 2 * len(
        ds.indicators[ds.indicators["key"] == "revenue"])


def test_a_tab_without_data_says_so(qtbot, zone_app, default_dataset):
    ds = default_dataset
    empty = type(ds)(ds.folder, ds.manifest, {}, ds.indicators.iloc[0:0], [])
    tab = _tab(qtbot, "environment", empty)
    assert not tab.charts and not tab.tables and not tab.kpis
    assert tab.empty_label.isVisibleTo(tab)


def test_projects_tab_with_thousands_of_projects_charts_the_largest(zone_app, qtbot, tmp_path):
    """A big register gets a bar for each of the largest projects only, not one per row."""
    from bench.make_synthetic import write
    from zoneapp.core.loading import load_dataset
    from zoneapp.views import projects as projects_tab

    ds = load_dataset(write(tmp_path / "zone", rows=20_000))
    tab = _tab(qtbot, "projects", ds)
    chart = tab.charts["investment"]
    top = ds.tables["projects"]["investment"].nlargest(projects_tab.TOP_PROJECTS)
    assert chart.plotted_values() == top.tolist()
    assert "20,000" in chart.title_text()
    assert tab.tables["projects"].model.rowCount() == 20_000
    stages = tab.charts["stages"]
    assert sum(stages.plotted_values()) == (ds.tables["projects"]["stage"] != "").sum()


def test_latest_by_key_keeps_first_appearance_order():
    import pandas as pd

    from zoneapp.views.figures import latest_by_key

    frame = pd.DataFrame({
        "key": ["b", "a", "b", "a", "c", "c"],
        "period": pd.array([2019, 2018, 2018, 2019, 2019, 2019], dtype="Int64"),
        "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
    })
    latest = latest_by_key(frame)
    assert list(latest["key"]) == ["b", "a", "c"]
    assert list(latest["value"]) == [1.0, 4.0, 6.0]  # latest year; a tie goes to the later row


def test_largest_projects_in_one_unit_equal_amounts_in_row_order(zone_app, qtbot,
                                                                 default_dataset):
    """Investment in 万元 and 亿元 is compared in the unit most projects use; blanks get no
    bar; equal amounts keep the register's order (as a stable sort by size gives them)."""
    import numpy as np
    import pandas as pd

    from zoneapp.views import projects as projects_tab

    n = 40
    frame = pd.DataFrame({
        "name_zh": pd.Series([f"项目{i:02d}" for i in range(n)], dtype=str),
        "investment": [float(i % 7) if i % 5 else np.nan for i in range(n)],
        "investment_unit": pd.Series(["万元" if i % 3 == 0 else "亿元" for i in range(n)],
                                     dtype=str),
        "stage": pd.Series([["started", "", "signed"][i % 3] for i in range(n)], dtype=str),
    })
    frame.loc[6, "investment"], frame.loc[6, "investment_unit"] = 90000.0, "万元"  # 9 亿元
    ds = type(default_dataset)(default_dataset.folder, default_dataset.manifest,
                               {"projects": frame}, default_dataset.indicators.iloc[0:0], [])
    tab = _tab(qtbot, "projects", ds)
    factor = frame["investment_unit"].map({"万元": 1e-4, "亿元": 1.0})
    expected = (frame["investment"] * factor).dropna().sort_values(ascending=False,
                                                                   kind="stable")
    chart = tab.charts["investment"]
    top = expected.iloc[:projects_tab.TOP_PROJECTS]
    assert chart.plotted_values() == pytest.approx(top.tolist())
    assert [b.label for b in chart.bars()] == frame["name_zh"][top.index].tolist()
    assert f"{len(expected):,}" in chart.title_text()
    stages = tab.charts["stages"]
    assert stages.plotted_values()[0] == (frame["stage"] == "signed").sum()
    assert "项目02" in stages.bars()[0].tooltip  # the first project at the stage is named
