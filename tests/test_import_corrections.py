"""#14 item 4, below the window: corrections to what the finder recognised (header rows, name
column, each column's role, key, name and unit) change the rows planned and written, land in
the saved recipe, and the next file of the shape imports with them without a question."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import correctable_tables as ct
import statistics_tables as st
from zoneapp.cli import main
from zoneapp.core.tables import recipe as recipes
from zoneapp.core.tables.command import commit, plan_import
from zoneapp.core.tables.corrections import ColumnFix, Corrections
from zoneapp.core.tables.describe import describe


def written(folder: Path) -> list[dict[str, str]]:
    text = (folder / "indicators.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def saved_recipe(folder: Path) -> recipes.Recipe:
    (path,) = (folder / "recipes").glob("*.toml")
    return recipes.load(path)


def import_quietly(source: Path, into: Path, monkeypatch) -> list[str]:
    """The command without --yes: what it asked (nothing, when the recipe fits)."""
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "n")
    assert main(["import", str(source), "--into", str(into)]) == 0
    return asked


def test_the_header_row_corrected_drops_the_numbering_row_and_next_year_keeps_it(
        tmp_path, monkeypatch):
    into = tmp_path / "zone"
    source = ct.numbered_header_xlsx(tmp_path / "园区2023.xlsx")
    found = plan_import(source, into)
    assert "甲" in set(found.rows["entity"])  # the finder's mistake: a park named 甲
    plan = plan_import(source, into, corrections=Corrections(header_last=3))
    assert plan.tables[0].shape.header_rows == [2, 3]
    assert set(plan.rows["entity"]) == {"高新园", "物流园", "合计"}
    assert set(plan.rows["name_en"]) == {""}  # the numbers 1, 2, 3 are no names
    commit(plan)
    assert saved_recipe(into).header_rows == [3, 4]
    assert "甲" not in {r["entity"] for r in written(into)}

    assert import_quietly(ct.numbered_header_xlsx(tmp_path / "园区2024.xlsx", 2024, 2.0), into,
                          monkeypatch) == []
    rows_2024 = [r for r in written(into) if r["period"] == "2024"]
    assert {r["entity"] for r in rows_2024} == {"高新园", "物流园", "合计"}
    assert len(rows_2024) == 6


def test_the_name_column_corrected_names_the_rows_and_is_kept(tmp_path, monkeypatch):
    into = tmp_path / "industry"
    source = ct.coded_csv(tmp_path / "行业2023.csv")
    assert set(plan_import(source, into).rows["entity"]) == {"C13", "C14"}
    plan = plan_import(source, into, corrections=Corrections(name_col=1))
    assert set(plan.rows["entity"]) == {"农副食品加工业", "食品制造业"}
    commit(plan)
    recipe = saved_recipe(into)
    assert (recipe.name_column, recipe.name_column_fixed) == ("行业名称", True)
    assert import_quietly(ct.coded_csv(tmp_path / "行业2024.csv", 2024), into, monkeypatch) == []
    assert {r["entity"] for r in written(into) if r["period"] == "2024"} == \
        {"农副食品加工业", "食品制造业"}


def test_roles_keys_names_and_units_corrected_are_written_and_kept(tmp_path, monkeypatch):
    into = tmp_path / "zone"
    source = st.yearbook_xlsx(tmp_path / "高技术产业2023.xlsx")
    fixes = Corrections(columns={
        5: ColumnFix(role="skip"),  # F 利润总额: not imported
        1: ColumnFix(role="skip"),  # B Region: not the names' English twin
        3: ColumnFix(key="revenue", name_zh="营业收入合计"),  # D 收入合计
        2: ColumnFix(unit="家")})  # C 企业数
    plan = plan_import(source, into, corrections=fixes)
    rows = plan.rows
    assert set(rows["key"]) == {"revenue", "number_of_enterprises"}
    assert set(rows.loc[rows["key"] == "revenue", "name_zh"]) == {"营业收入合计"}
    assert set(rows.loc[rows["key"] == "number_of_enterprises", "unit"]) == {"家"}
    assert set(rows["entity_en"]) == {""}
    assert set(rows.loc[rows["key"] == "revenue", "yoy_pct"]) == {8.1, 7.5, 6.2, 12.3}
    found = "\n".join(describe(plan, "zh"))
    assert "忽略列 F" in found and "“营业收入合计” → revenue" in found
    commit(plan)
    text = next((into / "recipes").glob("*.toml")).read_text(encoding="utf-8")
    assert 'key = "revenue"' in text and 'unit = "家"' in text

    assert import_quietly(st.yearbook_xlsx(tmp_path / "高技术产业2024.xlsx", 2024), into,
                          monkeypatch) == []
    rows_2024 = [r for r in written(into) if r["period"] == "2024"]
    assert {r["key"] for r in rows_2024} == {"revenue", "number_of_enterprises"}
    assert {r["entity_en"] for r in rows_2024} == {""}


def test_a_growth_column_given_to_another_measure(tmp_path, monkeypatch):
    into = tmp_path / "zone"
    source = ct.numbered_header_xlsx(tmp_path / "园区2023.xlsx")
    fixes = Corrections(header_last=3, columns={3: ColumnFix(role="growth", growth_of=2)})
    plan = plan_import(source, into, corrections=fixes)
    rows = plan.rows
    profit = rows[rows["name_zh"] == "利润总额"]
    assert sorted(profit["yoy_pct"]) == [8.5, 9.3, 12.0]
    assert rows.loc[rows["name_zh"] == "营业收入", "yoy_pct"].isna().all()
    commit(plan)
    growth = next(c for c in saved_recipe(into).columns if c.role == "growth")
    assert growth.growth_of.startswith("利润总额(亿元) / 2")  # C, as headed with its number
    assert import_quietly(ct.numbered_header_xlsx(tmp_path / "园区2024.xlsx", 2024), into,
                          monkeypatch) == []
    again = [r for r in written(into) if r["period"] == "2024" and r["yoy_pct"]]
    assert {r["name_zh"] for r in again} == {"利润总额"}


def test_a_column_made_a_measure_and_a_twin(tmp_path):
    source = ct.coded_csv(tmp_path / "行业2023.csv")
    fixes = Corrections(name_col=1, columns={0: ColumnFix(role="name_en")})
    plan = plan_import(source, tmp_path / "z", corrections=fixes)
    assert set(zip(plan.rows["entity"], plan.rows["entity_en"])) == {
        ("农副食品加工业", "C13"), ("食品制造业", "C14")}
    nothing = tmp_path / "园区.csv"  # a text column made a measure: its numbers are taken
    nothing.write_text("园区,营业收入(亿元),备注\n高新园,12,见注\n物流园,3,4\n", encoding="utf-8")
    plan = plan_import(nothing, tmp_path / "z", period="2023",
                       corrections=Corrections(columns={2: ColumnFix(role="measure",
                                                                     unit="个")}))
    assert set(zip(plan.rows["entity"], plan.rows["name_zh"], plan.rows["unit"])) == {
        ("高新园", "营业收入", "亿元"), ("物流园", "营业收入", "亿元"), ("物流园", "备注", "个")}
