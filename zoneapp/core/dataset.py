"""What a loaded data folder is: its manifest, a frame per table, derived figures, problems."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the window imports this before pandas is loaded
    import pandas as pd

from .problems import Problem


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publication: str = ""
    author: str = ""
    date: str = ""
    file: str = ""  # a copy of the document inside the data folder, if any
    note: str = ""


@dataclass(frozen=True)
class Manifest:
    name_zh: str
    name_en: str
    periods: tuple[int, ...]
    sources: tuple[Source, ...] = ()
    short_name_zh: str = ""
    short_name_en: str = ""
    description_zh: str = ""
    description_en: str = ""
    # [zone] own_entity: the entity (region, park, industry) the user works for, as the
    # indicators' `entity` or `entity_en` writes it; highlighted and ranked in breakdowns.
    own_entity: str = ""

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else (self.name_en or self.name_zh)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def period_label(self) -> str:
        if not self.periods:
            return ""
        lo, hi = min(self.periods), max(self.periods)
        return str(lo) if lo == hi else f"{lo}–{hi}"


@dataclass
class Dataset:
    folder: Path
    manifest: Manifest
    # One frame per table that loaded (possibly with bad rows left out), keyed by table name.
    # Columns are the schema's keys, in schema order; enum cells hold codes.
    tables: dict[str, pd.DataFrame]
    # The indicators table plus the figures the data layer derived, with `basis` = derived
    # and `derivation_zh` / `derivation_en` saying how each was computed.
    indicators: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    # Tables a reload could not read and that still hold the previous load's frame:
    # table name -> the problem naming the file and the reason (see core.stale).
    stale: dict[str, Problem] = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame | None:
        return self.tables.get(name)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def indicator(self, key: str, period: int | None = None) -> pd.Series | None:
        """One indicator row (reported or derived), latest period by default."""
        rows = self.indicators[self.indicators["key"] == key]
        if period is not None:
            rows = rows[rows["period"] == period]
        if rows.empty:
            return None
        return rows.sort_values("period").iloc[-1]

    def section_indicators(self, section: str, period: int | None = None) -> pd.DataFrame:
        rows = self.indicators[self.indicators["section"] == section]
        if period is not None:
            rows = rows[rows["period"] == period]
        return rows
