"""Which indicator rows are the zone's own yearly figures, and which break one down (#14).

Rows with an `entity` (a region, a park, an industry), a `period_detail` below the year, or a
`value_kind` of month or target are kept in the table and shown, but the checks and
derivations that pair figures by (key, year) -- rules, prior years from YoY -- use only the
zone's own yearly figures, so a region's revenue never stands in for the zone's.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .problems import WARNING, Problem
from .schema import MANIFEST_NAME

YEARLY_KINDS = ("", "year", "stock")


def zone_yearly(indicators: pd.DataFrame) -> pd.DataFrame:
    """The rows that are the zone's own figures for a whole year (or at its end)."""
    mask = None
    for column, allowed in (("entity", ("",)), ("period_detail", ("",)),
                            ("value_kind", YEARLY_KINDS)):
        if column not in indicators.columns:
            continue
        cells = indicators[column]
        # Short-cut: a column the file did not have is blank throughout (one compare, no copy).
        keep = cells.isin(allowed).to_numpy(dtype=bool) | cells.isna().to_numpy(dtype=bool)
        mask = keep if mask is None else mask & keep
    if mask is None or mask.all():
        return indicators
    return indicators[mask]


def is_aggregate(frame: pd.DataFrame) -> pd.Series:
    """True for rows marked as aggregates (全国, 合计): never ranked against their parts."""
    if "aggregate" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame["aggregate"].fillna("").eq("yes")


_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")


def plain_name(name: str) -> str:
    """江西省 -> 江西, so "江西" and "江西省" name one region."""
    name = name.strip()
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def names_own(cells: pd.Series, own: str) -> np.ndarray:
    """True where a cell names `own` (zone.toml's own_entity): case aside, 省/市 aside. Each
    distinct name is looked at once."""
    wanted = {own.strip().casefold(), plain_name(own).casefold()}
    codes, names = pd.factorize(cells.astype("string").fillna(""))
    hit = np.array([n.strip().casefold() in wanted or plain_name(n).casefold() in wanted
                    for n in names] + [False], dtype=bool)
    return hit[codes]


def own_entity_problems(own: str, indicators: pd.DataFrame | None) -> list[Problem]:
    """A warning when zone.toml's own_entity names no entity of the indicators (a typo would
    otherwise leave every ranking without its highlight, silently)."""
    if not own or indicators is None or "entity" not in indicators.columns:
        return []
    if any(names_own(indicators[c], own).any() for c in ("entity", "entity_en")
           if c in indicators.columns):
        return []
    return [Problem(MANIFEST_NAME, None, None,
                    f"own_entity “{own}”不是指标表中的任何对象（entity 或 entity_en 列），"
                    "排名中不会突出显示",
                    f"own_entity '{own}' is none of the indicators' entities (entity or "
                    "entity_en); no ranking can highlight it", "own_entity_unknown", WARNING)]
