"""A figure by entity over time (#15, views/entity_trend.py): after each ranking, a chart of the
own entity (else the total) on the true time axis, 当月 and 累计 apart. Expected values are
read from the folder's CSV with the csv module or from tests/real_shapes.py, not through the
app. Plain pytest for the views; one test paints a chart."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import real_shapes as rs
from zoneapp.cli import main
from zoneapp.core.loading import load_dataset
from zoneapp.views.sections import section_view

REGIONS = Path(__file__).parent / "data" / "regions31"
OUTPUT = "industrial_output"  # the key `import` gives 现价工业产值 (test_imported_months.py)


def by_year(folder: Path, key: str, entity: str) -> list[tuple[str, float]]:
    with open(folder / "indicators.csv", encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["key"] == key and r["entity"] == entity]
    return sorted((r["period"] + "年", float(r["value"])) for r in rows)


def imported(tmp_path: Path, months) -> Path:
    folder = tmp_path / "imported"
    for m in months:
        book = rs.monthly_xlsx(tmp_path / f"月报2024-{m:02d}.xlsx", 2024, m)
        assert main(["import", str(book), "--into", str(folder), "--yes"]) == 0
    return folder


def city(m: int, column: int) -> float:
    """全市's 当月 (column 1) or 累计 (column 3) in report `m`, in 万元."""
    return next(row[column] for row in rs.monthly_values(m) if row[0] == "全市")


@pytest.fixture(scope="module")
def regions():
    return load_dataset(REGIONS)


def test_regions_chart_the_own_region_by_year_after_each_ranking(regions):
    view = section_view(regions, "overview", "zh")
    keys = [c.key for c in view.charts]
    for key in ("revenue", "enterprises", "revenue_growth"):
        trend = view.chart(f"trend_{key}_year")
        assert keys.index(f"trend_{key}_year") == keys.index(f"rank_{key}") + 1
        assert [(b.label, b.value) for b in trend.bars] == by_year(REGIONS, key, "江西")
        assert trend.positions == [float(label[:4]) for label, _ in by_year(REGIONS, key, "江西")]
        assert not any(b.derived for b in trend.bars)
    trend = view.chart("trend_revenue_year")
    assert trend.title == "高技术产业营业收入：江西，按年"
    assert trend.bars[0].tooltip.startswith("<b>江西 · 高技术产业营业收入</b>")
    en = section_view(regions, "overview", "en").chart("trend_revenue_year")
    assert en.title == "High-tech industry revenue: Jiangxi, by year"
    assert [b.label for b in en.bars] == ["2021", "2022", "2023"]


def test_without_an_own_region_the_national_total_is_charted(tmp_path):
    folder = tmp_path / "regions"
    shutil.copytree(REGIONS, folder)
    toml = (folder / "zone.toml").read_text(encoding="utf-8")
    (folder / "zone.toml").write_text(toml.replace('own_entity = "江西"', ""), encoding="utf-8")
    view = section_view(load_dataset(folder), "overview", "zh")
    trend = view.chart("trend_revenue_year")
    assert trend.title == "高技术产业营业收入：全国，按年"
    assert [(b.label, b.value) for b in trend.bars] == by_year(REGIONS, "revenue", "全国")


def test_a_view_of_one_year_charts_the_years_up_to_it(regions):
    trend = section_view(regions, "overview", "zh", period=2022).chart("trend_revenue_year")
    assert [b.label for b in trend.bars] == ["2021年", "2022年"]


def test_districts_by_month_chart_the_city_month_and_year_to_date_apart(tmp_path):
    view = section_view(load_dataset(imported(tmp_path, (2, 3, 4, 5))), "overview", "zh")
    keys = [c.key for c in view.charts]
    assert keys == [f"rank_{OUTPUT}_month", f"trend_{OUTPUT}_month",
                    f"rank_{OUTPUT}_ytd", f"trend_{OUTPUT}_ytd"]
    month = view.chart(f"trend_{OUTPUT}_month")
    assert month.title == "现价工业产值当月：全市，按月"
    assert [(b.label, b.value, b.derived) for b in month.bars] == [
        ("2024年1–2月", city(2, 1), False), ("2024年3月", city(3, 1), False),
        ("2024年4月", city(4, 1), False), ("2024年5月", city(5, 1), False)]
    assert month.widths == [2.0, 1.0, 1.0, 1.0]  # 1–2月 one bar over both months
    assert month.positions == [2024 * 12 + 0.5, 2024 * 12 + 2, 2024 * 12 + 3, 2024 * 12 + 4]
    ytd = view.chart(f"trend_{OUTPUT}_ytd")
    assert ytd.title == "现价工业产值累计：全市，按月"
    assert [b.value for b in ytd.bars] == [city(m, 3) for m in (2, 3, 4, 5)]
    # never mixed: every bar of a chart is of its kind, and of the city
    assert {b.ref["value_kind"] for b in month.bars} == {"month"}
    assert {b.ref["value_kind"] for b in ytd.bars} == {"ytd"}
    assert {b.ref["entity"] for b in month.bars + ytd.bars} == {"全市"}
    en = section_view(load_dataset(tmp_path / "imported"), "overview", "en")
    assert en.chart(f"trend_{OUTPUT}_month").title == "现价工业产值 (month): 全市, by month"
    assert en.chart(f"trend_{OUTPUT}_ytd").title == \
        "现价工业产值 (year to date): 全市, by month"


