"""Headers and cells of one table file against the schema."""
from __future__ import annotations

import math

import pytest

from core_fixtures import (INDICATOR_HEADER, PROJECT_HEADER, RULE_HEADER, codes, indicator, only,
                           write_csv)
from zoneapp.core import schema
from zoneapp.core.loading import load_table
from zoneapp.core.problems import ERROR, WARNING
from zoneapp.core.validation import MAX_PER_COLUMN


def load(tmp_path, table, header, rows, name=None):
    name = name or f"{table.name}.csv"
    path = write_csv(tmp_path, name, header, rows)
    return load_table(path, table, name)


def projects(tmp_path, rows, header=PROJECT_HEADER):
    return load(tmp_path, schema.PROJECTS, header, rows)


def project(name="项目", kind="new", period="2019", investment="1", unit="亿元", stage=""):
    return [name, "", kind, period, investment, unit, stage]


def test_headers_by_key_chinese_or_english_label(tmp_path):
    header = ["项目名称", "  PROJECT (ENGLISH) ", "Kind", "年份", "总投资", "investment_unit",
              "Stage"]
    frame, problems = projects(tmp_path, [["甲", "A", "技改", "2019", "3", "亿元", "Started"]],
                               header)
    assert problems == []
    assert frame.iloc[0][["name_en", "kind", "stage"]].tolist() == ["A", "upgrade", "started"]


def test_full_width_header_matches(tmp_path):
    header = [*INDICATOR_HEADER[:8], "同比增长（％）"]
    row = indicator("revenue", "1", yoy="5")[:9]
    frame, problems = load(tmp_path, schema.INDICATORS, header, [row])
    assert problems == [] and frame["yoy_pct"].tolist() == [5.0]


@pytest.mark.parametrize("name_zh, yoy", [
    ("指标\n名称", "同比增长\n(%)"),  # Alt+Enter in the header cells
    ("指标 名称", "同比增长 (%)"),  # spaces typed for layout
    ("指标\u3000名称", "\u200b同比增长(%)"),  # a full-width space, a zero-width one
])
def test_headers_laid_out_in_chinese_still_match(tmp_path, name_zh, yoy):
    """Chinese has no word spaces: spaces and line breaks beside Chinese characters, and
    characters that show as nothing, do not make a header another one."""
    header = [*INDICATOR_HEADER[:2], name_zh, *INDICATOR_HEADER[3:8], yoy]
    row = indicator("revenue", "1", yoy="5")[:9]
    frame, problems = load(tmp_path, schema.INDICATORS, header, [row])
    assert problems == [] and frame["yoy_pct"].tolist() == [5.0]
    assert frame["name_zh"].tolist() == [row[2]]


def test_a_line_break_in_a_header_prints_on_one_line(tmp_path):
    header = [*INDICATOR_HEADER[:8], "增长\n速度"]  # not a column of the table
    row = indicator("revenue", "1", yoy="5")[:9]
    _, problems = load(tmp_path, schema.INDICATORS, header, [row])
    line = only(problems, "unknown_column").format("zh")
    assert "\n" not in line and "增长⏎速度" in line


def test_missing_optional_column_loads_with_a_warning(tmp_path):
    header = [h for h in PROJECT_HEADER if h != "stage"]
    frame, problems = projects(tmp_path, [project()[:-1]], header)
    problem = only(problems, "missing_column")
    assert (problem.row, problem.column, problem.severity) == (1, "进度阶段", WARNING)
    assert "stage" in problem.message_en and "Stage" in problem.message_en
    assert frame["stage"].tolist() == [""]


def test_missing_non_nullable_column_skips_the_table(tmp_path):
    header = [h for h in PROJECT_HEADER if h != "period"]
    frame, problems = projects(tmp_path, [project()[:3] + project()[4:]], header)
    assert frame is None
    problem = only(problems, "missing_column")
    assert (problem.file, problem.column, problem.severity) == ("projects.csv", "年份", ERROR)
    assert "年份" in problem.message_zh and "period" in problem.message_zh


def test_unknown_column_is_a_warning(tmp_path):
    frame, problems = projects(tmp_path, [project() + ["x"]], [*PROJECT_HEADER, "Remarks"])
    problem = only(problems, "unknown_column")
    assert (problem.row, problem.column, problem.severity) == (1, "Remarks", WARNING)
    assert len(frame) == 1 and "Remarks" not in frame.columns


def test_duplicate_header(tmp_path):
    header = [*PROJECT_HEADER, "总投资"]
    frame, problems = projects(tmp_path, [project(investment="5") + ["9"]], header)
    problem = only(problems, "duplicate_column")
    assert (problem.row, problem.column) == (1, "总投资")
    assert frame["investment"].tolist() == [5.0]  # the first one is used


def test_bad_number_in_optional_cell_blanks_the_cell(tmp_path):
    frame, problems = projects(tmp_path, [project(investment="abc"), project("乙")])
    problem = only(problems, "bad_number")
    assert (problem.file, problem.row, problem.column) == ("projects.csv", 2, "investment")
    assert problem.message_zh == "不是数字：“abc”" and problem.message_en == "not a number: 'abc'"
    assert len(frame) == 2 and math.isnan(frame["investment"].iloc[0])


