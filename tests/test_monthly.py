"""Monthly figures (#15 items 3-5): 当月 derived from 累计, 1–2月 as one, 同比 from a year
before, prior periods labelled with their months, completion and 时序进度, the sentence."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from zoneapp.core.loading import load_dataset
from zoneapp.core.monthly import points, span_label, split_time_rows, year_on_year
from zoneapp.core.monthly_summary import period_sentence
from zoneapp.core.periods import PeriodSpan
from zoneapp.core.targets import progress, progress_series

MONTHLY = Path(__file__).parent / "data" / "monthly_targets"


@pytest.fixture(scope="module")
def ds():
    return load_dataset(MONTHLY)


def rows_of(ds, key, basis=None, kind=None, detail=None, year=None):
    rows = ds.indicators[ds.indicators["key"] == key]
    if basis is not None:
        rows = rows[rows["basis"] == basis]
    if kind is not None:
        rows = rows[rows["value_kind"] == kind]
    if detail is not None:
        rows = rows[rows["period_detail"] == detail]
    if year is not None:
        rows = rows[rows["period"] == year]
    return rows


def test_the_folder_loads_without_problems(ds):
    assert ds.problems == []


def test_month_derived_from_consecutive_ytd_with_its_formula(ds):
    october = rows_of(ds, "industrial_revenue", "derived", "month", "2025-10")
    assert len(october) == 1
    row = october.iloc[0]
    assert row["value"] == pytest.approx(43.7)  # 450.2 − 406.5, rounded to the inputs' 0.1
    assert row["derivation_zh"] == ("由2025年1–10月累计450.2亿元减去2025年1–9月累计406.5亿元推算："
                                    "450.2 − 406.5 = 43.7亿元")
    assert row["derivation_en"].startswith("January–October 2025 (year to date) 45.02 bn yuan "
                                           "minus January–September 2025 (year to date)")
    assert row["inputs"] == ("industrial_revenue@2025-01..2025-10;"
                             "industrial_revenue@2025-01..2025-09")


def test_january_and_february_are_one_period(ds):
    derived = rows_of(ds, "industrial_revenue", "derived", "month", year=2025)
    details = list(derived["period_detail"])
    assert "2025-01..2025-02" in details
    assert "2025-01" not in details and "2025-02" not in details
    first = derived[derived["period_detail"] == "2025-01..2025-02"].iloc[0]
    assert first["value"] == pytest.approx(86.9)
    assert "年内第一个累计值" in first["derivation_zh"]
    # March is the first month of its own: 133.6 − 86.9
    march = derived[derived["period_detail"] == "2025-03"].iloc[0]
    assert march["value"] == pytest.approx(46.7)


def test_the_last_ytd_of_a_year_gives_december(ds):
    december = rows_of(ds, "industrial_revenue", "derived", "month", "2024-12").iloc[0]
    assert december["value"] == pytest.approx(45.6)  # 498.3 − 452.7
    assert "由2024年1–12月累计498.3亿元" in december["derivation_zh"]


def test_a_reported_month_is_never_replaced(ds):
    output = rows_of(ds, "industrial_output", kind="month", year=2025)
    derived = output[output["basis"] == "derived"]
    assert list(derived["period_detail"]) == ["2025-01..2025-02"]  # March on are reported
    assert rows_of(ds, "industrial_output", "reported", "month", "2025-10").iloc[0]["value"] \
        == pytest.approx(56.6)


def test_quarterly_ytd_gives_quarters(ds):
    tax = rows_of(ds, "tax_revenue", "derived", "month", year=2024)
    assert dict(zip(tax["period_detail"], tax["value"])) == {
        "2024Q1": 1820, "2024Q2": 2140, "2024Q3": 1970, "2024Q4": 2190}


def test_month_and_ytd_are_never_one_series(ds):
    _, timed = split_time_rows(ds.section_indicators("overview"))
    flows = points(timed, "industrial_revenue")
    assert {p.kind for p in flows} == {"ytd", "period"}
    yearly, _ = split_time_rows(ds.indicators)
    assert not (yearly["key"] == "industrial_revenue").any()  # no yearly card or series


def test_yoy_reported_or_derived_from_the_same_months_a_year_before(ds):
    _, timed = split_time_rows(ds.indicators)
    flows = points(timed, "industrial_revenue")
    ytd = {p.span: p for p in flows if p.kind == "ytd" and not p.derived}
    reported = year_on_year(ytd[PeriodSpan(2025, 1, 10)], flows)
    assert (reported.pct, reported.derived) == (9.8, False)
    derived = year_on_year(ytd[PeriodSpan(2025, 1, 9)], flows)
    assert derived.derived and derived.pct == pytest.approx(9.2)  # 406.5 / 372.4 − 1
    assert derived.formula_zh == ("同比由2025年1–9月累计406.5亿元与2024年1–9月累计372.4亿元推算："
                                  "406.5 ÷ 372.4 − 1 ≈ 9.2%")
    # a derived 当月 a year before gives a derived 同比 of a 当月
    month = next(p for p in flows if p.kind == "period" and p.span == PeriodSpan(2025, 10, 10))
    change = year_on_year(month, flows)
    assert change.derived and change.pct == pytest.approx(16.2)  # 43.7 / 37.6 − 1
    assert "（推算）" in change.formula_zh


def test_prior_period_from_a_half_year_growth_rate_is_labelled_with_its_months(ds):
    prior = rows_of(ds, "fdi_actual", "derived", detail="2024H1").iloc[0]
    assert prior["period"] == 2024 and prior["value_kind"] == "ytd"
    assert prior["value"] == 2889 and prior["qualifier"] == "约"
    assert prior["derivation_zh"].startswith("由2025年上半年实际利用外资3,250万美元与同比增长12.5%推算")
    assert prior["derivation_en"].startswith("derived from H1 2025 Foreign capital")
    assert span_label(PeriodSpan(2024, 1, 6), "zh") == "2024年上半年"  # not 2024年
    nine = rows_of(ds, "fdi_actual", "derived", detail="2024-01..2024-09").iloc[0]
    assert nine["value"] == 4509


def test_prior_whole_year_keeps_its_label(default_dataset):
    """The yearly derivation reads as before: a whole year is 2018, not 2018年1–12月."""
    rows = default_dataset.indicators
    prior = rows[(rows["key"] == "revenue") & (rows["basis"] == "derived")].iloc[0]
    assert (prior["period"], prior["period_detail"], prior["value_kind"]) == (2018, "", "")
    assert prior["derivation_en"].startswith("derived from 2019 Main business revenue")


def test_completion_time_elapsed_and_gap(ds):
    goal = progress(ds.indicators, "industrial_revenue", 2025)
    assert (goal.completion, goal.elapsed, goal.gap, goal.months) == (88.2, 83.3, 4.9, 10)
    assert goal.formula("zh") == ("完成率：2025年1–10月累计450.2亿元 ÷ 2025年目标510.4亿元 = "
                                  "450.2 ÷ 510.4 ≈ 88.2%；时序进度：10 ÷ 12 ≈ 83.3%")
    tax = progress(ds.indicators, "tax_revenue", 2025)
    assert (tax.completion, tax.elapsed, tax.gap) == (76.1, 83.3, -7.2)
    # a quarter: 9 of 12 months
    third = progress(ds.indicators, "tax_revenue", 2025, until=9)
    assert (third.completion, third.elapsed, third.gap) == (68.0, 75.0, -7.0)
    # the 2024 target is in 万元, its 累计 in 亿元: 498.3亿元 of 5,400,000万元
    whole = progress(ds.indicators, "industrial_revenue", 2024)
    assert (whole.completion, whole.elapsed, whole.gap) == (92.3, 100.0, -7.7)
    assert progress(ds.indicators, "industrial_output", 2025) is None  # no target


def test_progress_series_has_one_step_per_ytd(ds):
    steps = progress_series(ds.indicators, "industrial_revenue", 2025)
    assert [s.months for s in steps] == list(range(2, 11))
    assert steps[0].elapsed == 16.7 and steps[0].completion == 17.0  # 86.9 / 510.4


def _point(ds, key, span):
    _, timed = split_time_rows(ds.indicators)
    flows = points(timed, key)
    point = next(p for p in flows if p.kind == "ytd" and p.span == span and not p.derived)
    return point, flows


@pytest.mark.parametrize("lang, expected", [
    ("zh", "1–10月，规上工业营业收入累计完成450.2亿元，同比增长9.8%，完成年度目标的88.2%，"
           "高于时序进度4.9个百分点。"),
    ("en", "In January–October, revenue of industrial enterprises above designated size "
           "reached 45.02 bn yuan, up 9.8% year on year, 88.2% of the annual target, 4.9 points "
           "ahead of the time elapsed."),
])
def test_the_standard_sentence(ds, lang, expected):
    point, flows = _point(ds, "industrial_revenue", PeriodSpan(2025, 1, 10))
    goal = progress(ds.indicators, "industrial_revenue", 2025)
    assert period_sentence(point, lang, year_on_year(point, flows), goal) == expected


@pytest.mark.parametrize("lang, expected", [
    ("zh", "1–10月，税收收入累计完成6,850万元，完成年度目标的76.1%，低于时序进度7.2个百分点。"),
    ("en", "In January–October, tax revenue reached 68.5 M yuan, 76.1% of the annual target, "
           "7.2 points behind the time elapsed."),
])
def test_sentence_without_yoy_and_behind_time(ds, lang, expected):
    point, flows = _point(ds, "tax_revenue", PeriodSpan(2025, 1, 10))
    goal = progress(ds.indicators, "tax_revenue", 2025)
    assert period_sentence(point, lang, year_on_year(point, flows), goal) == expected


def test_sentence_marks_a_derived_yoy(ds):
    point, flows = _point(ds, "industrial_output", PeriodSpan(2025, 1, 10))
    assert period_sentence(point, "zh", year_on_year(point, flows)) == \
        "1–10月，工业总产值累计完成566.9亿元，同比增长8.2%（推算）。"
    half, flows = _point(ds, "fdi_actual", PeriodSpan(2025, 1, 6))
    assert period_sentence(half, "en", year_on_year(half, flows)).startswith(
        "In the first half, foreign capital actually used reached")


def test_rows_without_months_are_left_alone():
    frame = pd.DataFrame({"key": ["a", "b"], "period": [2019, 2019], "period_detail": ["", ""],
                          "value_kind": ["", "year"], "entity": ["", ""]})
    rest, timed = split_time_rows(frame)
    assert len(rest) == 2 and timed.empty


def test_a_month_derived_two_ways_is_derived_once(tmp_path):
    """A 本月 with its 同比 gives the month a year before; that year's 累计 give it too: the
    difference of reported 累计 is kept, once."""
    import shutil

    folder = tmp_path / "zone"
    shutil.copytree(MONTHLY, folder)
    path = folder / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace("2025,56.6,亿元,,,reported,M1,,,2025-10,month",
                        "2025,56.6,亿元,,10.0,reported,M1,,,2025-10,month")
    assert "56.6,亿元,,10.0" in text
    path.write_text(text, encoding="utf-8")
    ds = load_dataset(folder)
    october = rows_of(ds, "industrial_output", "derived", "month", "2024-10")
    assert len(october) == 1
    assert october.iloc[0]["value"] == pytest.approx(51.5)  # 523.8 − 472.3, not 56.6 ÷ 1.1
