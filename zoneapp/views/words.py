"""The view layer's own words in Chinese: chart titles, KPI phrases, report and card text.

Qt's .ts files translate the widgets' strings; these are the words that describe the data,
decided below Qt so that every output says the same. Placeholders are %1, %2 as in Qt.
"""
from __future__ import annotations

ZH = {
    # Charts
    "Reported": "报道值",
    "Derived": "推算",
    "(derived)": "（推算）",
    "Year on year: %1": "同比：%1",
    "Source: %1": "原文：%1",
    " and %1 more": "等%1项",
    "number": "数量",
    "%1 by year": "%1(按年份)",
    "%1: breakdown": "%1构成",
    "%1: of which": "%1：其中",
    "Figures and sources": "指标与出处",
    "High-tech enterprises: applied → approved → total": "高新技术企业：申报 → 获批 → 总数",
    "1 item": "1项",
    "%1 items": "%1项",
    "Enterprises and platforms by status": "企业与平台认定进展",
    "items": "数量（项）",
    "Progress: %1": "进展：%1",
    "Total investment per project": "各项目总投资",
    "Total investment: the %1 largest of %2 projects": "总投资：%2个项目中最大的%1个",
    "1 project": "1个项目",
    "%1 projects": "%1个项目",
    "Named projects by stage": "重点项目进度阶段",
    "%1 of %2 projects have a stage": "%2个项目中%1个有阶段信息",
    "projects": "项目数（个）",
    # Monthly figures and targets (views/timeline.py)
    "%1: each month": "%1：当月",
    "%1: each period": "%1：当期",
    "%1: each quarter": "%1：当季",
    "Months": "当月",
    "Quarters": "当季",
    "Half-years": "半年",
    "%1 months": "%1个月",
    "Periods of different lengths in different colours, each bar as wide as its months: "
    "compare bars of one colour.": "不同长度的期间分色显示，柱宽为其所含月数：只比较同色的柱。",
    "%1: year to date": "%1：累计",
    "Time elapsed": "时序进度",
    # A figure by entity over time: its total's or own entity's values (views/entity_trend.py)
    "%1 (month): %2, by month": "%1当月：%2，按月",
    "%1 (each period): %2, by period": "%1当期：%2，按期",
    "%1 (year to date): %2, by month": "%1累计：%2，按月",
    "%1 (year to date): %2, by period": "%1累计：%2，按期",
    "%1: %2, by month": "%1：%2，按月",
    "%1: %2, by period": "%1：%2，按期",
    "%1: %2, by year": "%1：%2，按年",
    "%1: %2 target vs time elapsed": "%1：%2年目标完成进度",
    # Each entity's progress to its target (views/entity_targets.py)
    "%1: progress to the annual target by entity, %2": "%1：各单位完成年度目标进度（%2）",
    "Time elapsed %1%": "时序进度%1%",
    "%1: %2 of the annual target": "%1完成年度目标%2",
    "%1 more without a target": "另有%1项无年度目标",
    "%1 more without this period's year to date": "另有%1项无本期累计",
    "%1 more whose target's unit does not convert": "另有%1项的目标单位无法换算",
    "% of the annual target": "完成年度目标（%）",
    "Bars: year to date as per cent of the year's target; the line: share of the year gone by.":
        "柱：累计完成占年度目标的百分比；线：时序进度（已过月份占全年的比例）。",
    # KPI cards
    "YoY": "同比",
    "vs %1": "较%1年",
    "Derived: %1": "推算：%1",
    "YoY up %1": "同比增长%1",
    "YoY down %1": "同比下降%1",
    "YoY unchanged": "同比持平",
    "In %1: %2": "%1年：%2",
    # Figures by entity: rankings, the own entity's card, the entity × period table (#15)
    "%1: ranking of %2 regions, %3": "%1：%2个地区排名（%3）",
    "%1: ranking of %2, %3": "%1：%2项排名（%3）",
    "%1 other regions": "其他%1个地区",
    "%1 others": "其他%1项",
    "%1 more regions not shown": "另有%1个地区未列出",
    "%1 more not shown": "另有%1项未列出",
    "Derived: the sum of the %1 other regions": "推算：其余%1个地区之和",
    "Derived: the sum of the %1 others": "推算：其余%1项之和",
    "%1 total: %2": "%1合计：%2",
    "%1: %2": "%1：%2",
    "%1 (own region)": "%1（本地区）",
    "%1 (own)": "%1（本单位）",
    "%1 (rank %2)": "%1（第%2位）",
    "Rank %1 of %2": "第%1位（共%2）",
    "%2 of the total (%1)": "占%1%2",
    "%2 of the %1 regions' sum": "占%1个地区合计%2",
    "%2 of the sum of %1": "占%1项合计%2",
    "First of %1 regions: %2": "%1个地区中首位：%2",
    "First of %1: %2": "%1项中首位：%2",
    "%1 (%2)": "%1（%2）",
    "%1 (aggregate)": "%1（合计）",
    "Region": "地区",
    "Entity": "对象",
    "%1 (%2) by region and year": "%1（%2）：分地区、分年份",
    "%1 (%2) by entity and year": "%1（%2）：分对象、分年份",
    "%1 (%2) by region and period": "%1（%2）：分地区、分期间",
    "%1 (%2) by entity and period": "%1（%2）：分对象、分期间",
    # Share card and report (a context before "|" tells two uses of one English text apart)
    "card|Source: %1": "来源：%1",
    "Made with ZoneApp on %1": "园区指标看板 %1 生成",
}


# The generic phrases above that count entities, said of what the entities are (views/
# entities.entity_noun): 4个县区中首位, not 4项中首位. English keeps the generic phrase.
_NOUNS = {"counties": "县区", "parks": "园区", "cities": "市"}
_COUNTED = {
    "%1: ranking of %2, %3": "%1：%2个{n}排名（%3）",
    "%1 others": "其他%1个{n}",
    "%1 more not shown": "另有%1个{n}未列出",
    "Derived: the sum of the %1 others": "推算：其余%1个{n}之和",
    "%2 of the sum of %1": "占%1个{n}合计%2",
    "First of %1: %2": "%1个{n}中首位：%2",
    "%1: progress to the annual target by entity, %2": "%1：各{n}完成年度目标进度（%2）",
    "%1 more without a target": "另有%1个{n}无年度目标",
    "%1 more without this period's year to date": "另有%1个{n}无本期累计",
    "%1 more whose target's unit does not convert": "另有%1个{n}的目标单位无法换算",
}
ZH.update({f"{noun}|{text}": zh.format(n=word) for noun, word in _NOUNS.items()
           for text, zh in _COUNTED.items()})


def counted(noun: str, text: str) -> str:
    """`text` (a generic phrase counting entities) as said of `noun`'s entities, for say()."""
    keyed = f"{noun}|{text}"
    return keyed if noun and keyed in ZH else text


def say(text: str, lang: str, *args: object) -> str:
    """`text` in `lang` ('zh' or 'en'), with %1, %2 … replaced by `args`."""
    out = ZH.get(text, text) if lang == "zh" else text.split("|", 1)[-1]
    for number, arg in enumerate(args, start=1):
        out = out.replace(f"%{number}", str(arg))
    return out