@pytest.mark.parametrize("written", ["NaN", "nan", "-nan", "NAN", "inf", "-Infinity"])
def test_nan_and_inf_written_in_a_number_cell_are_not_numbers(tmp_path, written):
    """Parsers take these words for floats (NaN would pass for a blank cell): they are what a
    program wrote in place of a figure, so the cell is reported as not a number."""
    frame, problems = projects(tmp_path, [project(investment=written), project("乙")])
    problem = only(problems, "bad_number")
    assert (problem.row, problem.column) == (2, "investment")
    assert problem.message_en == f"not a number: '{written}'"
    assert len(frame) == 2 and math.isnan(frame["investment"].iloc[0])


def test_bad_number_in_required_cell_drops_the_row(tmp_path):
    rows = [indicator("a", "1"), indicator("b", "many"), indicator("c", "3")]
    frame, problems = load(tmp_path, schema.INDICATORS, INDICATOR_HEADER, rows)
    assert only(problems, "bad_number").row == 3
    assert frame["key"].tolist() == ["a", "c"] and frame["_row"].tolist() == [2, 4]


def test_qualifiers_and_units_in_number_cells(tmp_path):
    rows = [indicator("a", "超过3000", unit="人"), indicator("b", "50多家", unit="家"),
            indicator("c", "2.99亿", unit="亿元"), indicator("d", "约5", qualifier="约"),
            indicator("e", "3,000", unit="人"), indicator("f", "１２０", unit="个"),
            indicator("g", "4亿元以上", unit="亿元")]
    frame, problems = load(tmp_path, schema.INDICATORS, INDICATOR_HEADER, rows)
    assert problems == []
    assert frame["value"].tolist() == [3000, 50, 2.99, 5, 3000, 120, 4]
    assert frame["qualifier"].tolist() == ["超过", "多", "", "约", "", "", "以上"]


def test_percent_in_yoy_column_and_unit_from_number(tmp_path):
    rows = [indicator("a", "1", yoy="11.7%"), indicator("b", "2万元", unit="")]
    frame, problems = load(tmp_path, schema.INDICATORS, INDICATOR_HEADER, rows)
    assert problems == []
    assert frame["yoy_pct"].iloc[0] == 11.7 and frame["unit"].tolist() == ["个", "万元"]


def test_unit_in_number_that_contradicts_the_unit_cell(tmp_path):
    frame, problems = load(tmp_path, schema.INDICATORS, INDICATOR_HEADER,
                           [indicator("a", "5万元", unit="亿元")])
    problem = only(problems, "bad_number")
    assert (problem.row, problem.column) == (2, "value") and "亿元" in problem.message_en
    assert frame.empty


def test_qualifier_in_number_contradicting_qualifier_cell(tmp_path):
    frame, problems = load(tmp_path, schema.INDICATORS, INDICATOR_HEADER,
                           [indicator("a", "超过3000", qualifier="约")])
    problem = only(problems, "qualifier_conflict")
    assert (problem.row, problem.column, problem.severity) == (2, "value", WARNING)
    assert frame["qualifier"].tolist() == ["约"]


def test_bad_enum_lists_allowed_values(tmp_path):
    frame, problems = projects(tmp_path, [project(kind="重建"), project("乙", kind="续建")])
    problem = only(problems, "bad_choice")
    assert (problem.row, problem.column) == (2, "kind")
    assert "continuing" in problem.message_en and "续建" in problem.message_zh
    assert frame["kind"].tolist() == ["", "continuing"]


def test_bad_enum_in_required_column_drops_the_row(tmp_path):
    rows = [["r1", "sums", "a", "b", "", "", "", "", ""],
            ["r2", "sum", "a", "b", "", "", "", "", ""]]
    frame, problems = load(tmp_path, schema.RULES, RULE_HEADER, rows)
    assert only(problems, "bad_choice").column == "kind"
    assert frame["rule_id"].tolist() == ["r2"]


def test_any_section_id_reads_when_none_is_declared(tmp_path):
    """Issue #15: a folder's own sections (economy) are no longer a bad choice; the built-in
    ones still read by their names."""
    rows = [indicator("a", "1", section="economy"), indicator("b", "1", section="概览")]
    frame, problems = load(tmp_path, schema.INDICATORS, INDICATOR_HEADER, rows)
    assert problems == []
    assert frame["section"].tolist() == ["economy", "overview"]


def test_bad_unit_lists_known_units(tmp_path):
    frame, problems = projects(tmp_path, [project(unit="英镑"), project("乙", unit="万㎡")])
    problem = only(problems, "bad_unit")
    assert (problem.row, problem.column) == (2, "investment_unit")
    assert "亿元" in problem.message_en and "英镑" in problem.message_zh
    assert frame["investment_unit"].tolist() == ["", "万平方米"]


def test_bad_qualifier(tmp_path):
    frame, problems = load(tmp_path, schema.INDICATORS, INDICATOR_HEADER,
                           [indicator("a", "1", qualifier="大概"), indicator("b", "1", qualifier="about")])
    assert only(problems, "bad_qualifier").row == 2
    assert frame["qualifier"].tolist() == ["", "约"]


