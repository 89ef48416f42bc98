"""Helpers that write small data folders for the core tests: real files in tmp_path."""
from __future__ import annotations

import csv
import io
from pathlib import Path

MANIFEST = """\
[zone]
name_zh = "上饶高新技术产业开发区"
short_name_zh = "上饶高新区"
name_en = "Shangrao High-tech Zone"
short_name_en = "Shangrao HTZ"
periods = [2018, 2019]
description_zh = "测试数据"
description_en = "test data"

[[sources]]
id = "S1"
title = "2019年工作总结"
publication = "上饶日报"
date = "2020-01-10"
"""

INDICATOR_HEADER = ["section", "key", "name_zh", "name_en", "period", "value", "unit",
                    "qualifier", "yoy_pct", "basis", "source_id", "source_sentence", "note"]

INDICATOR_ROWS = [
    ["overview", "revenue", "主营业务收入", "Main business revenue", "2019", "506.1", "亿元", "",
     "11.7", "", "S1", "2019年实现主营业务收入506.1亿元，同比增长11.7%", ""],
    ["overview", "profit", "利润总额", "Total profit", "2019", "30.2", "亿元", "", "", "", "S1",
     "", ""],
    ["projects", "projects_total", "项目总数", "Projects", "2019", "26", "个", "", "", "", "S1",
     "", ""],
    ["projects", "projects_new", "新建项目", "New projects", "2019", "10", "个", "", "", "", "S1",
     "", ""],
    ["projects", "projects_continuing", "续建项目", "Continuing projects", "2019", "16", "个", "",
     "", "", "S1", "", ""],
]

RULE_HEADER = ["rule_id", "kind", "whole_key", "part_keys", "result_key", "name_zh", "name_en",
               "section", "note"]
RULE_ROWS = [
    ["projects_by_kind", "sum", "projects_total", "projects_new;projects_continuing", "", "", "",
     "", ""],
    ["profit_margin", "ratio", "revenue", "profit", "profit_margin", "利润率", "Profit margin",
     "overview", ""],
]

PROJECT_HEADER = ["name_zh", "name_en", "kind", "period", "investment", "investment_unit", "stage"]
PROJECT_ROWS = [
    ["芦林纸业技改项目", "Lulin Paper upgrade", "upgrade", "2019", "22", "亿元", "started"],
    ["博丰化工项目", "Bofeng Chemical", "新建", "2019", "约2.99亿", "亿元", "投产"],
]


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write_csv(folder: Path, name: str, header: list[str], rows: list[list[str]],
              encoding: str = "utf-8-sig") -> Path:
    path = folder / name
    path.write_bytes(csv_text(header, rows).encode(encoding))
    return path


def write_xlsx(path: Path, header: list, rows: list[list], sheet: str = "Sheet1") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def good_folder(folder: Path, indicators: list[list[str]] | None = None,
                rules: list[list[str]] | None = None) -> Path:
    """A minimal folder that loads without problems: manifest, indicators, rules, projects."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "zone.toml").write_text(MANIFEST, encoding="utf-8")
    write_csv(folder, "indicators.csv", INDICATOR_HEADER,
              INDICATOR_ROWS if indicators is None else indicators)
    write_csv(folder, "rules.csv", RULE_HEADER, RULE_ROWS if rules is None else rules)
    write_csv(folder, "projects.csv", PROJECT_HEADER, PROJECT_ROWS)
    return folder


def indicator(key: str, value: str, period: str = "2019", unit: str = "个", qualifier: str = "",
              yoy: str = "", section: str = "projects", name_zh: str = "") -> list[str]:
    return [section, key, name_zh or key, key, period, value, unit, qualifier, yoy, "", "S1", "", ""]


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under `folder` with its size and mtime, to prove nothing was written."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def only(problems, code: str):
    """The one problem with `code`; fails the test when there are none or several."""
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, (code, [p.format("en") for p in problems])
    return found[0]


def spy_pandas(monkeypatch) -> list:
    """Every pandas.read_csv call the readers make (the positional arguments of each)."""
    import pandas as pd

    calls = []
    original = pd.read_csv
    monkeypatch.setattr(pd, "read_csv", lambda *a, **k: calls.append(a) or original(*a, **k))
    return calls
