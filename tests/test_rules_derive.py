"""Consistency rules and derived figures, through load_dataset on real folders."""
from __future__ import annotations

import pytest

from core_fixtures import INDICATOR_ROWS, RULE_ROWS, good_folder, indicator, only
from zoneapp.core.loading import load_dataset
from zoneapp.core.problems import ERROR, WARNING


def rule(rule_id, kind, whole, parts, result="", name_zh="", name_en="", section=""):
    return [rule_id, kind, whole, parts, result, name_zh, name_en, section, ""]


def load(tmp_path, indicators, rules):
    return load_dataset(good_folder(tmp_path, indicators=indicators, rules=rules))


def test_sum_rule_holds(tmp_path):
    ds = load_dataset(good_folder(tmp_path))
    assert [p for p in ds.problems if p.code.startswith("rule")] == []


def test_broken_sum_rule(tmp_path):
    rows = [indicator("total", "26", name_zh="项目总数"), indicator("new", "10", name_zh="新建"),
            indicator("cont", "15", name_zh="续建")]
    ds = load(tmp_path, rows, [rule("by_kind", "sum", "total", "new;cont")])
    problem = only(ds.problems, "rule_broken")
    assert (problem.file, problem.row, problem.column, problem.severity) == \
        ("rules.csv", 2, "whole_key", ERROR)
    assert "新建 10 + 续建 15 = 25 ≠ 项目总数 26" in problem.message_zh
    assert "2019" in problem.message_en and "by_kind" in problem.message_en


def test_sum_rule_checked_in_every_period(tmp_path):
    rows = [indicator("total", "25"), indicator("new", "10"), indicator("cont", "15"),
            indicator("total", "30", period="2018"), indicator("new", "10", period="2018"),
            indicator("cont", "10", period="2018")]
    ds = load(tmp_path, rows, [rule("by_kind", "sum", "total", "new;cont")])
    assert "2018" in only(ds.problems, "rule_broken").message_en


def test_about_figures_sum_within_tolerance(tmp_path):
    rows = [indicator("total", "约100"), indicator("new", "60"), indicator("cont", "43")]
    ds = load(tmp_path, rows, [rule("r", "sum", "total", "new;cont")])
    assert [p for p in ds.problems if p.code == "rule_broken"] == []


def test_broken_within_rule(tmp_path):
    rows = [indicator("firms", "100", unit="家"), indicator("hi_tech", "80", unit="家"),
            indicator("listed", "30", unit="家")]
    ds = load(tmp_path, rows, [rule("sub", "within", "firms", "hi_tech;listed")])
    problem = only(ds.problems, "rule_broken")
    assert (problem.row, problem.column) == (2, "whole_key")
    assert "110" in problem.message_en and "> firms 100" in problem.message_en


def test_qualified_within_rule_passes(tmp_path):
    rows = [indicator("jobs", "超过3000", unit="人"), indicator("local", "超过2800", unit="人"),
            indicator("poor", "超过200", unit="人")]
    ds = load(tmp_path, rows, [rule("jobs", "within", "jobs", "local;poor")])
    assert [p for p in ds.problems if p.code.startswith("rule")] == []


def test_qualified_within_rule_can_still_fail(tmp_path):
    rows = [indicator("jobs", "不足3000", unit="人"), indicator("local", "超过2800", unit="人"),
            indicator("poor", "超过300", unit="人")]
    ds = load(tmp_path, rows, [rule("jobs", "within", "jobs", "local;poor")])
    assert "至少 3,100" in only(ds.problems, "rule_broken").message_zh


def test_units_convert_or_are_a_problem(tmp_path):
    rows = [indicator("total", "1", unit="亿元"), indicator("a", "6000", unit="万元"),
            indicator("b", "0.4", unit="亿元"), indicator("c", "5", unit="个")]
    ds = load(tmp_path, rows, [rule("ok", "sum", "total", "a;b"), rule("bad", "sum", "total", "c")])
    problem = only(ds.problems, "rule_unit")
    assert (problem.row, problem.column) == (3, "part_keys")
    assert [p for p in ds.problems if p.code == "rule_broken"] == []


def test_unknown_keys_in_rules(tmp_path):
    rows = [indicator("total", "5"), indicator("a", "5")]
    ds = load(tmp_path, rows, [rule("r", "sum", "total", "a;ghost")])
    problem = only(ds.problems, "unknown_key")
    assert (problem.file, problem.row, problem.column, problem.severity) == \
        ("rules.csv", 2, "part_keys", WARNING)
    assert "ghost" in problem.message_en
    assert [p for p in ds.problems if p.code == "rule_broken"] == []  # checked as within