def test_negative_investment(tmp_path):
    frame, problems = projects(tmp_path, [project(investment="-3")])
    problem = only(problems, "negative")
    assert (problem.row, problem.column) == (2, "investment") and "-3" in problem.message_en
    assert len(frame) == 1 and math.isnan(frame["investment"].iloc[0])


def test_negative_count_is_an_error_other_negatives_are_not(tmp_path):
    rows = [indicator("jobs", "-5", unit="人"), indicator("firms", "-2", unit="家"),
            indicator("profit", "-3.5", unit="亿元"), indicator("growth", "-1.2", unit="%")]
    frame, problems = load(tmp_path, schema.INDICATORS, INDICATOR_HEADER, rows)
    negative = [p for p in problems if p.code == "negative"]
    assert [(p.row, p.column) for p in negative] == [(2, "value"), (3, "value")]
    assert negative[0].format("en") == "indicators.csv:2: value: a count of 人 must not be negative: '-5'"
    assert negative[0].format("zh") == "indicators.csv:2: value: 以“人”计的数量不能为负数：“-5”"
    assert frame["key"].tolist() == ["profit", "growth"]  # a required value: the row is dropped
    assert frame["value"].tolist() == [-3.5, -1.2]


def test_period_must_be_a_plausible_whole_year(tmp_path):
    rows = [project("甲", period="19"), project("乙", period="2019.5"), project("丙", period="2019.0")]
    frame, problems = projects(tmp_path, rows)
    assert only(problems, "out_of_range").row == 2
    assert only(problems, "bad_number").row == 3
    assert frame["name_zh"].tolist() == ["丙"] and frame["period"].tolist() == [2019]


def test_empty_required_cell_drops_the_row(tmp_path):
    frame, problems = projects(tmp_path, [project(name="  "), project("乙")])
    problem = only(problems, "empty_value")
    assert (problem.row, problem.column) == (2, "name_zh")
    assert frame["name_zh"].tolist() == ["乙"]


def test_duplicate_key_names_the_earlier_row(tmp_path):
    rows = [project("甲"), project("乙"), project("甲", investment="9"), project("甲", period="2020")]
    frame, problems = projects(tmp_path, rows)
    problem = only(problems, "duplicate_key")
    assert (problem.file, problem.row, problem.column) == ("projects.csv", 4, "name_zh")
    assert "row 2" in problem.message_en and "第 2 行" in problem.message_zh
    assert frame["_row"].tolist() == [2, 3, 5]


def test_lists_are_joined_with_semicolons(tmp_path):
    header = [*PROJECT_HEADER, "programmes"]
    rows = [project("甲") + ["2050；双百 "], project("乙") + ["a, b;;c"], project("丙") + [""]]
    frame, problems = projects(tmp_path, rows, header)
    assert problems == []
    assert frame["programmes"].tolist() == ["2050;双百", "a;b;c", ""]


def test_problems_per_column_are_capped(tmp_path):
    rows = [project(f"p{i}", investment="x") for i in range(MAX_PER_COLUMN + 50)]
    frame, problems = projects(tmp_path, rows)
    assert codes(problems).count("bad_number") == MAX_PER_COLUMN
    summary = only(problems, "more_problems")
    assert summary.column == "investment" and "50" in summary.message_en
    assert len(frame) == MAX_PER_COLUMN + 50


def test_every_missing_required_column_is_named(tmp_path):
    frame, problems = load(tmp_path, schema.RULES, ["Rule", "名称"], [["r", "x"]])
    assert frame is None
    missing = {p.column for p in problems if p.code == "missing_column"}
    assert missing == {"类型", "总数指标", "分项指标"}


def test_invisible_characters_pasted_into_cells_are_dropped_at_their_edges(tmp_path):
    """Text copied from a web page may carry a zero-width space or a BOM: a key, a code and a
    number with one at an edge read as they look, rather than as another key or 'not a
    number: 506.1' (a message quoting what looks like a number)."""
    rows = [indicator("revenue\u200b", "506.1\u200b", unit="\ufeff亿元"),
            indicator("jobs", "3000", section="\u200brelief")]
    frame, problems = load(tmp_path, schema.INDICATORS, INDICATOR_HEADER, rows)
    assert problems == []
    assert frame["key"].tolist() == ["revenue", "jobs"]
    assert frame["value"].tolist() == [506.1, 3000.0]
    assert frame["unit"].tolist()[0] == "亿元" and frame["section"].tolist()[1] == "relief"


def test_a_year_written_with_nian_is_the_year(tmp_path):
    """2019年 is how many Chinese sheets write the year; other units in a column that takes a
    plain number say so instead of naming an empty 'row unit'."""
    frame, problems = projects(tmp_path, [project(period="2019年"), project("乙", period="2019个")])
    assert frame["period"].tolist()[0] == 2019
    problem = only(problems, "bad_number")
    assert problem.row == 3 and problem.column == "period"
    assert problem.message_en == "not a number: '2019个' (this column takes the number alone, without a unit)"
