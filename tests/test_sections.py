"""Issue #15, item 1: the tabs are the sections a folder declares in zone.toml, or, where it
declares none, those its data fills; never the seed's six by default, never an empty one."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from core_fixtures import INDICATOR_HEADER, PROJECT_HEADER, indicator, write_csv
from zoneapp.core import schema
from zoneapp.core.loading import load_dataset
from zoneapp.paths import DEFAULT_DATA
from zoneapp.views.sections import section_view

DECLARED = Path(__file__).parent / "data" / "declared_sections"
MANIFEST = '[zone]\nname_zh = "示例"\nperiods = [2019]\n'


def _codes(dataset) -> list[str]:
    return [s.code for s in dataset.sections]


def _folder(tmp_path: Path, sections_toml: str, rows: list[list[str]]) -> Path:
    folder = tmp_path / "zone"
    folder.mkdir()
    (folder / "zone.toml").write_text(MANIFEST + sections_toml, encoding="utf-8")
    write_csv(folder, "indicators.csv", INDICATOR_HEADER, rows)
    return folder


def _problems(dataset, code: str) -> list:
    return [p for p in dataset.problems if p.code == code]


# --- declared sections ------------------------------------------------------------------------

def test_declared_sections_in_order_with_names_and_tables():
    dataset = load_dataset(DECLARED)
    assert dataset.problems == []
    # File order, but `order = 0` puts the summary first.
    assert _codes(dataset) == ["summary", "economy", "industry"]
    assert [s.label("zh") for s in dataset.sections] == ["综述", "经济运行", "工业"]
    assert [s.label("en") for s in dataset.sections] == ["Summary", "Economy", "Industry"]
    economy = section_view(dataset, "economy", "en")
    assert economy.label == "Economy"
    assert [t.key for t in economy.tables] == ["honours", "indicators"]  # tables placed
    assert {k.title for k in economy.kpis} == {"GDP", "Retail sales"}
    # measures.csv's rows go to the section their column names, though none lists it
    industry = section_view(dataset, "industry", "zh")
    assert industry.label == "工业"
    assert [t.key for t in industry.tables] == ["measures", "indicators"]
    summary = section_view(dataset, "summary", "zh")
    assert [t.key for t in summary.tables] == ["plans"] and not summary.kpis
    # An id that is not one of the projects or innovation ones gets the default parts.
    assert economy.charts and all(c.key != "by_period" for c in economy.charts)


def test_seed_declares_the_six_tabs_shown_so_far(default_dataset):
    assert default_dataset.manifest.sections == default_dataset.sections
    assert [(s.code, s.zh, s.en) for s in default_dataset.sections] == [
        (s.code, s.zh, s.en) for s in schema.SECTIONS]
    assert default_dataset.section("innovation").tables == ("recognitions", "plans", "measures")


def test_seed_without_declarations_still_shows_every_filled_tab(tmp_path):
    folder = tmp_path / "seed"
    shutil.copytree(DEFAULT_DATA, folder)
    toml = (folder / "zone.toml").read_text(encoding="utf-8")
    (folder / "zone.toml").write_text(toml[:toml.index("[[sections]]")] + toml[
        toml.index("[[sources]]"):], encoding="utf-8")
    dataset = load_dataset(folder)
    assert sorted(_codes(dataset)) == sorted(schema.SECTION_CODES)
    assert _codes(dataset)[0] == "overview"  # the first figure's section comes first


def test_an_undeclared_section_value_warns_and_gets_a_tab_of_its_own(tmp_path):
    folder = _folder(tmp_path, '[[sections]]\nid = "economy"\nname_zh = "经济"\n',
                     [indicator("gdp", "1", section="economy"),
                      indicator("jobs", "2", section="labour"),
                      indicator("wages", "3", section="labour")])
    dataset = load_dataset(folder)
    found = _problems(dataset, "undeclared_section")
    assert [(p.file, p.row, p.column, p.severity) for p in found] == [
        ("indicators.csv", 3, "section", "warning"), ("indicators.csv", 4, "section", "warning")]
    assert "economy" in found[0].message_en and "labour" in found[0].message_en
    assert "zone.toml" in found[0].message_zh and "economy" in found[0].message_zh
    assert _codes(dataset) == ["economy", "labour"]  # the row loads, in a tab after the declared
    assert dataset.section("labour").label("en") == "Labour"
    assert len(dataset.section_indicators("labour")) == 2


def test_declared_names_read_as_ids_and_the_built_in_ones_too(tmp_path):
    folder = _folder(tmp_path, '[[sections]]\nid = "economy"\nname_zh = "经济"\n'
                               '[[sections]]\nid = "overview"\nname_zh = "总览"\n',
                     [indicator("gdp", "1", section="经济"), indicator("a", "2", section="概览"),
                      indicator("b", "3", section="Overview")])
    dataset = load_dataset(folder)
    assert dataset.problems == []
    assert dataset.indicators["section"].tolist() == ["economy", "overview", "overview"]
    assert dataset.section("overview").label("zh") == "总览"
    assert dataset.section("overview").tables == ("honours",)  # a built-in id's own tables


@pytest.mark.parametrize("entry, zh, en", [
    ('name_zh = "无代码"', "缺少 id", "has no id"),
    ('id = "economy"\nname_zh = "又一个"', "id 与前面的板块重复", "repeats the id"),
    ('id = "labour"\nname_zh = 3', "name_zh 应为文字", "name_zh should be text"),
    ('id = "labour"\ntables = ["honours", "ledger"]', "未知的表“ledger”", "unknown table 'ledger'"),
    ('id = "labour"\ntables = "indicators"', "未知的表“indicators”", "unknown table 'indicators'"),
    ('id = "labour"\norder = "first"', "order 应为数字", "order should be a number"),
    ('id = "labour"\nname = "劳动"', "未知的键 name", "unknown key name"),
])
def test_bad_declarations_name_zone_toml_and_the_entry(tmp_path, entry, zh, en):
    folder = _folder(tmp_path, f'[[sections]]\nid = "economy"\n\n[[sections]]\n{entry}\n',
                     [indicator("gdp", "1", section="economy")])
    dataset = load_dataset(folder)
    found = _problems(dataset, "bad_section")
    assert len(found) == 1, [p.format("en") for p in dataset.problems]
    problem = found[0]
    assert problem.file == "zone.toml"
    assert "[[sections]] 第 2 项" in problem.message_zh and zh in problem.message_zh
    assert "[[sections]] entry 2" in problem.message_en and en in problem.message_en
    assert _codes(dataset)[0] == "economy"  # the rest loads
    assert len(dataset.section_indicators("economy")) == 1


def test_bad_declaration_keeps_what_is_good_in_the_entry(tmp_path):
    folder = _folder(tmp_path, '[[sections]]\nid = "labour"\nname_zh = 3\nname_en = "Labour"\n'
                               'tables = ["honours", "ledger"]\n',
                     [indicator("jobs", "1", section="labour")])
    write_csv(folder, "honours.csv", ["honour_zh", "period"], [["奖", "2019"]])
    dataset = load_dataset(folder)
    labour = dataset.section("labour")
    assert (labour.zh, labour.en, labour.tables) == ("Labour", "Labour", ("honours",))


def test_a_table_no_section_lists_goes_to_its_own_tab_with_a_warning(tmp_path):
    folder = _folder(tmp_path, '[[sections]]\nid = "economy"\n',
                     [indicator("gdp", "1", section="economy")])
    write_csv(folder, "projects.csv", PROJECT_HEADER, [["甲", "A", "new", "2019", "1", "亿元", ""]])
    dataset = load_dataset(folder)
    assert _codes(dataset) == ["economy", "projects"]
    problem = _problems(dataset, "unplaced_table")[0]
    assert problem.file == "zone.toml" and "projects" in problem.message_en


def test_malformed_sections_key_is_a_problem(tmp_path):
    folder = _folder(tmp_path, "", [indicator("gdp", "1", section="economy")])
    (folder / "zone.toml").write_text('sections = "economy"\n' + MANIFEST, encoding="utf-8")
    dataset = load_dataset(folder)
    assert _problems(dataset, "bad_section")[0].file == "zone.toml"
    assert _codes(dataset) == ["economy"]  # as if none were declared


# --- no sections declared ----------------------------------------------------------------------

def test_undeclared_folder_shows_its_own_sections_and_no_empty_tab(tmp_path):
    folder = _folder(tmp_path, "", [indicator("gdp", "1", section="economy"),
                                    indicator("output", "2", section="industry"),
                                    indicator("retail", "3", section="economy"),
                                    indicator("margin", "4", section="financing")])
    write_csv(folder, "projects.csv", PROJECT_HEADER, [])  # a header only: nothing to show
    dataset = load_dataset(folder)
    assert [p.code for p in dataset.problems] == ["empty_file"]
    assert _codes(dataset) == ["economy", "industry", "financing"]  # first appearance
    assert [s.label("zh") for s in dataset.sections] == ["Economy", "Industry", "金融服务"]
    assert dataset.section("financing").tables == ()  # no programmes.csv: no table listed
    for section in dataset.sections:
        view = section_view(dataset, section.code, "zh")
        assert view.kpis and view.tables


def test_undeclared_folder_adds_the_built_in_tabs_whose_tables_have_rows(tmp_path):
    folder = _folder(tmp_path, "", [indicator("gdp", "1", section="economy")])
    write_csv(folder, "projects.csv", PROJECT_HEADER, [["甲", "A", "new", "2019", "1", "亿元", ""]])
    write_csv(folder, "honours.csv", ["honour_zh", "period"], [["奖", "2019"]])
    write_csv(folder, "measures.csv", ["section", "measure_zh", "period"],
              [["economy", "减税", "2019"], ["environment", "治污", "2019"]])
    dataset = load_dataset(folder)
    assert _codes(dataset) == ["economy", "environment", "projects", "overview"]
    assert dataset.section("economy").tables == ("measures",)
    assert dataset.section("projects").tables == ("projects",)  # no projects measures
    assert dataset.section("overview").tables == ("honours",)
    projects = section_view(dataset, "projects", "zh")
    assert [t.key for t in projects.tables] == ["projects"]
    assert projects.charts  # the projects section's own charts still apply by id


def test_a_folder_with_nothing_has_one_tab(tmp_path):
    folder = _folder(tmp_path, "", [])
    assert _codes(load_dataset(folder)) == ["overview"]


# --- export ------------------------------------------------------------------------------------

def test_export_writes_each_declared_section_and_its_tables(tmp_path):
    from zoneapp.core.io.export import export_all

    dataset = load_dataset(DECLARED)
    names = sorted(p.name for p in export_all(dataset, tmp_path / "zh"))
    assert names == sorted(["综述_规划与节点.csv", "经济运行_指标.csv", "经济运行_荣誉.csv",
                            "工业_指标.csv", "工业_举措.csv"])
    industry = pd.read_csv(tmp_path / "zh" / "工业_指标.csv", encoding="utf-8-sig")
    assert set(industry["板块"]) == {"industry"}
    assert set(industry["指标名称"]) == {"规上工业增加值", "规上工业企业"}  # derived 2021 too
    english = sorted(p.name for p in export_all(dataset, tmp_path / "en", lang="en"))
    assert "Economy_Indicators.csv" in english and "Summary_Plans-and-milestones.csv" in english


def test_a_section_whose_only_row_is_left_out_gets_no_tab(tmp_path):
    folder = _folder(tmp_path, "", [indicator("gdp", "1", section="economy"),
                                    indicator("jobs", "many", section="labour")])
    dataset = load_dataset(folder)
    assert [p.code for p in dataset.problems if p.is_error] == ["bad_number"]
    assert _codes(dataset) == ["economy"]
    assert schema.SECTION_IDS not in dataset.tables["indicators"].attrs  # ids counted again


def test_section_ids_noted_while_reading_and_derived_figures_sections(tmp_path):
    from core_fixtures import RULE_HEADER

    folder = _folder(tmp_path, "", [indicator("revenue", "10", section="economy"),
                                    indicator("profit", "2", section="industry")])
    write_csv(folder, "rules.csv", RULE_HEADER,
              [["margin", "ratio", "revenue", "profit", "margin", "利润率", "Margin", "ratios", ""]])
    dataset = load_dataset(folder)
    assert dataset.tables["indicators"].attrs[schema.SECTION_IDS] == ("economy", "industry")
    assert _codes(dataset) == ["economy", "industry", "ratios"]  # the derived figure's own tab
    assert dataset.section_indicators("ratios")["key"].tolist() == ["margin"]


def test_data_readme_lists_the_built_in_sections_as_the_code_has_them():
    readme = (DEFAULT_DATA / "README.md").read_text(encoding="utf-8")
    for s in schema.SECTIONS:
        assert f"| `{s.code}` | {s.zh} | {s.en} | {', '.join(s.tables)} |" in readme, s.code


def test_a_section_per_row_makes_no_window_of_a_thousand_tabs(tmp_path):
    from zoneapp.core.sections import MAX_SECTIONS

    folder = _folder(tmp_path, "", [indicator(f"k{i}", "1", section=f"s{i}") for i in range(1000)])
    dataset = load_dataset(folder)
    assert len(dataset.sections) == MAX_SECTIONS
    problem = _problems(dataset, "too_many_sections")[0]
    assert "1000" in problem.message_en and "s40" in problem.message_en
