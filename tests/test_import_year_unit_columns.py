"""#14 leftovers: a year column the finder misread and a unit column it did not recognise are
corrected ("each row's year", "each row's unit"), planned, written, kept in the recipe as
`role = "year"` / `role = "unit"` beside the column's letter, and next file of the shape
imports with them without a question. Recipes saved before these roles still match."""
from __future__ import annotations

import re

import correctable_tables as ct
from import_runs import rows as written
from test_import_corrections import import_quietly, saved_recipe
from zoneapp.core.tables.command import commit, plan_import
from zoneapp.core.tables.corrections import ColumnFix, Corrections
from zoneapp.core.tables.describe import describe


def test_a_misread_year_column_corrected_gives_each_row_its_year(tmp_path, monkeypatch):
    into = tmp_path / "regions"
    source = ct.period_long_csv(tmp_path / "各地区生产总值2023.csv")
    found = plan_import(source, into)
    assert "报告期" in set(found.rows["name_zh"])  # the finder's mistake: 2022 亿元 of 报告期
    assert set(found.rows["period"]) == {2023}
    plan = plan_import(source, into, corrections=Corrections(columns={0: ColumnFix(role="year")}))
    assert "  年份列: A" in describe(plan, "zh")
    commit(plan)
    stored = written(into)
    assert {r["name_zh"] for r in stored} == {"地区生产总值", "第一产业"}
    assert {(r["period"], r["entity"], r["value"]) for r in stored
            if r["name_zh"] == "地区生产总值"} == {
        ("2022", "北京", "41610.9"), ("2022", "江西", "32074.7"),
        ("2023", "北京", "42610.9"), ("2023", "江西", "33074.7")}
    text = next((into / "recipes").glob("*.toml")).read_text(encoding="utf-8")
    assert re.search(r'header = "报告期"\ncolumn = "A"\nrole = "year"', text)

    asked = import_quietly(ct.period_long_csv(tmp_path / "各地区生产总值2024.csv",
                                              (2023, 2024), 2.0), into, monkeypatch)
    assert asked == []
    stored = written(into)
    assert "报告期" not in {r["name_zh"] for r in stored}
    assert {(r["period"], r["entity"], r["value"]) for r in stored
            if r["name_zh"] == "地区生产总值" and r["period"] == "2024"} == {
        ("2024", "北京", "85221.8"), ("2024", "江西", "66149.4")}


def test_an_unrecognised_unit_column_corrected_gives_each_row_its_unit(tmp_path, monkeypatch):
    into = tmp_path / "district"
    source = ct.unit_column_report_csv(tmp_path / "主要指标2024-03.csv")
    found = plan_import(source, into)
    assert set(found.rows["unit"]) == {"万元"}  # the unit line's, for every row
    plan = plan_import(source, into, corrections=Corrections(columns={1: ColumnFix(role="unit")}))
    assert "  单位列: B" in describe(plan, "zh")
    commit(plan)
    units = {(r["name_zh"], r["unit"], r["value"]) for r in written(into)
             if r["value_kind"] == "month"}
    assert units == {("规模以上工业增加值", "亿元", "15.5"), ("实际利用外资", "万美元", "853"),
                     ("工业用电量", "万千瓦时", "4203")}
    assert [c.role for c in saved_recipe(into).columns if c.header == "指标单位"] == ["unit"]

    asked = import_quietly(ct.unit_column_report_csv(tmp_path / "主要指标2024-04.csv", 2024, 4),
                           into, monkeypatch)
    assert asked == []
    april = {(r["name_zh"], r["unit"], r["value"]) for r in written(into)
             if r["value_kind"] == "month" and r["period_detail"] == "2024-04"}
    assert april == {("规模以上工业增加值", "亿元", "16.5"), ("实际利用外资", "万美元", "854"),
                     ("工业用电量", "万千瓦时", "4204")}  # taken as written, not converted


def test_a_unit_column_of_a_long_table_gives_each_rows_figures_their_unit(tmp_path):
    source = tmp_path / "各地区工业2023.csv"
    source.write_bytes("年份,地区,计量单位,工业产值\n2023,北京,亿元,12.5\n2023,小镇,万元,830\n"
                       .encode("utf-8"))
    plan = plan_import(source, tmp_path / "out")
    assert dict(zip(plan.rows["entity"], plan.rows["unit"])) == {"北京": "亿元", "小镇": "万元"}


def test_a_recipe_saved_before_year_and_unit_roles_still_fits(tmp_path, monkeypatch):
    """A long table's recipe written before its year column was recorded in it."""
    into = tmp_path / "regions"
    commit(plan_import(ct.period_long_csv(tmp_path / "各地区生产总值2023.csv",
                                          year_header="年份"), into))
    path = next((into / "recipes").glob("*.toml"))
    text = path.read_text(encoding="utf-8")
    old = text.replace('[[columns]]\nheader = "年份"\ncolumn = "A"\nrole = "year"\n\n', "")
    assert old != text
    path.write_text(old, encoding="utf-8")
    assert import_quietly(ct.period_long_csv(tmp_path / "各地区生产总值2024.csv", (2024,),
                                             year_header="年份"), into, monkeypatch) == []
    assert {r["period"] for r in written(into)} == {"2022", "2023", "2024"}
