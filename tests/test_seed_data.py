"""The default data set against its source article: every sentence quoted, every figure and name kept.

These tests read the CSVs with pandas directly, so they check the data even while the loader
changes; one test at the end goes through the loader as well.
"""
from __future__ import annotations

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
# Photo captions printed inside the text; the first splits a sentence after 每 (每日进度通报).
# zone.toml's source note quotes both. A row may quote a sentence joined across a caption.
CAPTIONS = ("盈盛实业车间紧张忙碌,就业增收干劲十足。", "立景创新科技创新引领未来")
ARTICLE_WITHOUT_CAPTIONS = ARTICLE_FLAT
for _caption in CAPTIONS:
    ARTICLE_WITHOUT_CAPTIONS = ARTICLE_WITHOUT_CAPTIONS.replace(_squash(_caption), "")


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
        flat = _squash(sentence)
        assert flat in ARTICLE_FLAT or flat in ARTICLE_WITHOUT_CAPTIONS, sentence


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
    assert float(revenue_2018["value"]) == 453.1  # 506.1 / 1.117, to the revenue's decimal
    margin = dataset.indicator("profit_margin", 2019)
    assert margin is not None and float(margin["value"]) == 9.6  # 48.6 / 506.1 × 100


# --- both languages (issue #17) ----------------------------------------------------------

# Text columns that are not shown as Chinese prose: ids and the quoted sentence, and the
# indicators' and rules' notes, which are written in both languages in one cell.
_NOT_PROSE = {"key", "rule_id", "source_id", "source_sentence", "note"}
_CJK = re.compile(r"[\u3400-\u9fff]")


def _english_twin(column: schema.Column) -> str | None:
    """industry_zh -> industry_en; term -> term_en; None for an English or non-prose column."""
    if column.kind != schema.TEXT or column.key in _NOT_PROSE or column.key.endswith("_en"):
        return None
    return column.key.removesuffix("_zh") + "_en"


TWINS = [(t.name, c.key, _english_twin(c)) for t in schema.TABLES if t.shown
         for c in t.columns if _english_twin(c)]


@pytest.mark.parametrize("name,zh,en", TWINS, ids=[f"{n}.{zh}" for n, zh, _ in TWINS])
def test_every_shown_chinese_text_column_has_an_english_twin(name: str, zh: str, en: str) -> None:
    table = schema.TABLES_BY_NAME[name]
    assert en in table.keys, f"{name}.{zh} has no English column {en} in schema.py"
    twin = table.column(en)
    assert not table.column(zh).required or twin.required or twin.nullable
    frame = TABLES[name]
    if zh not in frame.columns:  # an optional column the seed does not use (indicators.entity)
        assert table.column(zh).required is False
        return
    for chinese, english in zip(frame[zh], frame[en]):
        if _CJK.search(chinese):
            assert english.strip(), f"{name}.{en} is empty where {zh} is {chinese}"
            assert english != chinese and re.search(r"[A-Za-z0-9]", english), (name, en, english)


def test_added_english_columns_are_optional() -> None:
    # Folders made before the English twins were added must still read.
    added = {"indicators": ["unit_en"], "projects": ["company_en", "expected_completion_en"],
             "recognitions": ["status_en"], "honours": ["recipient_en", "term_en"],
             "plans": ["due_en"]}
    for name, keys in added.items():
        for key in keys:
            column = schema.TABLES_BY_NAME[name].column(key)
            assert not column.required and column.nullable, (name, key)


def test_english_cells_for_the_chinese_only_facts() -> None:
    projects = TABLES["projects"].set_index("name_zh")
    assert projects.loc["芦林纸业技改项目", "expected_completion_en"] == "by the end of 2020"
    assert projects.loc["天鑫钢铁大修项目", "company_en"] == "Tianxin Steel"
    honours = TABLES["honours"].set_index("honour_zh")
    assert honours.loc["江西工业崛起园区发展专项奖“六大指标综合先进单位”", "term_en"] == "2016-2018"
    plans = TABLES["plans"]
    assert set(plans.loc[plans["due"] == "2020年底前", "due_en"]) == {"by the end of 2020"}


def test_hu_counts_firms_in_english() -> None:
    # 65户中小微企业: 户 here counts firms, not households; the unit's own label is vaguer.
    for key, row in INDICATORS.iterrows():
        if row["unit"] == "户":
            assert row["unit_en"] in ("firms", "households"), key
    assert INDICATORS.loc["caiyuan_loan_firms", "unit_en"] == "firms"


# --- issue #17: facts typed wrongly ------------------------------------------------------

def test_tianxin_overhaul_is_completed() -> None:
    # 总投资20亿元的天鑫钢铁大修项目已经完工: an overhaul (大修), not a technical upgrade (技改).
    row = TABLES["projects"].set_index("name_zh").loc["天鑫钢铁大修项目"]
    assert (row["kind"], row["stage"]) == ("overhaul", "completed")
    assert schema.PROJECTS.column("kind").choice("overhaul").zh == "大修"
    assert schema.PROJECTS.column("stage").choice("completed").zh == "完工"


def test_captions_are_in_the_article_and_explained() -> None:
    for caption in CAPTIONS:
        assert _squash(caption) in ARTICLE_FLAT
        assert caption in MANIFEST["sources"][0]["note"]


