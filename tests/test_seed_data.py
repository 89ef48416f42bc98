"""The default data set against its source article: every sentence quoted, every figure and name kept.

These tests read the CSVs with pandas directly, so they check the data even while the loader
changes; one test at the end goes through the loader as well.
"""
from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from zoneapp.core import schema, units

DATA = Path(__file__).resolve().parent.parent / "data"
MANIFEST = tomllib.loads((DATA / "zone.toml").read_text(encoding="utf-8"))
ARTICLE = (DATA / MANIFEST["sources"][0]["file"]).read_text(encoding="utf-8")


def _squash(text: str) -> str:
    # Chinese has no word spaces, and the article's page break splits lines; so drop all whitespace.
    return re.sub(r"\s+", "", text)


ARTICLE_FLAT = _squash(ARTICLE)


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


TABLES = {t.name: read(t.name) for t in schema.TABLES}
BREAKDOWN = {"entity", "entity_en", "aggregate", "period_detail", "value_kind"}
INDICATORS = TABLES["indicators"].set_index("key")


# --- the files follow the schema ---------------------------------------------------------

@pytest.mark.parametrize("table", schema.TABLES, ids=lambda t: t.name)
def test_file_is_utf8_with_bom_and_has_every_column(table: schema.Table) -> None:
    raw = (DATA / f"{table.name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to show the Chinese"
    # The breakdown columns of imported tables (#14) are blank for a zone's own yearly figures:
    # the seed data may leave them out.
    left_out = BREAKDOWN if table is schema.INDICATORS else set()
    assert list(TABLES[table.name].columns) == [k for k in table.keys if k not in left_out]


@pytest.mark.parametrize("table", schema.TABLES, ids=lambda t: t.name)
def test_cells_are_valid(table: schema.Table) -> None:
    frame = TABLES[table.name]
    assert len(frame), "every table has rows"
    assert not frame.duplicated([k for k in table.key if k in frame.columns]).any()
    for column in table.columns:
        if table is schema.INDICATORS and column.key in BREAKDOWN and column.key not in frame:
            continue
        cells = frame[column.key].str.strip()
        if not column.nullable:
            assert (cells != "").all(), column.key
        filled = cells[cells != ""]
        if column.kind == schema.ENUM:
            assert set(filled) <= {c.code for c in column.choices}, column.key
        elif column.kind == schema.UNIT:
            assert set(filled) <= set(units.UNITS), column.key
        elif column.kind == schema.QUALIFIER:
            assert set(filled) <= set(units.QUALIFIERS), column.key
        elif column.kind in (schema.INT, schema.FLOAT):
            numbers = pd.to_numeric(filled)  # raises on a non-number
            if column.kind == schema.INT:
                assert (numbers == numbers.round()).all(), column.key
            if column.min_value is not None:
                assert (numbers >= column.min_value).all(), column.key


def test_indicators_are_reported_2019_figures() -> None:
    frame = TABLES["indicators"]
    assert set(frame["basis"]) == {"reported"}, "derived figures are computed, not stored"
    assert set(frame["period"]) == {"2019"}
    assert (frame["name_en"] != "").all()


# --- every row quotes the article --------------------------------------------------------

SOURCED = [t.name for t in schema.TABLES if "source_sentence" in t.keys]


@pytest.mark.parametrize("name", SOURCED)
def test_every_row_quotes_a_sentence_of_the_article(name: str) -> None:
    frame = TABLES[name]
    source_ids = {s["id"] for s in MANIFEST["sources"]}
    assert set(frame["source_id"]) <= source_ids
    for sentence in frame["source_sentence"]:
        assert sentence.strip(), f"{name}: a row without its source sentence"
        assert _squash(sentence) in ARTICLE_FLAT, sentence


# Numbers the article writes in words.
_CHINESE_NUMERALS = {2: ("两", "二")}


def _appears(value: float, sentence: str) -> bool:
    text = f"{value:g}"
    # Not part of a longer number: 2 must not match inside 2019 or 2.99.
    if re.search(rf"(?<![\d.]){re.escape(text)}(?![\d]|\.\d)", sentence):
        return True
    return value in _CHINESE_NUMERALS and any(w in sentence for w in _CHINESE_NUMERALS[value])


def test_every_indicator_figure_is_in_its_sentence() -> None:
    for key, row in INDICATORS.iterrows():
        assert _appears(float(row["value"]), row["source_sentence"]), key
        if row["yoy_pct"]:
            assert _appears(float(row["yoy_pct"]), row["source_sentence"]), key
        if row["qualifier"]:
            assert row["qualifier"] in row["source_sentence"], key


# key: value, unit, qualifier, yoy_pct. Every figure the article prints.
KEY_FIGURES = {
    "revenue": (506.1, "亿元", "", 11.7),
    "profit": (48.6, "亿元", "", 12.9),
    "hte_applications": (46, "家", "", None),
    "hte_batches": (2, "批", "", None),
    "hte_batch1_approved": (23, "家", "", None),
    "hte_batch1_reapplied": (2, "家", "", None),
    "hte_total": (67, "家", "", None),
    "tech_centre_applications": (2, "家", "", None),
    "integration_demo_recommended": (2, "家", "", None),
    "projects_total": (25, "个", "", None),
    "projects_new": (10, "个", "", None),
    "projects_continuing": (15, "个", "", None),
    "projects_2050": (3, "个", "", None),
    "projects_inv_100m": (23, "个", "", None),
    "projects_inv_2bn": (2, "个", "", None),
    "projects_inv_1bn": (1, "个", "", None),
    "projects_inv_500m": (3, "个", "", None),
    "land_acquired": (680, "亩", "", None),
    "land_eip": (360, "亩", "", None),
    "factory_space_since_2018": (120, "万平方米", "逾", None),
    "municipal_projects_since_2018": (25, "个", "", None),
    "burden_reduction": (4, "亿元", "以上", None),
    "caiyuan_loans": (2.99, "亿元", "约", None),
    "caiyuan_loan_firms": (65, "户", "", None),
    "job_fairs": (8, "场", "", None),
    "job_fair_firms": (60, "家", "", None),
    "hires": (3000, "人", "超过", None),
    "hires_workers": (2800, "人", "超过", None),
    "hires_talents": (200, "人", "超过", None),
    "pipes_rebuilt_firms": (50, "家", "多", None),
    "sewage_network": (30, "公里", "", None),
}


@pytest.mark.parametrize("key", KEY_FIGURES)
def test_key_figure(key: str) -> None:
    value, unit, qualifier, yoy = KEY_FIGURES[key]
    row = INDICATORS.loc[key]
    assert float(row["value"]) == pytest.approx(value)
    assert (row["unit"], row["qualifier"]) == (unit, qualifier)
    if yoy is None:
        assert row["yoy_pct"] == ""
    else:
        assert float(row["yoy_pct"]) == pytest.approx(yoy)


def test_no_figure_is_left_out() -> None:
    assert set(INDICATORS.index) == set(KEY_FIGURES), "add new figures to KEY_FIGURES too"


# --- every name in the article is in a table ---------------------------------------------

def _cells_without_quotes() -> str:
    # The quoted sentences contain every name, so they must not count.
    parts = []
    for frame in TABLES.values():
        parts += frame.drop(columns=["source_sentence"], errors="ignore").to_numpy().ravel().tolist()
    return "\n".join(parts)


NAMES = [
    # enterprises and projects
    "立景创新科技", "盈盛实业", "金酷电子", "烟厂易地技改项目", "芦林纸业技改项目", "天鑫钢铁大修项目",
    "博丰化工", "鹏盛建设", "同欣", "凯强", "博通科技", "华凯丰", "华欣机械", "特欣机械", "同欣机械",
    # platforms, parks, programmes
    "电子信息产业集群", "芦洋产业园", "电子信息产业园", "财园信贷通", "科贷通", "“降、优”政策",
    "高新区环保分局",
    # recognitions, honours, plans
    "省级企业技术中心", "国家企业技术中心", "国家科技孵化器", "两化融合贯标", "市级两化深度融合示范企业",
    "中小企业公共服务平台", "省级重点工业产业集群", "六大指标综合先进单位", "大众创新万众创业示范基地",
    "创建国家级高新区", "“2050”工程", "《上饶高新区产业发展规划》", "《上饶高新区发展战略规划》",
    "市政府向科技部提交的汇报材料", "提质增效奖", "省级双创示范园区", "全面建成小康社会", "全国文明城市",
    "“十三五”规划", "防范化解重大风险", "污染防治", "精准脱贫",
    # poverty relief
    "结对帮扶", "产业扶贫", "就业扶贫", "健康扶贫", "教育扶贫", "社会保障扶贫",
    # the strategies the zone answers to, its own approach and positioning, places
    "“工业强省”", "“工业强市”", "“决战新工业”", "“以申促建”", "首位产业", "国家生态文明试验区",
    "科技创新的试验区", "城市发展的新城区", "广丰", "丰溪", "吸引外资的集聚区", "循环经济的示范区",
]


@pytest.mark.parametrize("name", NAMES)
def test_name_is_in_the_article_and_in_a_table(name: str) -> None:
    assert name in ARTICLE_FLAT, "the list above must quote the article"
    assert name in _cells_without_quotes()


def test_recognitions_keep_the_articles_names() -> None:
    # 同欣 and 同欣机械 are written differently in the article; they stay separate rows.
    entities = set(TABLES["recognitions"]["entity_zh"])
    assert {"博丰化工", "鹏盛建设", "同欣", "凯强", "博通科技", "华凯丰等企业", "华欣机械", "特欣机械",
            "同欣机械", "高新区电子信息产业集群"} <= entities


def test_projects_leave_unstated_facts_empty() -> None:
    projects = TABLES["projects"].set_index("name_zh")
    for name in ("立景创新科技", "盈盛实业", "金酷电子"):
        assert projects.loc[name, ["kind", "stage", "investment"]].tolist() == ["", "", ""]
    # 已完工 is not a pipeline stage; it stays in words.
    assert projects.loc["天鑫钢铁大修项目", "stage"] == ""
    assert projects.loc["天鑫钢铁大修项目", "status_zh"] == "已完工"
    invest = projects["investment"].replace("", "nan").astype(float)
    assert invest.sum() == pytest.approx(62)


# --- rules hold for the article's numbers ------------------------------------------------

def _interval(key: str) -> tuple[float, float]:
    row = INDICATORS.loc[key]
    return units.bounds(float(row["value"]), row["qualifier"])


def test_rules_refer_to_indicators_and_hold() -> None:
    for _, rule in TABLES["rules"].iterrows():
        parts = rule["part_keys"].split(schema.LIST_SEPARATOR)
        assert {rule["whole_key"], *parts} <= set(INDICATORS.index), rule["rule_id"]
        whole_lo, whole_hi = _interval(rule["whole_key"])
        lo = sum(_interval(p)[0] for p in parts)
        hi = sum(_interval(p)[1] for p in parts)
        if rule["kind"] == "ratio":
            assert len(parts) == 1 and rule["result_key"] and rule["section"], rule["rule_id"]
            assert rule["result_key"] not in INDICATORS.index, "a derived key must not clash"
        elif rule["kind"] == "sum":
            assert lo <= whole_hi and whole_lo <= hi, rule["rule_id"]
        else:
            assert lo <= whole_hi, rule["rule_id"]


def test_list_cells_name_existing_indicators() -> None:
    for name in ("programmes", "measures"):
        for cell in TABLES[name]["indicator_keys"]:
            keys = [k for k in cell.split(schema.LIST_SEPARATOR) if k]
            assert set(keys) <= set(INDICATORS.index), cell


def test_manifest_and_source_copy() -> None:
    zone = MANIFEST["zone"]
    assert zone["short_name_zh"] == "上饶高新区" and zone["periods"] == [2019]
    source = MANIFEST["sources"][0]
    assert source["id"] == "S1" and source["author"] == "俞小芳"
    assert "上饶高新区经济社会发展综述" in source["title"]
    # The article names no newspaper and no date: the manifest must not invent them.
    assert source["publication"] == "" and source["date"] == ""
    assert "本报记者 俞小芳" in ARTICLE


# --- through the loader ------------------------------------------------------------------

def test_loads_without_errors_and_derives_2018() -> None:
    from zoneapp.core.loading import load_dataset

    dataset = load_dataset(DATA)
    assert [p.format("en") for p in dataset.errors] == []
    revenue_2018 = dataset.indicator("revenue", 2018)
    assert revenue_2018 is not None and revenue_2018["basis"] == "derived"
    assert float(revenue_2018["value"]) == pytest.approx(506.1 / 1.117, rel=1e-6)
    margin = dataset.indicator("profit_margin", 2019)
    assert margin is not None and math.isclose(float(margin["value"]), 48.6 / 506.1 * 100, rel_tol=1e-6)
