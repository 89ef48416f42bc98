"""Every table of a zone's data folder and every column in it, declared once.

A file's header may use a column's key (`value`) or its Chinese or English label (`数值`,
`Value`), so a table exported with `--lang zh` or `--lang en` reads back. Enumerated cells may
likewise hold the code or either label; the loader turns them into the code.
"""
from __future__ import annotations

# The types are read as schema.INT, schema.Column ... at about a hundred sites (zoneapp/,
# tests/, bench/): re-exported here so that one import names the whole data format.
from .schema_types import (  # noqa: F401
    ENUM, FLOAT, INT, LIST, LIST_SEPARATOR, PERIOD, QUALIFIER, TEXT, UNIT, Choice, Column,
    Section, Table,
)

# The built-in sections: their names and tables serve a folder that declares none, or declares
# one of these ids without names or tables (core.sections).
SECTIONS: tuple[Section, ...] = (
    Section("overview", "概览", "Overview", ("honours",)),
    Section("projects", "产业项目", "Industry projects", ("projects", "measures")),
    Section("financing", "金融服务", "Financing", ("programmes",)),
    Section("relief", "扶贫与就业", "Poverty relief & employment", ("measures",)),
    Section("innovation", "科技创新", "Innovation", ("recognitions", "plans", "measures")),
    Section("environment", "生态环保", "Environment", ("measures",)),
)
SECTION_CODES = tuple(s.code for s in SECTIONS)
# A loaded frame's attrs key: its section column's ids in order of first appearance.
SECTION_IDS = "section_ids"


def section(code: str) -> Section:
    """The built-in section `code`, or one named by its id (`gross_output`: "Gross output")."""
    found = next((s for s in SECTIONS if s.code == code), None)
    if found is not None:
        return found
    name = code.replace("_", " ").strip()
    name = name[:1].upper() + name[1:] if name.isascii() else name
    return Section(code, name or code, name or code)


