"""A city's monthly reports imported one by one (tests/real_shapes.py, the real `import`
command), then shown: every card, chart and sentence says which months and whether 当月 or
累计, as tests/data/monthly_targets is shown. Each test failed before the fix it names."""
from __future__ import annotations

from pathlib import Path

import real_shapes as rs
from zoneapp.cli import main
from zoneapp.core.loading import load_dataset
from zoneapp.views.sections import section_view


def imported(tmp_path: Path, make, months) -> Path:
    folder = tmp_path / "imported"
    for m in months:
        book = make(tmp_path / f"月报2024-{m:02d}.xlsx", 2024, m)
        assert main(["import", str(book), "--into", str(folder), "--yes"]) == 0
    return folder


def test_march_first_gives_january_february_not_a_quarter_among_the_months(tmp_path):
    # Imported from March on (no 1-2月 report): the year's first 累计, 1-3月, was derived as a
    # 当期 value of January–March, a bar three months wide over the reported March holding
    # the year-to-date figure. Now 1–2月 = 1–3月累计 − 3月, said with its formula.
    ds = load_dataset(imported(tmp_path, rs.indicator_month_xlsx, (3, 4, 5)))
    chart = section_view(ds, "overview", "zh").chart("month_industrial_output")
    assert chart.title == "现价工业产值：当月"
    bars = {b.label: (b.value, b.derived) for b in chart.bars if b.label.startswith("2024")}
    ytd, march = rs.indicator_month_values(3)[0][4], rs.indicator_month_values(3)[0][2]
    assert bars == {"2024年1–2月": (round(ytd - march, 2), True), "2024年3月": (march, False),
                    "2024年4月": (104.0, False), "2024年5月": (105.0, False)}
    assert max(chart.widths) == 2  # no bar wider than 1–2月
    first = next(b for b in chart.bars if b.label == "2024年1–2月")
    assert "由2024年一季度累计306亿元减去2024年3月103亿元推算：306 − 103 = 203亿元" \
        in first.tooltip
    en = section_view(ds, "overview", "en").chart("month_industrial_output")
    tip = next(b for b in en.bars if b.label == "January–February 2024").tooltip
    assert "minus March 2024 10.3 bn yuan: 306 − 103 = 203" in tip


def test_a_regions_month_and_year_to_date_say_which_they_are(tmp_path, capsys):
    # A county table by month (本月 | 增长% | 1-N月累计 | 累计增长%): the cards of May's 当月
    # and of 1–5月累计 had one title, "现价工业产值（全市）", and the summary said May's
    # 105亿元 as "2024年全市现价工业产值105亿元", as if it were the year's.
    folder = imported(tmp_path, rs.monthly_xlsx, (2, 3, 4, 5))
    ds = load_dataset(folder)
    titles = [k.title for k in section_view(ds, "overview", "zh").kpis]
    assert titles == ["现价工业产值（全市，2024年5月）", "现价工业产值（全市，2024年1–5月累计）"]
    titles = [k.title for k in section_view(ds, "overview", "en").kpis]
    assert titles == ["现价工业产值, May 2024 (全市)",
                      "现价工业产值, Jan–May 2024 year to date (全市)"]
    capsys.readouterr()
    assert main(["summary", "--data", str(folder)]) == 0
    zh = capsys.readouterr().out.splitlines()
    assert zh[0].startswith("5月，全市现价工业产值完成105亿元，同比增长4.5%")
    assert zh[1].startswith("1–5月，全市现价工业产值累计完成512.5亿元，同比增长6.5%")
    assert main(["summary", "--data", str(folder), "--lang", "en"]) == 0
    en = capsys.readouterr().out.splitlines()
    assert en[0] == "In May, 现价工业产值 in 全市 reached 10.5 bn yuan, up 4.5% year on year; " \
        "first of 4: 上饶经开区."  # the Chinese name without its entity: "全市现价工业产值 in 全市"
    assert en[1].startswith("In January–May, ") and "51.25 bn yuan, up 6.5%" in en[1]


