"""What the checks of one table share: the cells' row numbers, the rows left out, the typed
columns made so far and the problems found, capped per column."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zoneapp.core import schema
from zoneapp.core.io.headers import HeaderMap
from zoneapp.core.fast.ahead import ColumnFacts
from zoneapp.core.problems import ERROR, Problem
from zoneapp.core.schema import Column, Table

MAX_PER_COLUMN = 100


@dataclass
class Context:
    table: Table
    file: str
    headers: HeaderMap
    rows: np.ndarray  # spreadsheet row of each position
    drop: np.ndarray  # bool: leave the row out
    facts: ColumnFacts
    kept: set[str] = field(default_factory=set)  # text columns kept as read (nothing stripped)
    out: dict[str, pd.Series] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    declared: frozenset[str] = frozenset()  # units the folder's zone.toml declares
    sections: tuple[schema.Section, ...] = ()  # the sections zone.toml declares, if any
    section_ids: dict[str, None] | None = None  # the section column's ids, first seen first

    def report(self, column: Column, positions, zh, en, code: str, severity: str = ERROR) -> None:
        """Problems for cells; `zh`/`en` map a position to the message. Drops rows or blanks cells."""
        positions = np.asarray(positions, dtype=int)
        if not len(positions):
            return
        header = self.headers.header(column)
        seen = self.counts.get(header, 0)
        for pos in positions[: max(0, MAX_PER_COLUMN - seen)]:
            self.problems.append(Problem(self.file, int(self.rows[pos]), header, zh(pos), en(pos),
                                         code, severity))
        self.counts[header] = seen + len(positions)
        if severity != ERROR:
            return
        if not column.nullable or column.key in self.table.key:
            self.drop[positions] = True
        else:
            self.blank(column, positions)

    def blank(self, column: Column, positions) -> None:
        series = self.out[column.key]
        series.iloc[positions] = np.nan if column.kind in (schema.INT, schema.FLOAT) else ""

    def cell(self, key: str, pos: int) -> str:
        return self.out[key].iloc[pos] if key in self.out else ""
