"""The place a statistics table is about, from its title: a new folder's zone name.

A report's title names its place after the table's number and period, or before the period:
"2024年1-5月上饶市规模以上工业主要经济指标", "上饶经济技术开发区2024年5月主要指标完成情况",
"表3 鹰潭市2023年国民经济主要指标". A run of places names the most precise one whole
(上饶市信州区). A title about many places ("各省（区、市）…", "全市…", "分地区…", "省会城市…")
or about none names no place, and the folder's own name stays.
"""
from __future__ import annotations

import re

# 表3, 附表1：, 表 2-1 — a number of one to three digits, never the year after it (表1 2024年).
_NUMBER = re.compile(r"^附?表\s*[A-Za-z]?\d{1,3}(?:[-—–．.]\d{1,3})*(?!\d)\s*[、:：.]?\s*")
_PERIOD = re.compile(r"^(?:\d{4}年(?:度)?)?(?:第?[一二三四1-4]季度|上半年|下半年|前三季度|全年|"
                     r"\d{1,2}(?:[-–—~～至]\d{1,2})?月份?)?(?:累计)?")
_SUFFIXES = ("经济技术开发区", "高新技术产业开发区", "高新技术产业园区", "经济开发区", "开发区",
             "高新区", "经开区", "工业园区", "科技园区", "产业园", "新区", "自治区", "自治州", "自治县",
             "地区", "省", "市", "县", "区", "旗", "盟", "州")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:%s)" % "|".join(_SUFFIXES))
# Words a title about many places, or about none, begins with.
_GENERIC = ("各", "全", "本", "分", "按", "部分", "重点", "新增", "限额", "规模", "规上", "主要",
            "国民", "工业", "经济", "城镇", "城乡", "城区", "居民", "区域", "县域", "国有", "外商",
            "民营", "市本级", "市级", "县级", "省级", "设区", "地级", "省会", "中部", "东部", "西部",
            "东北", "长三角", "珠三角", "京津冀", "市场", "其中", "开发区", "高新区", "工业园区",
            "新区", "科技园区", "产业园")
_NOT_IN_A_NAME = ("年", "月", "季", "分", "以上", "和", "及", "的", "与")


def place_in_title(title: str) -> str:
    """The place the title names first (a run of places whole), or "" when it names none."""
    text = _NUMBER.sub("", re.sub(r"\s+", " ", title or "").strip())
    text = _PERIOD.sub("", re.sub(r"\s+", "", text), count=1)
    place = ""
    while (found := _PLACE.match(text, len(place))) is not None:  # 上饶市 then 信州区
        candidate = found[0]
        if any(word in candidate for word in _NOT_IN_A_NAME) or \
                candidate.startswith(_GENERIC):
            break
        place += candidate
    return place


def zone_name(titles: list[str], folder_name: str) -> str:
    """A new folder's zone name: the place its first titled table names, else the folder's."""
    for title in titles:
        place = place_in_title(title)
        if place:
            return place
    return folder_name
