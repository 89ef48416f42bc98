"""The place a statistics table is about, from its title: a new folder's zone name.

A report's title names its place after the table's number and period, or before the period:
"2024年1-5月上饶市规模以上工业主要经济指标", "上饶经济技术开发区2024年5月主要指标完成情况",
"表3 鹰潭市2023年国民经济主要指标". A title about many places ("各省（区、市）…", "全市…")
names none, and the folder's own name stays.
"""
from __future__ import annotations

import re

_NUMBER = re.compile(r"^(?:附?表\s*[\dA-Za-z一二三四五六七八九十]+(?:[-—–．.]\d+)*[、:：.\s]*)")
_PERIOD = re.compile(
    r"^(?:\d{4}\s*年(?:\s*\d{1,2}\s*(?:[-–—~～至]\s*\d{1,2}\s*)?月份?)?"
    r"(?:[一二三四1-4]\s*季度|上半年|下半年|前三季度|全年|度)?(?:\s*(?:份|累计))?\s*)")
_SUFFIXES = ("经济技术开发区", "高新技术产业开发区", "高新技术产业园区", "经济开发区", "开发区",
             "高新区", "经开区", "工业园区", "产业园", "新区", "自治区", "自治州", "自治县", "地区",
             "省", "市", "县", "区", "旗", "盟", "州")
_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,16}?(?:%s))" % "|".join(_SUFFIXES))
_MANY = ("各", "全", "本", "分", "规模", "主要", "国民", "工业", "经济")


def place_in_title(title: str) -> str:
    """The place the title names first, or "" (a title about many places, or none)."""
    text = re.sub(r"\s+", "", title or "")
    text = _NUMBER.sub("", text)
    before = _PLACE.match(_PERIOD.sub("", text))  # after the period: 2024年5月上饶市…
    place = before[1] if before else ""
    if place.startswith(_MANY):
        return ""
    return place


def zone_name(titles: list[str], folder_name: str) -> str:
    """A new folder's zone name: the place its first titled table names, else the folder's."""
    for title in titles:
        place = place_in_title(title)
        if place:
            return place
    return folder_name
