"""By-year charts: a group of bars per year, a bar per indicator, derived years styled as such."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication

from zoneapp.ui.widgets.charts import Bar
from . import figures


def series_by_year(rows: pd.DataFrame, keys: list[str],
                   lang: str) -> tuple[list[str], dict[str, list[Bar]]]:
    """(years as text, {indicator name: a bar per year it has}) for `keys` among `rows`."""
    chosen = rows[rows["key"].isin(keys)]
    # Positions of each (key, year)'s first row and each key's last row, found on two columns:
    # filtering the whole frame per key and year copies every column each time.
    first: dict[tuple[str, int], int] = {}
    last: dict[str, int] = {}
    for position, (key, period) in enumerate(zip(chosen["key"], chosen["period"])):
        last[key] = position
        if not pd.isna(period):
            first.setdefault((key, int(period)), position)
    periods = sorted({period for _, period in first})
    series: dict[str, list[Bar]] = {}
    for key in keys:
        if key not in last:
            continue
        label = figures.name(chosen.iloc[last[key]], lang)
        series[label] = [
            figures.indicator_bar(chosen.iloc[first[key, period]], lang, label=str(period),
                                  series=label)
            for period in periods if (key, period) in first]
    return [str(p) for p in periods], series


def title(names: list[str], lang: str) -> str:
    """"收入、利润（按年份）" / "Revenue and profit by year"."""
    joined = "、".join(names) if lang == "zh" else " and ".join(names)
    return QCoreApplication.translate("Figures", "%1 by year").replace("%1", joined)


def add_by_year_charts(page, rows: pd.DataFrame | None, exclude: set[str] = frozenset()) -> set[str]:
    """On tab `page`, a by-year chart per unit for the figures not charted yet that have two or
    more years. Returns the keys charted."""
    if rows is None or rows.empty:
        return set()
    rest = rows[~rows["key"].isin(set(exclude))]
    years = rest.groupby("key")["period"].nunique()
    rest = rest[rest["key"].isin(years[years >= 2].index)]
    charted: set[str] = set()
    for unit, group in rest.groupby("unit", sort=False):
        keys = list(dict.fromkeys(group["key"]))
        categories, series = series_by_year(group, keys, page.lang)
        page.add_grouped_chart(f"by_year_{unit}", title(list(series), page.lang), categories,
                               series, figures.unit_axis_label(str(unit), page.lang))
        charted.update(keys)
    return charted