def test_a_rule_missing_an_indicator_left_out_for_an_error_says_it_may_be_that_row(tmp_path):
    """A bad value drops the indicator's row; the rule that uses it then says the indicator is
    not among those read and points at the errors, instead of that it does not exist."""
    rows = [indicator("total", "5"), indicator("a", "五")]  # a is left out: not a number
    ds = load(tmp_path, rows, [rule("r", "sum", "total", "a")])
    problem = only(ds.problems, "unknown_key")
    assert "not among the indicators read" in problem.message_en
    assert "indicators.csv has errors" in problem.message_en and "未读入" in problem.message_zh


def test_without_indicators_the_rules_are_not_checked(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "indicators.csv").write_text("section,key\noverview,revenue\n", encoding="utf-8")
    ds = load_dataset(folder)
    assert "indicators" not in ds.tables
    assert [p for p in ds.problems if p.code == "unknown_key"] == []


def test_derived_prior_year_revenue(tmp_path):
    ds = load_dataset(good_folder(tmp_path))
    row = ds.indicator("revenue", 2018)
    # 506.1 / 1.117 = 453.0886…: rounded to the decimal the revenue is reported with.
    assert row["value"] == 453.1
    assert (row["basis"], row["qualifier"], row["unit"], row["section"]) == \
        ("derived", "约", "亿元", "overview")
    assert row["source_sentence"] == "" and row["inputs"] == "revenue@2019"
    assert row["derivation_zh"] == \
        "由2019年主营业务收入506.1亿元与同比增长11.7%推算：506.1 ÷ (1 + 11.7%) ≈ 453.1亿元"
    assert row["derivation_en"].endswith(
        "50.61 bn yuan and YoY +11.7%: 506.1 / 1.117 ≈ 453.1 (100M yuan)")
    assert ds.indicator("revenue", 2019)["basis"] == "reported"


def test_no_derived_year_when_it_is_reported(tmp_path):
    rows = [*INDICATOR_ROWS, indicator("revenue", "450", period="2018", unit="亿元",
                                       section="overview")]
    ds = load(tmp_path, rows, RULE_ROWS)
    revenue = ds.indicators[ds.indicators["key"] == "revenue"]
    assert revenue["basis"].tolist() == ["reported", "reported"]


def test_profit_margin_ratio(tmp_path):
    ds = load_dataset(good_folder(tmp_path))
    row = ds.indicator("profit_margin", 2019)
    assert row["value"] == 5.97  # 30.2 / 506.1 × 100 = 5.9672…, to 30.2's three digits
    assert (row["unit"], row["basis"], row["name_zh"], row["name_en"], row["section"]) == \
        ("%", "derived", "利润率", "Profit margin", "overview")
    assert row["inputs"] == "profit@2019;revenue@2019"
    assert "30.2 ÷ 506.1 × 100% ≈ 5.97%" in row["derivation_zh"]
    assert pd_isna(row["_row"])


def test_ratio_without_result_key(tmp_path):
    ds = load(tmp_path, INDICATOR_ROWS, [rule("m", "ratio", "revenue", "profit")])
    problem = only(ds.problems, "rule_invalid")
    assert (problem.row, problem.column) == (2, "result_key")


def test_combined_indicators_layout(tmp_path):
    ds = load_dataset(good_folder(tmp_path))
    frame = ds.indicators
    assert list(frame.columns)[-4:] == ["derivation_zh", "derivation_en", "inputs", "_row"]
    assert frame["period"].dtype == "Int64" and frame["_row"].dtype == "Int64"
    assert frame["basis"].value_counts().to_dict() == {"reported": 5, "derived": 2}
    assert ds.tables["indicators"]["basis"].eq("reported").all()


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


@pytest.mark.parametrize("value, expected", [
    (506.1, 1), (3000.0, 0), (2.99, 2), (0.0722, 4), (1e-9, 4), (120.0, 0), (float("nan"), 4)])
def test_places_a_figure_is_written_with(value, expected):
    from zoneapp.core.precision import places

    assert places(value) == expected


@pytest.mark.parametrize("value, expected", [(506.1, 4), (30.2, 3), (3000.0, 4), (0.0722, 3)])
def test_significant_digits(value, expected):
    from zoneapp.core.precision import significant_digits

    assert significant_digits(value) == expected