def test_january_february_missing_is_derived_from_the_first_year_to_date(tmp_path):
    # Imported from March on: the city's 1–2月 is 1–3月累计 − 3月, marked derived with its
    # formula, as the zone's own months are (core.monthly); the 累计 chart derives nothing.
    view = section_view(load_dataset(imported(tmp_path, (3, 4, 5))), "overview", "zh")
    month = view.chart(f"trend_{OUTPUT}_month")
    first = month.bars[0]
    assert (first.label, first.value, first.derived) == \
        ("2024年1–2月", city(3, 3) - city(3, 1), True)
    assert "由2024年一季度累计" in first.tooltip and "减去2024年3月" in first.tooltip
    assert [b.derived for b in month.bars[1:]] == [False, False, False]
    assert not any(b.derived for b in view.chart(f"trend_{OUTPUT}_ytd").bars)


def test_a_figure_of_one_period_gets_no_trend(tmp_path):
    view = section_view(load_dataset(imported(tmp_path, (5,))), "overview", "zh")
    assert view.chart(f"rank_{OUTPUT}_month") is not None
    assert not [c.key for c in view.charts if c.key.startswith("trend_")]


def test_the_month_chart_paints_its_bars_at_their_months(zone_app, qtbot, tmp_path):
    from zoneapp.ui.widgets.charts import BarChart

    view = section_view(load_dataset(imported(tmp_path, (2, 3, 4, 5))), "overview", "zh")
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(640, 320)
    chart.set_view(view.chart(f"trend_{OUTPUT}_month"), "zh")
    chart.show()
    qtbot.waitExposed(chart)
    first, second = chart.drawing.placed[:2]
    assert first.thickness > 1.5 * second.thickness and first.pos == 2024 * 12 + 0.5
    assert chart.plotted_values() == [city(m, 1) for m in (2, 3, 4, 5)]
    assert chart.title_label.lines() == ["现价工业产值当月：全市，按月"]  # one line, not cut
    labels = [label for _, label in chart.plot.getPlotItem().getAxis("bottom")._tickLevels[0]]
    assert labels[0] == "1月\n2024年" and "5月" in labels


def parks(tmp_path: Path, lines: list[str], own: str = "") -> Path:
    folder = tmp_path / "parks"
    folder.mkdir()
    (folder / "zone.toml").write_text('[zone]\nname_zh = "测试园区"\nperiods = [2023]\n'
                                      + (f'own_entity = "{own}"\n' if own else ""),
                                      encoding="utf-8")
    header = "section,key,name_zh,period,value,unit,entity,aggregate,period_detail,value_kind\n"
    (folder / "indicators.csv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return folder


def quarters_and_levels(total: bool) -> list[str]:
    """Quarters without a value kind (2023Q1 reads as 累计), and a level at each month's end."""
    lines = []
    for park, base in (("A园", 10), ("B园", 30)) + ((("合计", 40),) if total else ()):
        aggregate = "yes" if park == "合计" else ""
        lines += [f"overview,q,季度产值,2023,{base * q},亿元,{park},{aggregate},2023Q{q},"
                  for q in (1, 2, 3)]
        lines += [f"overview,s,企业数,2023,{base + m},个,{park},{aggregate},2023-{m:02d},stock"
                  for m in (1, 2, 3, 4)]
    return lines


def test_quarters_and_month_end_levels_of_the_total(tmp_path):
    view = section_view(load_dataset(parks(tmp_path, quarters_and_levels(True))), "overview",
                        "zh")
    quarters = view.chart("trend_q_period")
    assert quarters.title == "季度产值当期：合计，按期"
    # Q1 is the year's first 累计: its own quarter's value, derived and said so (timeline's rule)
    assert [(b.label, b.value, b.derived) for b in quarters.bars] == [
        ("2023年一季度", 40.0, True), ("2023年二季度", 80.0, False), ("2023年三季度", 120.0, False)]
    assert quarters.widths == [3.0, 3.0, 3.0]
    assert "年内第一个累计值，不拆分" in quarters.bars[0].tooltip
    levels = view.chart("trend_s_stock")
    assert levels.title == "企业数：合计，按月"
    assert [b.value for b in levels.bars] == [41.0, 42.0, 43.0, 44.0]
    assert levels.positions == [2023 * 12 + m for m in range(4)]


def test_no_total_and_no_own_entity_gives_no_trend_and_an_own_one_does(tmp_path):
    view = section_view(load_dataset(parks(tmp_path, quarters_and_levels(False))), "overview",
                        "zh")
    assert view.chart("rank_q") and not [c for c in view.charts if c.key.startswith("trend_")]
    shutil.rmtree(tmp_path / "parks")
    view = section_view(load_dataset(parks(tmp_path, quarters_and_levels(False), own="B园")),
                        "overview", "en")
    assert view.chart("trend_s_stock").title == "企业数: B园, by month"
    assert [b.value for b in view.chart("trend_q_period").bars] == [30.0, 60.0, 90.0]
