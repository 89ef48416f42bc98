"""Which indicator rows are the zone's own yearly figures, and which break one down (#14).

Rows with an `entity` (a region, a park, an industry), a `period_detail` below the year, or a
`value_kind` of month or target are kept in the table and shown, but the checks and
derivations that pair figures by (key, year) -- rules, prior years from YoY -- use only the
zone's own yearly figures, so a region's revenue never stands in for the zone's.
"""
from __future__ import annotations

import pandas as pd

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
