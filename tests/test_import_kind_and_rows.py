"""#14 item 4, below the window: a measure column's value kind (本月 / 累计 / 期末 / none) and,
in a table whose rows are indicators, each row's key, name and unit -- or that the row is not
imported -- corrected, planned, written, saved in the recipe and used for the next report
without a question."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import correctable_tables as ct
import statistics_tables as st
from zoneapp.core.tables import recipe as recipes
from zoneapp.core.tables.command import commit, plan_import
from zoneapp.core.tables.corrections import ColumnFix, Corrections, RowFix
from zoneapp.core.tables.describe import describe
from test_import_corrections import import_quietly


def written(folder: Path) -> list[dict[str, str]]:
    text = (folder / "indicators.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def recipe_text(folder: Path) -> str:
    (path,) = (folder / "recipes").glob("*.toml")
    return path.read_text(encoding="utf-8")


def test_a_value_kind_corrected_is_planned_written_and_kept(tmp_path, monkeypatch):
    into = tmp_path / "industry"
    source = st.monthly_xlsx(tmp_path / "工业月报2023-11.xlsx")
    found = plan_import(source, into)
    assert set(found.rows["value_kind"]) == {"month", "ytd"}
    # D "1-11月累计" is a balance at the period's end here; B "本月" is no month's figure.
    fixes = Corrections(columns={3: ColumnFix(value_kind="stock"), 1: ColumnFix(value_kind="none")})
    plan = plan_import(source, into, corrections=fixes)
    kinds = dict(zip(plan.rows["value"], plan.rows["value_kind"]))
    assert kinds[99000.0] == "stock" and kinds[11000.0] == ""
    assert "“现价工业产值 / 1-11月累计”，期末数" in "\n".join(describe(plan, "zh"))
    assert plan.tables[0].shape.measures[1].value_kind == "stock"  # what the sheet marks
    commit(plan)
    text = recipe_text(into)
    assert 'value_kind = "stock"' in text and 'value_kind = ""' in text
    assert 'value_kind = "month"' not in text and 'value_kind = "ytd"' not in text
    assert {r["value_kind"] for r in written(into)} == {"stock", ""}

    assert import_quietly(st.monthly_xlsx(tmp_path / "工业月报2024-03.xlsx", 2024, 3), into,
                          monkeypatch) == []
    march = [r for r in written(into) if r["period"] == "2024"]
    assert {r["value_kind"] for r in march} == {"stock", ""} and len(march) == 6


def test_indicator_rows_corrected_and_one_skipped(tmp_path, monkeypatch):
    into = tmp_path / "district"
    source = ct.indicator_report_csv(tmp_path / "主要指标2024-03.csv")
    found = plan_import(source, into)
    assert "高技术制造业" in set(found.rows["name_zh"])
    fixes = Corrections(rows={
        "规模以上工业增加值": RowFix(key="industry_va", name_zh="工业增加值"),
        "高技术制造业": RowFix(skip=True),  # a 其中 row not wanted
        "工业用电量": RowFix(unit="亿千瓦时")})  # the table's 万千瓦时 is a misprint: relabelled
    plan = plan_import(source, into, corrections=fixes)
    rows = plan.rows
    assert set(rows["name_zh"]) == {"工业增加值", "实际利用外资", "工业用电量"}
    assert set(rows.loc[rows["name_zh"] == "工业增加值", "key"]) == {"industry_va"}
    power = rows[rows["name_zh"] == "工业用电量"]
    assert set(power["unit"]) == {"亿千瓦时"} and sorted(power["value"]) == [4200.0, 45000.0]
    found_text = "\n".join(describe(plan, "zh"))
    assert "跳过第 4 行: 按配方不导入" in found_text and "工业增加值 → industry_va" in found_text
    commit(plan)
    saved = recipes.load(next((into / "recipes").glob("*.toml")))
    assert saved.rows["高技术制造业"].skip
    assert (saved.rows["规模以上工业增加值"].key, saved.rows["规模以上工业增加值"].name_zh) == \
        ("industry_va", "工业增加值")
    assert (saved.rows["工业用电量"].unit, saved.rows["工业用电量"].unit_read) == ("亿千瓦时", "万千瓦时")
    assert "skip = true" in recipe_text(into)
    assert len(written(into)) == 6

    # April: the same shape; the recipe's rows apply, nothing is asked, nothing converted.
    assert import_quietly(ct.indicator_report_csv(tmp_path / "主要指标2024-04.csv", 2024, 4,
                                                  scale=2.0), into, monkeypatch) == []
    april = [r for r in written(into) if r["period_detail"] in ("2024-04", "2024-01..2024-04")]
    assert len(april) == 6
    assert {r["name_zh"] for r in april} == {"工业增加值", "实际利用外资", "工业用电量"}
    assert {float(r["value"]) for r in april if r["name_zh"] == "工业用电量"} == {8400.0, 120000.0}
    assert {r["unit"] for r in april if r["name_zh"] == "工业用电量"} == {"亿千瓦时"}


def test_a_row_skipped_can_be_taken_back(tmp_path):
    into = tmp_path / "district"
    source = ct.indicator_report_csv(tmp_path / "主要指标2024-03.csv")
    commit(plan_import(source, into, corrections=Corrections(rows={"实际利用外资": RowFix(skip=True)})))
    assert "实际利用外资" not in plan_import(source, into).rows["name_zh"].tolist()
    again = plan_import(source, into, corrections=Corrections(rows={"实际利用外资": RowFix(skip=False)}))
    assert "实际利用外资" in again.rows["name_zh"].tolist()
    assert not again.recipe.rows["实际利用外资"].skip


def test_a_hand_edited_recipe_row_skip_and_a_broken_one(tmp_path):
    into = tmp_path / "district"
    source = ct.indicator_report_csv(tmp_path / "主要指标2024-03.csv")
    commit(plan_import(source, into))
    (path,) = (into / "recipes").glob("*.toml")
    text = path.read_text(encoding="utf-8")
    text = text.replace('name = "工业用电量"\n', 'name = "工业用电量"\nskip = "yes"\n')  # not true
    path.write_text(text.replace('name = "实际利用外资"\n', 'name = "实际利用外资"\nskip = true\n'),
                    encoding="utf-8")
    names = set(plan_import(source, into).rows["name_zh"])
    assert "实际利用外资" not in names and "工业用电量" in names
