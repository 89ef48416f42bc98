"""The kinds of column and the types a data folder's tables are declared with (schema.py
declares them): Choice, Column, Table, Section, and a table relabelled for a folder's sections."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

# Column kinds.
TEXT = "text"
INT = "int"
FLOAT = "float"
ENUM = "enum"
LIST = "list"  # several codes in one cell, separated by ';' (programme flags: "2050")
UNIT = "unit"  # a unit from core.units
QUALIFIER = "qualifier"  # a qualifier word from core.units
PERIOD = "period"  # a part of a year: 2023Q1, 2023H1, 2023-05, 2023-01..2023-05 (core.periods)

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Choice:
    code: str
    zh: str
    en: str


@dataclass(frozen=True)
class Column:
    key: str
    kind: str
    zh: str
    en: str
    required: bool = True  # the column must be present in the file
    nullable: bool = True  # a cell may be empty
    choices: tuple[Choice, ...] = ()
    # Other non-empty values are codes too (a section's id: the folder's zone.toml declares
    # which; `choices` are then only the labels the built-in codes are shown and read by).
    open_choices: bool = False
    unit: str = ""  # a fixed unit for the whole column
    unit_column: str = ""  # or the column that holds each row's unit
    qualifier_column: str = ""  # the column that holds each row's qualifier for this figure
    suffixes: tuple[str, ...] = ()  # words a number may carry in a column with no unit (2019年)
    min_value: float | None = None
    example: str = ""
    doc: str = ""

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def choice(self, code: str) -> Choice | None:
        return next((c for c in self.choices if c.code == code), None)


@dataclass(frozen=True)
class Table:
    name: str  # the file's stem: indicators.csv / indicators.xlsx
    zh: str
    en: str
    section: str  # the tab that shows it
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # these columns together must be unique
    required: bool = False  # a data folder must have it
    doc: str = ""
    shown: bool = True  # the window shows it as a table (rules only drive checks and ratios)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


@dataclass(frozen=True)
class Section:
    """A tab: its id (the value of the tables' `section` column), its names, and the tables
    it shows besides its figures (a table with a `section` column: only this section's rows)."""

    code: str
    zh: str
    en: str
    tables: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@lru_cache(maxsize=64)
def with_sections(table: Table, sections: tuple[Section, ...]) -> Table:
    """`table` with its `section` column's codes labelled by the sections a folder declares
    (经济运行 for `economy`), for showing and exporting: the names read back as the ids in that
    folder. `table` itself when it has no such column."""
    if "section" not in table.keys or not sections:
        return table
    column = table.column("section")
    labels = {c.code: c for c in column.choices}
    labels.update({s.code: Choice(s.code, s.zh, s.en) for s in sections})
    relabelled = replace(column, choices=tuple(labels.values()))
    return replace(table, columns=tuple(relabelled if c.key == "section" else c
                                        for c in table.columns))
