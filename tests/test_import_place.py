"""A new folder made by `import` is named after the place its table's title names (上饶市),
not after the directory ("city")."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from import_runs import run
from zoneapp.core.tables.place import place_in_title, zone_name


@pytest.mark.parametrize("title, place", [
    ("2024年1-5月上饶市规模以上工业主要经济指标", "上饶市"),
    ("上饶经济技术开发区2024年5月主要指标完成情况", "上饶经济技术开发区"),
    ("表3 鹰潭市2023年国民经济主要指标", "鹰潭市"),
    ("2024年一季度南昌高新技术产业开发区主要经济指标", "南昌高新技术产业开发区"),
    ("2024年5月份信州区主要经济指标", "信州区"),
    ("表 2-3 上饶高新区主要指标", "上饶高新区"),
    ("江西省2023年1-12月进出口", "江西省"),
    # a table number before the year is not read as part of it
    ("表1 2024年上饶市主要经济指标", "上饶市"),
    ("表 1-1 2024年上饶市主要指标", "上饶市"),
    ("2024年第一季度上饶市主要指标", "上饶市"),
    ("1-5月份上饶市主要经济指标", "上饶市"),
    # a run of places, whole
    ("上饶市信州区2024年主要指标", "上饶市信州区"),
    ("大兴安岭地区主要指标", "大兴安岭地区"),
    ("延边朝鲜族自治州主要指标", "延边朝鲜族自治州"),
    # about many places, or none: the folder keeps its own name
    ("表1 各省（区、市）高技术产业主营业务收入（2023年）", ""),
    ("2023年各县（市、区）主要经济指标", ""),
    ("2024年3月全市规模以上工业生产情况", ""),
    ("规模以上工业主要产品产量", ""),
    ("表1 2024年全省主要经济指标", ""),
    ("新增市场主体情况", ""),
    ("限额以上批发和零售业分地区销售额", ""),
    ("城镇居民人均可支配收入分地区", ""),
    ("省会城市主要指标", ""),
    ("部分城市主要经济指标", ""),
    ("中部六省主要指标", ""),
    ("长三角地区主要指标", ""),
    ("开发区主要经济指标", ""),
    ("Table 1 GDP", ""),
    ("", ""),
])
def test_the_place_a_title_names(title, place):
    assert place_in_title(title) == place


def test_the_first_title_that_names_a_place_names_the_zone():
    assert zone_name(["2024年3月全市主要指标", "鹰潭市2024年3月主要指标"], "city") == "鹰潭市"
    assert zone_name(["2024年3月全市主要指标"], "city") == "city"
    assert zone_name([], "city") == "city"


def _sheet(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws["A1"] = "上饶市2024年3月主要经济指标"
    ws.append(["指标", "单位", "1-3月累计", "累计增长%"])
    ws.append(["固定资产投资", "亿元", 300, 5.0])
    ws.append(["社会消费品零售总额", "亿元", 270, 6.0])
    wb.save(path)
    return path


def _zone(folder: Path) -> dict:
    return tomllib.loads((folder / "zone.toml").read_text(encoding="utf-8"))["zone"]


def test_a_new_folder_is_named_after_its_titles_place(tmp_path, monkeypatch):
    book = _sheet(tmp_path / "主要指标2024-03.xlsx")
    latin = tmp_path / "city"
    assert run(["import", str(book), "--into", str(latin), "--yes"], monkeypatch) == 0
    assert (_zone(latin)["name_zh"], _zone(latin)["name_en"]) == ("上饶市", "city")
    chinese = tmp_path / "上饶"
    assert run(["import", str(book), "--into", str(chinese), "--yes"], monkeypatch) == 0
    assert (_zone(chinese)["name_zh"], _zone(chinese)["name_en"]) == ("上饶市", "上饶市")


def test_an_existing_zone_keeps_its_name(tmp_path, monkeypatch):
    folder = tmp_path / "zone"
    folder.mkdir()
    (folder / "zone.toml").write_text('[zone]\nname_zh = "我的园区"\nperiods = [2023]\n',
                                      encoding="utf-8")
    book = _sheet(tmp_path / "主要指标2024-03.xlsx")
    assert run(["import", str(book), "--into", str(folder), "--yes"], monkeypatch) == 0
    zone = _zone(folder)
    assert zone["name_zh"] == "我的园区" and zone["periods"] == [2023, 2024]
