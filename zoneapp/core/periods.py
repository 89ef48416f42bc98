"""Which periods a data set reports: what the period selector offers."""
from __future__ import annotations

from .dataset import Dataset


def reported_periods(dataset: Dataset) -> list[int]:
    """The manifest's periods plus every period a reported figure belongs to, ascending.

    Years that only derived figures fill (2018 from a 2019 YoY change) and years that only
    plans or goals name (2020) are left out.
    """
    import pandas as pd  # here, not at module level: the window paints before pandas loads

    found: set[int] = {int(p) for p in dataset.manifest.periods}
    frames = []
    indicators = dataset.indicators
    if indicators is not None and len(indicators) and "basis" in indicators.columns:
        frames.append(indicators[indicators["basis"] != "derived"])
    for frame in frames:
        if "period" in frame.columns:
            values = pd.to_numeric(frame["period"], errors="coerce").dropna()
            found.update(int(v) for v in values.unique())
    return sorted(found)
