"""What a loaded data folder is: its manifest, a frame per table, derived figures, problems."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the window imports this before pandas is loaded
    import pandas as pd

from .problems import Problem
from .schema import Section
from .schema import section as built_in_section


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
    sections: tuple[Section, ...] = ()  # zone.toml's [[sections]], in order; () when none
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
    # The tabs, in order: the declared sections (plus one per undeclared section value), or
    # those the data fills (core.sections.folder_sections).
    sections: tuple[Section, ...] = ()

    def section(self, code: str) -> Section:
        """Section `code` as this folder names it (a built-in or id-named one otherwise)."""
        return next((s for s in self.sections if s.code == code), None) or built_in_section(code)

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
        where = self._section_positions().get(section, ())
        if len(where) and where[-1] - where[0] + 1 == len(where):
            # The section's rows lie together (as an import writes them, table by table): a
            # slice, which copies nothing; 400,000 rows of fifteen columns take ~0.2 s to copy.
            rows = self.indicators.iloc[int(where[0]):int(where[-1]) + 1]
        else:
            rows = self.indicators.iloc[where] if len(where) else self.indicators.iloc[:0]
        if period is not None:
            rows = rows[rows["period"] == period]
        return rows

    def _section_positions(self) -> dict:
        """section -> the positions of its indicator rows, in order; worked out once per
        indicators frame (one pass over the column, not one per section shown)."""
        import numpy as np
        import pandas as pd

        cached = self.__dict__.get("_sections")
        if cached is not None and cached[0] is self.indicators:
            return cached[1]
        codes, names = pd.factorize(self.indicators["section"], sort=False)
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(names) + 1))
        positions = {names[i]: order[bounds[i]:bounds[i + 1]] for i in range(len(names))}
        self.__dict__["_sections"] = (self.indicators, positions)
        return positions
