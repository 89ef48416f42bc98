"""#14 leftovers: the usual Chinese indicator names get readable, stable keys (地区生产总值,
GDP and GDP总量 are one series, gdp), the seed data's keys where they are the same
indicator; other names keep the m_ hash; a key a recipe already holds is kept."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

import correctable_tables as ct
import statistics_tables as st
from import_runs import pick, rows, run
from zoneapp.core.tables.command import commit, plan_import
from zoneapp.core.tables.keys import KNOWN, hash_key, known_key, make_key, normalised


@pytest.mark.parametrize("name, key", [
    ("地区生产总值", "gdp"), ("GDP总量", "gdp"), ("GDP", "gdp"), ("ＧＤＰ 总量", "gdp"),
    ("全市地区生产总值（亿元）", "gdp"), ("规模以上工业增加值", "industrial_value_added"),
    ("规上工业增加值", "industrial_value_added"), ("  其中：规上工业增加值", "industrial_value_added"),
    ("社会消费品零售总额", "retail_sales"), ("固定资产投资", "fixed_asset_investment"),
    ("一般公共预算收入", "public_budget_revenue"), ("进出口总额", "trade_total"),
    ("实际利用外资", "fdi_actual"), ("实际使用外资", "fdi_actual"),
    ("收入合计", ""), ("全区", ""), ("", "")])
def test_the_usual_names_have_one_key_each(name, key):
    assert known_key(name) == key
    assert make_key(name) == (key or hash_key(name))


def test_no_name_is_listed_under_two_keys():
    names = [normalised(n) for names in KNOWN.values() for n in names]
    assert len(names) == len(set(names))
    assert all(k.isascii() and k.replace("_", "").isalnum() and k[0].isalpha() for k in KNOWN)


def test_a_header_with_its_english_name_keeps_the_english_key():
    assert make_key("利润总额", "Total Profits") == "total_profits"
    assert make_key("利润总额") == "profit"


def test_the_seed_datas_keys_are_used_for_the_same_indicator():
    with open(Path(__file__).parent.parent / "data" / "indicators.csv", encoding="utf-8-sig") as f:
        seed = {r["name_zh"]: r["key"] for r in csv.DictReader(f)}
    for name in ("主营业务收入", "利润"):
        assert make_key(name) == seed[name]


def test_gdp_under_two_names_is_one_series(tmp_path, monkeypatch):
    into = tmp_path / "provinces"
    wide = st.gdp_csv(tmp_path / "各省地区生产总值.csv")  # 省份 × 2015 … 2024, 地区生产总值
    assert run(["import", str(wide), "--into", str(into), "--yes"], monkeypatch) == 0
    long = tmp_path / "各省GDP2025.csv"  # 年份 | 省份 | GDP总量(亿元)
    long.write_bytes("年份,省份,GDP总量(亿元)\n2025,北京,33500.0\n2025,江西,27200.0\n"
                     .encode("utf-8"))
    assert run(["import", str(long), "--into", str(into), "--yes"], monkeypatch) == 0
    beijing = pick(into, entity="北京")
    assert {r["key"] for r in beijing} == {"gdp"}
    assert [r["period"] for r in beijing] == [str(y) for y in range(2015, 2026)]
    assert {r["name_zh"] for r in beijing} == {"地区生产总值", "GDP总量"}


def test_a_recipe_holding_a_hash_key_keeps_it(tmp_path, monkeypatch):
    """A folder imported before names were known: its recipe's m_ key goes on."""
    into = tmp_path / "regions"
    commit(plan_import(st.long_csv(tmp_path / "各省2023.csv"), into))
    path = next((into / "recipes").glob("*.toml"))
    old_key = hash_key("GDP总量")
    path.write_text(path.read_text(encoding="utf-8").replace('key = "gdp"', f'key = "{old_key}"'),
                    encoding="utf-8")
    source = tmp_path / "各省2024.csv"
    source.write_bytes(st.long_csv(tmp_path / "x.csv").read_bytes().replace(b"2023,", b"2024,"))
    assert run(["import", str(source), "--into", str(into)], monkeypatch) == 0
    assert run.asked == []
    assert {r["key"] for r in rows(into) if r["name_zh"] == "GDP总量"
            and r["period"] == "2024"} == {old_key}


def test_two_names_of_one_key_in_one_table_stay_two_series(tmp_path):
    source = tmp_path / "园区2023.csv"
    source.write_bytes("园区,利润(亿元),利润总额(亿元)\n高新园,1.5,2.0\n物流园,0.5,0.7\n"
                       .encode("utf-8"))
    plan = plan_import(source, tmp_path / "parks")
    keys = dict(zip(plan.rows["name_zh"], plan.rows["key"]))
    assert keys == {"利润": "profit", "利润总额": hash_key("利润总额")}


def test_indicator_rows_get_the_known_keys(tmp_path):
    plan = plan_import(ct.indicator_report_csv(tmp_path / "主要指标2024-03.csv"),
                       tmp_path / "district")
    keys = dict(zip(plan.rows["name_zh"], plan.rows["key"]))
    assert keys["规模以上工业增加值"] == "industrial_value_added"
    assert keys["实际利用外资"] == "fdi_actual"
    assert keys["高技术制造业"] == hash_key("高技术制造业")
