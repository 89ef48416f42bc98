"""A measure's key, as an import makes it: from its English name, else readable and stable for
the indicators statistics bureaus publish under many names (地区生产总值, GDP and GDP总量 are
one series, `gdp`, whichever table they come from), else m_ and a hash of the Chinese name.

A name not listed in KNOWN keeps the m_ and hash key. A key already saved in a
recipe is never changed (recipe.apply keeps it), so folders imported before keep their series.
Keys the seed data (data/) uses are used for the same indicator: revenue, profit, hte_total …
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

# key -> the names it is published under (compared as `normalised` makes them).
KNOWN: dict[str, tuple[str, ...]] = {
    "gdp": ("地区生产总值", "国内生产总值", "生产总值", "GDP", "GDP总量", "地区GDP",
            "地区生产总值GDP", "gross domestic product", "gross regional product"),
    "primary_value_added": ("第一产业增加值",),
    "secondary_value_added": ("第二产业增加值",),
    "tertiary_value_added": ("第三产业增加值", "服务业增加值"),
    "industrial_value_added": ("规模以上工业增加值", "规上工业增加值", "规模以上工业企业增加值"),
    "industrial_output": ("工业总产值", "规模以上工业总产值", "规上工业总产值", "现价工业产值",
                          "现价工业总产值", "规模以上工业现价产值"),
    "high_tech_manufacturing_value_added": ("高技术制造业增加值",),
    "retail_sales": ("社会消费品零售总额", "社会消费品零售额", "社零总额", "社零额"),
    "fixed_asset_investment": ("固定资产投资", "全社会固定资产投资", "固定资产投资额",
                               "固定资产投资完成额"),
    "industrial_investment": ("工业投资", "工业固定资产投资"),
    "real_estate_investment": ("房地产开发投资", "房地产开发投资额"),
    "public_budget_revenue": ("一般公共预算收入", "地方一般公共预算收入", "一般预算收入",
                              "公共财政预算收入", "地方公共财政预算收入"),
    "public_budget_expenditure": ("一般公共预算支出", "地方一般公共预算支出", "一般预算支出",
                                  "公共财政预算支出"),
    "fiscal_revenue": ("财政总收入",),
    "tax_revenue": ("税收收入", "税收"),
    "trade_total": ("进出口总额", "外贸进出口总额", "进出口总值", "外贸进出口", "进出口"),
    "exports": ("出口总额", "出口总值", "出口额", "出口"),
    "imports": ("进口总额", "进口总值", "进口额", "进口"),
    "fdi_actual": ("实际利用外资", "实际使用外资", "实际利用外资金额", "实际使用外资金额",
                   "实际利用外商直接投资", "实际使用外商直接投资"),
    "electricity_consumption": ("全社会用电量", "用电量"),
    "industrial_electricity": ("工业用电量",),
    "urban_disposable_income": ("城镇居民人均可支配收入",),
    "rural_disposable_income": ("农村居民人均可支配收入",),
    "disposable_income": ("居民人均可支配收入", "全体居民人均可支配收入"),
    "resident_population": ("常住人口", "年末常住人口"),
    "registered_population": ("户籍人口", "年末户籍人口"),
    "cpi": ("居民消费价格指数",),
    "deposits": ("金融机构人民币各项存款余额", "各项存款余额", "人民币存款余额"),
    "loans": ("金融机构人民币各项贷款余额", "各项贷款余额", "人民币贷款余额"),
    "rd_expenditure": ("研究与试验发展经费支出", "R&D经费支出", "研发经费支出",
                       "R&D经费内部支出"),
    "industrial_enterprises": ("规模以上工业企业数", "规上工业企业数", "规模以上工业企业"),
    "employees": ("从业人员", "从业人员平均人数", "年末从业人员"),
    # The seed data's own keys (data/indicators.csv).
    "revenue": ("主营业务收入", "营业收入"),
    "profit": ("利润", "利润总额"),
    "hte_total": ("高新技术企业数", "高新技术企业总数", "园区高新技术企业总数"),
    "projects_new": ("新建项目",),
    "projects_continuing": ("续建项目",),
    "land_acquired": ("完成征地",),
    "hires": ("新招员工",),
}

# 全市地区生产总值, 本区一般公共预算收入: the place the table is about, not the indicator.
_PLACE = re.compile(r"^(全市|全区|全县|全省|全州|全盟|本市|本区|本县)(?=.{2})")
_BRACKETS = re.compile(r"[(（\[【][^()（）\[\]【】]*[)）\]】]")


def normalised(name: str) -> str:
    """A name as the table compares it: full-width folded, units in brackets, spaces, a
    leading 其中: and the place (全市) left out, Latin letters in lower case."""
    text = unicodedata.normalize("NFKC", name or "")
    text = _BRACKETS.sub("", text)
    text = re.sub(r"\s+", "", text).lower()
    text = re.sub(r"^(其中|内)[:：]", "", text)
    return _PLACE.sub("", text)


_BY_NAME: dict[str, str] = {normalised(n): key for key, names in KNOWN.items() for n in names}


def known_key(name: str) -> str:
    """The key of an indicator published under `name` (GDP总量 -> gdp), "" when not listed."""
    return _BY_NAME.get(normalised(name), "")


def make_key(name_zh: str, name_en: str = "") -> str:
    """A measure's key: its English name in lower_snake_case; else, for a usual indicator,
    its key in KNOWN (地区生产总值, GDP总量 -> gdp); else m_ and a hash of the Chinese
    name (the same name always gets the same key; edit the recipe for a nicer one)."""
    slug = re.sub(r"[^a-z0-9]+", "_", name_en.lower()).strip("_")[:40].strip("_")
    if slug and slug[0].isalpha():
        return slug
    return known_key(name_zh) or hash_key(name_zh)


def hash_key(name_zh: str) -> str:
    return "m_" + hashlib.md5(name_zh.encode("utf-8")).hexdigest()[:8]


def distinct_keys(columns: list, rows: dict) -> None:
    """A recipe's measure columns and indicator rows (RecipeColumn, RecipeRow): two names of
    one table given one known key (利润 and 利润总额 side by side) stay two series, the later
    name taking its hash key."""
    owner: dict[str, str] = {}
    for item in [c for c in columns if c.role == "measure"] + list(rows.values()):
        if owner.setdefault(item.key, item.name_zh) != item.name_zh:
            item.key = hash_key(item.name_zh)