ROUTINE = "领导班子成员挂项目督促、每日进度通报、每周巡查、每月调度"
JOINED = ("高新区严格按照签约项目抓进资、进资项目抓开工、开工项目抓投产、投产项目抓达标、达标项目抓效益的原则,"
          "通过领导班子成员挂项目督促、每日进度通报、每周巡查、每月调度,切实加大对重大项目跟踪服务力度")


def test_project_follow_up_routine_is_quoted_across_the_caption() -> None:
    # The caption 盈盛实业车间紧张忙碌…… splits 每|日进度通报: the sentence is quoted joined.
    assert JOINED not in ARTICLE_FLAT and JOINED in ARTICLE_WITHOUT_CAPTIONS
    measures = TABLES["measures"]
    rows = measures[measures["measure_zh"].str.contains(ROUTINE, regex=False)]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["source_sentence"] == JOINED
    assert all(w in row["measure_en"].lower() for w in ("daily", "weekly", "monthly", "leader"))
    # The stages principle is quoted with the whole sentence too, not cut before the routine.
    principle = measures[measures["measure_en"].str.contains("through its stages", regex=False)]
    assert principle["source_sentence"].tolist() == [JOINED]
    assert ROUTINE not in " ".join(principle["measure_zh"]) and "leader" not in principle.iloc[0]["measure_en"]


# --- issue #17: phrases the data had left out --------------------------------------------

YEAR_LINES = ("满怀战斗激情,敢于直面困难挑战", "聚焦智能制造,产业转型稳步推进",
              "洋溢民生情怀,扶贫力度持续加大", "强化责任担当,服务能力稳步提升")
MISSING_BEFORE = ("以培育高新产业集群为着力点", "高新产业比重进一步加大,产业结构日益优化", *YEAR_LINES)
# Found missing when the article was read again claim by claim.
FOUND_IN_REREAD = (
    "一片生机盎然的创新高地", "一个让投资商、创新创业者成就梦想的理想舞台",
    "坚持科技创新驱动", "强化项目建设和服务力度",
    "宣传先行、部门联动、强化服务、政策激励", "强化企业需求与专家服务对接",
    "在中介推荐、材料申报、专家答辩等各个环节主动上门对接服务", "提高园区承载能力",
)


@pytest.mark.parametrize("phrase", MISSING_BEFORE + FOUND_IN_REREAD)
def test_phrase_is_in_a_row_with_its_sentence(phrase: str) -> None:
    assert phrase in ARTICLE_FLAT
    assert phrase in _cells_without_quotes()
    for frame in TABLES.values():
        if "source_sentence" not in frame.columns:
            continue
        cells = frame.drop(columns=["source_sentence"]).apply(lambda r: "\n".join(r), axis=1)
        for i in cells[cells.str.contains(phrase, regex=False)].index:
            assert phrase in frame.loc[i, "source_sentence"]


def test_the_year_lines_are_plans_of_kind_review() -> None:
    plans = TABLES["plans"]
    for line in YEAR_LINES:
        rows = plans[plans["item_zh"] == line]
        assert rows["kind"].tolist() == ["review"], line
        assert rows["source_sentence"].tolist() == [f"这一年,是高新区{line}的一年"]
        assert rows["period"].tolist() == ["2019"]
    goal = plans[plans["item_zh"] == "以培育高新产业集群为着力点"]
    assert goal["kind"].tolist() == ["goal"]


# --- issue #17: the English says what the article says -----------------------------------

def test_lulin_trial_operation_is_expected_not_completed() -> None:
    # 有望于2020年底前完成试运营: expected by the end of 2020.
    plans = TABLES["plans"]
    row = plans[plans["item_zh"].str.startswith("芦林纸业技改项目")].iloc[0]
    assert "有望" in row["item_zh"]
    assert "expected" in row["item_en"] and "by the end of 2020" in row["item_en"]
    assert row["due_en"] == "by the end of 2020"


def test_honour_and_application_names_in_english() -> None:
    honours = TABLES["honours"].set_index("honour_zh")
    six = honours.loc["江西工业崛起园区发展专项奖“六大指标综合先进单位”", "honour_en"]
    assert "overall advanced unit for the six key indicators" in six
    plans = TABLES["plans"].set_index("item_zh")
    assert "mass entrepreneurship and innovation demonstration park" in \
        plans.loc["申报省发改委省级双创示范园区", "item_en"]


def test_look_back_inspection_is_in_the_english_measure() -> None:
    measures = TABLES["measures"]
    rows = measures[measures["source_sentence"].str.contains("回头看", regex=False)]
    assert len(rows) == 1
    assert "回头看" in rows.iloc[0]["measure_zh"]
    assert "follow-up" in rows.iloc[0]["measure_en"] and "central environmental" in rows.iloc[0]["measure_en"]


def test_caiyuan_xindaitong_is_explained_in_english() -> None:
    row = TABLES["programmes"].set_index("programme_zh").loc["财园信贷通"]
    text = row["description_en"]
    assert "government-backed" in text and "industrial parks" in text and "Jiangxi" in text
    assert "not the article's" in text, "our explanation must not pass for the article's words"


def test_investment_bands_are_our_reading_in_the_note_not_the_name() -> None:
    for key in ("projects_inv_2bn", "projects_inv_1bn", "projects_inv_500m"):
        row = INDICATORS.loc[key]
        assert "below" not in row["name_en"] and "(" not in row["name_en"], key
        assert "not the article's" in row["note"] and "原文未" in row["note"], key