def test_a_month_without_its_growth_is_compared_only_with_its_months_a_year_before():
    # "较2023年" set May's 当月 against whatever row of 2023 came last (a 1–12月累计).
    import pandas as pd

    from zoneapp.core.summary import sentence
    from zoneapp.views.kpis import kpi_view

    def row(period, detail, kind, value):
        return pd.Series({"key": "out", "name_zh": "产值", "name_en": "Output", "period": period,
                          "value": value, "unit": "亿元", "qualifier": "", "yoy_pct": float("nan"),
                          "basis": "reported", "period_detail": detail, "value_kind": kind})

    may = row(2024, "2024-05", "month", 105.0)
    card = kpi_view(may, "zh", row(2023, "2023-01..2023-12", "ytd", 1200.0))
    assert card.title == "产值（2024年5月）" and card.yoy_pct is None and card.compare_text == ""
    card = kpi_view(may, "zh", row(2023, "2023-05", "month", 100.0))
    assert (card.yoy_pct, card.yoy_text, card.compare_text) == (5.0, "同比 ▲5%（推算）", "2023年5月：100亿元")
    assert sentence(may, "zh", row(2023, "2023-01..2023-12", "ytd", 1200.0)) == \
        "5月，产值完成105亿元。"
    assert sentence(may, "zh", row(2023, "2023-05", "month", 100.0)) == \
        "5月，产值完成105亿元，同比增长5%（推算）。"


def test_january_february_month_and_year_to_date_charts_are_told_apart(tmp_path):
    # 1-2月 reports its 当月 and its 累计 as one figure of one period: the two rankings and
    # the two tables had one title, "现价工业产值：4项排名（2024年1–2月）".
    ds = load_dataset(imported(tmp_path, rs.monthly_xlsx, (2,)))
    view = section_view(ds, "overview", "zh")
    month, ytd = view.chart("rank_industrial_output_month"), view.chart("rank_industrial_output_ytd")
    assert month.title.endswith("（2024年1–2月）") and ytd.title.endswith("（2024年1–2月累计）")
    tables = {t.key: t.title for t in view.tables}
    assert tables["entities_industrial_output_month"].startswith("现价工业产值当月（万元）")
    assert tables["entities_industrial_output_ytd"].startswith("现价工业产值累计（万元）")
    en = section_view(ds, "overview", "en").chart("rank_industrial_output_ytd")
    assert en.title.endswith(", Jan–Feb 2024 year to date")


def test_districts_are_counted_as_districts_not_items(tmp_path, capsys):
    # "4项中首位：上饶经开区": four 县（市、区） counted as items (项).
    folder = imported(tmp_path, rs.monthly_xlsx, (4, 5))
    view = section_view(load_dataset(folder), "overview", "zh")
    assert view.chart("rank_industrial_output_ytd").title == "现价工业产值：4个县区排名（2024年1–5月累计）"
    assert {k.compare_text for k in view.kpis} == {"4个县区中首位：上饶经开区"}
    # a bar's tooltip said "· 2024" for May's 当月 and for 1–5月累计 alike
    bar = view.chart("rank_industrial_output_ytd").bars[0]
    assert bar.tooltip.startswith("<b>上饶经开区 · 现价工业产值</b> · 2024年1–5月累计<br>")
    assert " · 2024年5月<br>" in view.chart("rank_industrial_output_month").bars[0].tooltip
    capsys.readouterr()
    assert main(["summary", "--data", str(folder)]) == 0
    assert "4个县区中首位：上饶经开区。" in capsys.readouterr().out


def test_what_the_entities_are_from_their_names():
    from zoneapp.views.entities import entity_noun

    assert entity_noun(["信州区", "广丰区", "上饶经开区", "高新区"]) == "counties"
    assert entity_noun(["婺源县", "德兴市", "信州区"]) == "counties"
    assert entity_noun(["中央商务区", "高新技术产业园", "临空经济区"]) == "parks"
    assert entity_noun(["A园", "B园", "C园"]) == "parks"
    assert entity_noun(["上饶市", "南昌市"]) == "cities"
    assert entity_noun(["制造业", "建筑业"]) == ""
    assert entity_noun(["甲", "乙区"]) == ""


def test_a_year_to_date_table_names_its_months(tmp_path):
    # 1–3月累计 read 2024年一季度 between 2024年1–2月 and 2024年1–4月.
    folder = imported(tmp_path, rs.monthly_xlsx, (2, 3, 4))
    dataset = load_dataset(folder)
    view = section_view(dataset, dataset.sections[0].code, "zh")
    ytd = [t for t in view.tables if "累计" in t.title]
    assert ytd
    labels = [c.zh for c in ytd[0].schema.columns[1:]]
    assert labels == ["2024年1–2月", "2024年1–3月", "2024年1–4月"]
    view_en = section_view(dataset, dataset.sections[0].code, "en")
    ytd_en = [t for t in view_en.tables if t.key == ytd[0].key][0]
    assert [c.en for c in ytd_en.schema.columns[1:]] == [
        "Jan–Feb 2024", "Jan–Mar 2024", "Jan–Apr 2024"]
