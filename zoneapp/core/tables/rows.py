"""The names of rows that are indicators (指标 | 本月 | 累计): a part named after its whole
when its own name is given to two rows."""
from __future__ import annotations

import re

from .headers import clean
from .row_kinds import entity_name

_SUB_ROW = re.compile(r"^(其中|内)\s*[:：]")


def indicator_names(cells) -> list[str]:
    """The names of rows that are indicators, one per row. A part ("  其中：制造业") is named
    as `entity_name` names it, unless that name is given to two rows (其中：制造业 under
    固定资产投资 and under 实际利用外资): then each is named after its whole
    ("固定资产投资：制造业"), so neither figure is lost as a duplicate of the other."""
    bare, parents, parent, parent_indent = [], [], "", 0
    for v in cells:
        text = "" if v is None else str(v)
        indent = len(text) - len(text.lstrip(" \u3000\t"))
        name = entity_name(v)
        part = bool(parent) and (bool(_SUB_ROW.match(clean(v))) or indent > parent_indent)
        if name and not part:
            parent, parent_indent = name, indent
        bare.append(name)
        parents.append(parent if part else "")
    seen: dict[str, int] = {}
    for name in bare:
        if name:
            seen[name] = seen.get(name, 0) + 1
    # A lone 其中： line names nothing (its parts follow it): it stays unnamed.
    return [f"{p}：{n}" if p and n and seen[n] > 1 else n for n, p in zip(bare, parents)]
