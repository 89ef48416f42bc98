"""ahead.ColumnFacts: the facts worked out on threads give the same tables and problems."""
from __future__ import annotations

import pandas as pd
import pytest

from zoneapp.core.fast import ahead
from zoneapp.core.fast import workers
from zoneapp.core.loading import load_table
from zoneapp.core.schema import TABLES

PROJECTS = next(t for t in TABLES if t.name == "projects")
HEADER = "name_zh,company_zh,kind,period,investment,investment_unit,stage,programmes\n"


@pytest.mark.parametrize("body", [
    # plain, a repeated key, enum names to map, a list to normalise
    "甲,企业,new,2019,1.5,亿元,开工,2050\n乙,企业,新建,2019,2,亿元,,\n甲,企业,new,2019,3,亿元,,\n",
    # text to strip (a repeated key only once stripped), a bad enum, a bad number
    " 甲,企业 ,new,2019,1,亿元,,\n甲,企业,bogus,2019,x,亿元,,2050，2060\n",
    # a row left out (blank name): the key rows found from the cells as read no longer hold
    "甲,企业,new,2019,1,亿元,,\n,企业,new,2019,1,亿元,,\n甲,企业,new,2019,2,亿元,,\n",
    # the period read as text (a qualifier in a number column)
    "甲,企业,new,2019,约1,亿元,,\n甲,企业,new,2019,2,亿元,,\n",
])
def test_threads_give_the_same_table_as_working_it_out_inline(tmp_path, monkeypatch, body):
    path = tmp_path / "projects.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    inline, inline_problems = load_table(path, PROJECTS, path.name)
    monkeypatch.setattr(workers, "PARALLEL_ROWS", 0)
    monkeypatch.setattr(workers, "parallel", lambda: True)  # also on a one-core runner
    asked = []
    original = ahead.ColumnFacts.get
    monkeypatch.setattr(ahead.ColumnFacts, "get",
                        lambda self, key, fact: asked.append(fact) or original(self, key, fact))
    threaded, threaded_problems = load_table(path, PROJECTS, path.name)
    assert ahead.STRIP in asked and ahead.DISTINCT in asked
    assert threaded_problems == inline_problems
    pd.testing.assert_frame_equal(threaded, inline)


def test_key_rows_from_the_cells_as_read_are_used_only_while_they_hold(tmp_path, monkeypatch):
    """Three rows, two of them the same key once the name is stripped: the key rows found
    from the cells as read miss that, so the checks work them out again from the table."""
    monkeypatch.setattr(workers, "PARALLEL_ROWS", 0)
    path = tmp_path / "projects.csv"
    path.write_text(HEADER + "甲 ,企业,new,2019,1,亿元,,\n甲,企业,new,2019,2,亿元,,\n"
                    "乙,企业,new,2019,2,亿元,,\n", encoding="utf-8")
    frame, problems = load_table(path, PROJECTS, path.name)
    assert frame["name_zh"].tolist() == ["甲", "乙"]
    duplicate = [p for p in problems if p.code == "duplicate_key"]
    assert [(p.row, p.column) for p in duplicate] == [(3, "name_zh")]