def _choices(*rows: tuple[str, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(*r) for r in rows)


SECTION_CHOICES = tuple(Choice(s.code, s.zh, s.en) for s in SECTIONS)
BASIS_CHOICES = _choices(("reported", "报道", "reported"), ("derived", "推算", "derived"))
STAGE_CHOICES = _choices(
    ("signed", "签约", "signed"),
    ("funded", "进资", "funded"),
    ("started", "开工", "started"),
    ("producing", "投产", "producing"),
    ("at_target", "达标", "at target"),
    ("profitable", "效益", "profitable"),
    ("completed", "完工", "completed"),  # works that finish rather than go into production (大修)
)
PROJECT_KIND_CHOICES = _choices(
    ("new", "新建", "new"),
    ("continuing", "续建", "continuing"),
    ("upgrade", "技改", "technical upgrade"),
    ("overhaul", "大修", "overhaul"),
)
LEVEL_CHOICES = _choices(
    ("national", "国家级", "national"),
    ("provincial", "省级", "provincial"),
    ("municipal", "市级", "municipal"),
    ("zone", "园区级", "zone"),
)
RECOGNITION_STATUS_CHOICES = _choices(
    ("preparing", "准备申报", "preparing"),
    ("recommended", "推荐申报", "recommended"),
    ("applied", "已申报", "applied"),
    ("under_review", "复审中", "under review"),
    ("defended", "已答辩", "defended"),
    ("approved", "已获批", "approved"),
    ("guided", "指导中", "being guided"),
)
PROGRAMME_KIND_CHOICES = _choices(
    ("loan", "贷款", "loan"),
    ("credit", "信用融资", "credit financing"),
    ("listing", "上市融资", "listing"),
    ("burden", "减负", "burden reduction"),
    ("risk", "风险防范", "risk control"),
)
PLAN_KIND_CHOICES = _choices(
    ("plan", "规划", "plan"),
    ("report", "汇报材料", "report"),
    ("application", "申报", "application"),
    ("goal", "目标", "goal"),
    ("milestone", "节点", "milestone"),
    ("strategy", "战略", "strategy"),  # a strategy the zone answers to (工业强省 ...)
    ("positioning", "定位", "positioning"),  # what the zone says it is (科技创新的试验区 ...)
    ("review", "年度回顾", "year in review"),  # how the source sums up the year (这一年,是……的一年)
)
PLAN_STATUS_CHOICES = _choices(
    ("in_progress", "进行中", "in progress"),
    ("finalised", "已定稿", "finalised"),
    ("submitted", "已提交", "submitted"),
    ("done", "已完成", "done"),
    ("target", "目标", "target"),
)


def _period() -> Column:
    return Column("period", INT, "年份", "Year", nullable=False, min_value=1900, example="2019",
                  suffixes=("年",), doc="The year the figure or item belongs to; 2019年 reads as 2019.")


def _source_columns() -> tuple[Column, ...]:
    return (
        Column("source_id", TEXT, "来源", "Source", required=False, example="S1",
               doc="The id of a source document in zone.toml."),
        Column("source_sentence", TEXT, "原文", "Source sentence", required=False,
               example="2019年,高新区实现主营业务收入506.1亿元,同比增长11.7%",
               doc="The sentence the row was taken from, as written."),
    )


VALUE_KIND_CHOICES = _choices(
    ("year", "全年", "whole year"),
    ("month", "当月", "month"),
    ("ytd", "累计", "year to date"),
    ("stock", "期末", "at period end"),
    ("target", "目标", "target"),
)
AGGREGATE_CHOICES = _choices(("yes", "合计", "aggregate"))


def _entity_columns() -> tuple[Column, ...]:
    """What a figure is about when not the zone itself, and when it breaks down further (#14)."""
    return (
        Column("entity", TEXT, "对象", "Entity", required=False, example="北京",
               doc="The region, park, industry or enterprise the figure is about; empty: the zone."),
        Column("entity_en", TEXT, "对象(英文)", "Entity (English)", required=False,
               example="Beijing"),
        Column("aggregate", ENUM, "合计行", "Aggregate", required=False,
               choices=AGGREGATE_CHOICES, example="yes",
               doc="yes when the entity sums others (全国, 东部地区, 合计): never ranked with them."),
        Column("period_detail", PERIOD, "期间", "Period detail", required=False,
               example="2023-01..2023-11",
               doc="A part of the year: 2023Q1, 2023H1, 2023-05, or months together "
                   "2023-01..2023-11 (1-11月; 1-2月 is 2023-01..2023-02); empty: the whole year."),
        Column("value_kind", ENUM, "数值类型", "Value kind", required=False,
               choices=VALUE_KIND_CHOICES, example="ytd",
               doc="year, month (本月), ytd (累计), stock (at the period's end) or target "
                   "(a goal set for the period); empty: as the period says."),
    )


INDICATORS = Table(
    "indicators", "指标", "Indicators", "overview", required=True,
    key=("key", "period", "period_detail", "value_kind", "entity"),
    doc="Every figure in long form: one row per indicator and year.",
    columns=(
        Column("section", ENUM, "板块", "Section", nullable=False, choices=SECTION_CHOICES,
               open_choices=True, example="overview",
               doc="The tab that shows the figure: a section id that zone.toml's [[sections]] "
                   "declares; any id when it declares none (see *Sections*)."),
        Column("key", TEXT, "指标代码", "Key", nullable=False, example="revenue",
               doc="A short id, unique per year, used by rules and derivations."),
        Column("name_zh", TEXT, "指标名称", "Name (Chinese)", nullable=False, example="主营业务收入"),
        Column("name_en", TEXT, "英文名称", "Name (English)", example="Main business revenue"),
        _period(),
        Column("value", FLOAT, "数值", "Value", nullable=False, unit_column="unit",
               qualifier_column="qualifier", example="506.1"),
        Column("unit", UNIT, "单位", "Unit", nullable=False, example="亿元",
               doc="One of the units listed below."),
        Column("qualifier", QUALIFIER, "限定词", "Qualifier", example="约",
               doc="约 about, 超过/逾 over, 以上 at least, 多 more than; empty when exact."),
        Column("unit_en", TEXT, "单位(英文)", "Unit (English)", required=False, example="firms",
               doc="The unit in English for this row, where the unit's own English label (see "
                   "*Units*) does not fit: 户 counts firms in one place and households in another. "
                   "Empty: the label from *Units*."),
        Column("yoy_pct", FLOAT, "同比增长(%)", "YoY change (%)", required=False, unit="%",
               example="11.7", doc="Year-on-year change in per cent, as reported."),
        Column("basis", ENUM, "口径", "Basis", required=False, choices=BASIS_CHOICES,
               example="reported", doc="reported, or derived (then `note` says how)."),
        *_source_columns(),
        Column("note", TEXT, "备注", "Note", required=False),
        *_entity_columns(),
    ),
)

RULES = Table(
    "rules", "校验与推算规则", "Rules", "overview",
    key=("rule_id",), shown=False,
    doc="Consistency checks between indicators, and ratios the data layer derives from them.",
    columns=(
        Column("rule_id", TEXT, "规则代码", "Rule", nullable=False, example="projects_by_kind"),
        Column("kind", ENUM, "类型", "Kind", nullable=False, example="sum", choices=_choices(
            ("sum", "合计相等", "parts sum to whole"),
            ("within", "不超过总数", "parts within whole"),
            ("ratio", "比率", "ratio"),
        ), doc="sum: parts add up to the whole; within: parts do not exceed it; "
               "ratio: derive part / whole in per cent as `result_key`."),
        Column("whole_key", TEXT, "总数指标", "Whole", nullable=False, example="projects_total"),
        Column("part_keys", LIST, "分项指标", "Parts", nullable=False,
               example="projects_new;projects_continuing"),
        Column("result_key", TEXT, "推算指标代码", "Result key", required=False,
               example="profit_margin", doc="For ratio rules: the key of the derived figure."),
        Column("name_zh", TEXT, "名称", "Name (Chinese)", required=False, example="利润率"),
        Column("name_en", TEXT, "英文名称", "Name (English)", required=False, example="Profit margin"),
        Column("section", ENUM, "板块", "Section", required=False, choices=SECTION_CHOICES,
               open_choices=True,
               doc="For ratio rules: the tab that shows the derived figure (a section id)."),
        Column("note", TEXT, "备注", "Note", required=False),
    ),
)

PROJECTS = Table(
    "projects", "产业项目", "Industry projects", "projects",
    key=("name_zh", "period"),
    doc="The project register: named projects with investment and pipeline stage.",
    columns=(
        Column("name_zh", TEXT, "项目名称", "Project (Chinese)", nullable=False,
               example="芦林纸业技改项目"),
        Column("name_en", TEXT, "英文名称", "Project (English)", example="Lulin Paper upgrade"),
        Column("company_zh", TEXT, "企业", "Company", required=False, example="芦林纸业"),
        Column("company_en", TEXT, "企业(英文)", "Company (English)", required=False,
               example="Lulin Paper"),
        Column("industry_zh", TEXT, "行业", "Industry", required=False, example="造纸"),
        Column("industry_en", TEXT, "行业(英文)", "Industry (English)", required=False,
               example="Paper"),
        Column("kind", ENUM, "类型", "Kind", choices=PROJECT_KIND_CHOICES, example="upgrade"),
        _period(),
        Column("investment", FLOAT, "总投资", "Total investment", unit_column="investment_unit",
               qualifier_column="investment_qualifier", min_value=0, example="22"),
        Column("investment_unit", UNIT, "投资单位", "Investment unit", example="亿元"),
        Column("investment_qualifier", QUALIFIER, "投资限定词", "Investment qualifier",
               required=False),
        Column("stage", ENUM, "进度阶段", "Stage", choices=STAGE_CHOICES, example="started",
               doc="签约 signed → 进资 funded → 开工 started → 投产 producing → 达标 at target "
                   "→ 效益 profitable; 完工 completed for works that finish rather than go into "
                   "production (an overhaul); empty when the source does not say."),
        Column("status_zh", TEXT, "进展", "Progress (Chinese)", required=False,
               example="设备安装调试"),
        Column("status_en", TEXT, "进展(英文)", "Progress", required=False,
               example="installing and commissioning equipment"),
        Column("expected_completion", TEXT, "预计完成", "Expected completion", required=False,
               example="2020年底前"),
        Column("expected_completion_en", TEXT, "预计完成(英文)", "Expected completion (English)",
               required=False, example="by the end of 2020"),
        Column("programmes", LIST, "专项工程", "Programmes", required=False, example="2050",
               doc="Programme flags separated by ';', such as 2050 (工业崛起“2050”工程)."),
        *_source_columns(),
    ),
)

RECOGNITIONS = Table(
    "recognitions", "企业与平台认定", "Enterprises & platforms", "innovation",
    key=("entity_zh", "recognition_zh", "period"),
    doc="Recognitions applied for or won by enterprises and the zone's platforms.",
    columns=(
        Column("entity_zh", TEXT, "企业或平台", "Enterprise or platform", nullable=False,
               example="博丰化工"),
        Column("entity_en", TEXT, "英文名称", "Name (English)", example="Bofeng Chemical"),
        Column("recognition_zh", TEXT, "认定", "Recognition", nullable=False,
               example="省级企业技术中心"),
        Column("recognition_en", TEXT, "认定(英文)", "Recognition (English)",
               example="Provincial enterprise technology centre"),
        Column("level", ENUM, "级别", "Level", choices=LEVEL_CHOICES, example="provincial"),
        Column("status", ENUM, "状态", "Status", choices=RECOGNITION_STATUS_CHOICES,
               example="applied"),
        Column("status_zh", TEXT, "进展", "Progress (Chinese)", required=False, example="已申报"),
        Column("status_en", TEXT, "进展(英文)", "Progress", required=False, example="applied"),
        _period(),
        *_source_columns(),
    ),
)

PROGRAMMES = Table(
    "programmes", "金融服务项目", "Financing programmes", "financing",
    key=("programme_zh", "period"),
    doc="Financing programmes and measures; their figures are indicators.",
    columns=(
        Column("programme_zh", TEXT, "项目", "Programme (Chinese)", nullable=False,
               example="财园信贷通"),
        Column("programme_en", TEXT, "英文名称", "Programme", example="Caiyuan Xindaitong loans"),
        Column("kind", ENUM, "类型", "Kind", choices=PROGRAMME_KIND_CHOICES, example="loan"),
        Column("description_zh", TEXT, "说明", "Description (Chinese)", example="为中小微企业发放贷款"),
        Column("description_en", TEXT, "说明(英文)", "Description", required=False),
        Column("indicator_keys", LIST, "相关指标", "Indicators", required=False,
               example="caiyuan_loans;caiyuan_loan_firms"),
        _period(),
        *_source_columns(),
    ),
)

MEASURES = Table(
    "measures", "举措", "Measures", "relief",
    key=("section", "measure_zh", "period"),
    doc="Poverty-relief, environment and other measures, in words; figures are indicators.",
    columns=(
        Column("section", ENUM, "板块", "Section", nullable=False, choices=SECTION_CHOICES,
               open_choices=True, example="relief",
               doc="The tab that shows the measure: a section id, as in the indicators."),
        Column("category_zh", TEXT, "类别", "Category (Chinese)", required=False, example="产业扶贫"),
        Column("category_en", TEXT, "类别(英文)", "Category", required=False,
               example="Poverty relief through industry"),
        Column("measure_zh", TEXT, "举措", "Measure (Chinese)", nullable=False),
        Column("measure_en", TEXT, "举措(英文)", "Measure"),
        Column("result_zh", TEXT, "成效", "Result (Chinese)", required=False),
        Column("result_en", TEXT, "成效(英文)", "Result", required=False),
        Column("indicator_keys", LIST, "相关指标", "Indicators", required=False),
        _period(),
        *_source_columns(),
    ),
)

HONOURS = Table(
    "honours", "荣誉", "Honours", "overview",
    key=("honour_zh", "period"),
    doc="Honours and titles the zone won.",
    columns=(
        Column("honour_zh", TEXT, "荣誉", "Honour (Chinese)", nullable=False),
        Column("honour_en", TEXT, "荣誉(英文)", "Honour"),
        Column("recipient_zh", TEXT, "获得者", "Recipient", required=False, example="上饶高新区"),
        Column("recipient_en", TEXT, "获得者(英文)", "Recipient (English)", required=False,
               example="Shangrao High-tech Zone"),
        Column("level", ENUM, "级别", "Level", required=False, choices=LEVEL_CHOICES),
        Column("term", TEXT, "年度", "Term", required=False, example="2016-2018年度"),
        Column("term_en", TEXT, "年度(英文)", "Term (English)", required=False,
               example="2016-2018"),
        _period(),
        *_source_columns(),
    ),
)

PLANS = Table(
    "plans", "规划与节点", "Plans & milestones", "innovation",
    key=("item_zh", "period"),
    doc="Plans, applications, goals, milestones, the strategies the zone answers to, how it "
        "positions itself and how the source sums up the year.",
    columns=(
        Column("item_zh", TEXT, "事项", "Item (Chinese)", nullable=False),
        Column("item_en", TEXT, "事项(英文)", "Item"),
        Column("kind", ENUM, "类型", "Kind", choices=PLAN_KIND_CHOICES, example="plan"),
        Column("status", ENUM, "状态", "Status", choices=PLAN_STATUS_CHOICES, example="finalised"),
        Column("due", TEXT, "时间节点", "Due", required=False, example="2020年底前"),
        Column("due_en", TEXT, "时间节点(英文)", "Due (English)", required=False,
               example="by the end of 2020"),
        _period(),
        *_source_columns(),
    ),
)

TABLES: tuple[Table, ...] = (
    INDICATORS, RULES, PROJECTS, RECOGNITIONS, PROGRAMMES, MEASURES, HONOURS, PLANS,
)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}


# Files a data folder may hold besides its tables.
MANIFEST_NAME = "zone.toml"
TABLE_SUFFIXES = (".csv", ".xlsx")
