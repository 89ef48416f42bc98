"""Charts of indicator figures: each rule's breakdown, figures sharing a unit, by year."""
from __future__ import annotations

import pandas as pd

from zoneapp.views import figures
from zoneapp.views.model import Bar, ChartView
from zoneapp.views.words import say


def split_list(value) -> list[str]:
    """A cell of keys separated by ';' -> the keys."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    return [p.strip() for p in str(value).split(";") if p.strip()]


def rules(dataset, kinds: tuple[str, ...] = ("sum", "within")) -> pd.DataFrame:
    frame = dataset.table("rules")
    if frame is None or frame.empty:
        return pd.DataFrame(columns=["rule_id", "kind", "whole_key", "part_keys"])
    return frame[frame["kind"].isin(kinds)]


def standalone_rows(dataset, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows whose key is not a part of any rule: what a KPI card should show."""
    parts: set[str] = set()
    for part_keys in rules(dataset)["part_keys"]:
        parts.update(split_list(part_keys))
    return rows[~rows["key"].isin(parts)] if rows is not None and not rows.empty else rows


def figures_chart(key: str, title: str, rows: pd.DataFrame, keys: list[str], lang: str,
                  value_axis_label: str = "") -> ChartView | None:
    """Horizontal bars of `keys`: the latest figures, or a bar per period when several."""
    chosen = rows[rows["key"].isin(keys)]
    periods = sorted(int(p) for p in chosen["period"].dropna().unique())
    latest = {row["key"]: row for _, row in figures.latest_by_key(chosen).iterrows()}
    keys = [k for k in keys if k in latest]
    if not keys:
        return None
    if len(periods) <= 1:
        bars = [figures.indicator_bar(latest[k], lang) for k in keys]
        return ChartView(key, title, bars=bars, horizontal=True,
                         value_axis_label=value_axis_label)
    names = [figures.name(latest[k], lang) for k in keys]
    series: dict[str, list[Bar]] = {}
    for period in periods:
        at = chosen[chosen["period"] == period]
        series[str(period)] = [
            figures.indicator_bar(at[at["key"] == k].iloc[0], lang, label=label,
                                  series=str(period))
            for k, label in zip(keys, names) if (at["key"] == k).any()]
    return ChartView(key, title, categories=names, series=series, horizontal=True,
                     value_axis_label=value_axis_label)


def split_charts(dataset, rows: pd.DataFrame, lang: str,
                 skip: set[str] = frozenset()) -> list[ChartView]:
    """A chart per whole-and-parts rule among `rows`: the whole, then its parts.

    A rule with one part joins the chart of another rule on the same whole, if any.
    Rules whose keys are all in `skip` are left out.
    """
    latest = figures.latest_by_key(rows)
    if latest is None or latest.empty:
        return []
    by_key = {row["key"]: row for _, row in latest.iterrows()}
    groups: list[tuple[str, list[str]]] = []
    singles: list[tuple[str, str]] = []
    for _, rule in rules(dataset).iterrows():
        whole = rule["whole_key"]
        parts = [p for p in split_list(rule["part_keys"]) if p in by_key]
        if whole not in by_key or not parts or {whole, *parts} <= set(skip):
            continue
        if len(parts) >= 2 or rule["kind"] == "sum":
            groups.append((whole, parts))
        else:
            singles.append((whole, parts[0]))
    for whole, part in singles:
        target = next((g for g in groups if g[0] == whole), None)
        if target is None:
            groups.append((whole, [part]))
        elif part not in target[1]:
            target[1].append(part)
    charts: list[ChartView] = []
    for index, (whole, parts) in enumerate(groups):
        unit = figures.text(by_key[whole], "unit")
        key = f"split_{whole}"
        if any(c.key == key for c in charts):
            key = f"{key}_{index}"
        chart = figures_chart(key, say("%1: breakdown", lang, figures.name(by_key[whole], lang)),
                              rows, [whole] + parts, lang, figures.unit_axis_label(unit, lang))
        if chart is not None:
            charts.append(chart)
    return charts


def unit_charts(rows: pd.DataFrame, lang: str,
                exclude: set[str] = frozenset()) -> list[ChartView]:
    """A chart per unit for the latest figures not charted yet; a lone figure of its unit is
    a KPI card, not a chart."""
    latest = figures.latest_by_key(rows)
    if latest is None or latest.empty:
        return []
    latest = latest[~latest["key"].isin(set(exclude))]
    charts: list[ChartView] = []
    for unit, group in sorted(latest.groupby("unit", sort=False), key=lambda g: -len(g[1])):
        if len(group) < 2:
            continue
        title = figures.names_title([figures.name(r, lang) for _, r in group.iterrows()], lang)
        chart = figures_chart(f"unit_{unit}", title, rows, list(group["key"]), lang,
                              figures.unit_axis_label(unit, lang))
        if chart is not None:
            charts.append(chart)
    return charts


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


def by_year_title(names: list[str], lang: str) -> str:
    """"收入、利润(按年份)" / "Revenue and profit by year"."""
    joined = "、".join(names) if lang == "zh" else " and ".join(names)
    return say("%1 by year", lang, joined)


def by_year_charts(rows: pd.DataFrame | None, lang: str,
                   exclude: set[str] = frozenset()) -> list[ChartView]:
    """A by-year chart per unit for the figures not charted yet that have two or more years."""
    if rows is None or rows.empty:
        return []
    rest = rows[~rows["key"].isin(set(exclude))]
    years = rest.groupby("key")["period"].nunique()
    rest = rest[rest["key"].isin(years[years >= 2].index)]
    charts = []
    for unit, group in rest.groupby("unit", sort=False):
        categories, series = series_by_year(group, list(dict.fromkeys(group["key"])), lang)
        if categories and any(series.values()):
            charts.append(ChartView(f"by_year_{unit}", by_year_title(list(series), lang),
                                    categories=categories, series=series,
                                    value_axis_label=figures.unit_axis_label(str(unit), lang)))
    return charts


def charted_keys(charts: list[ChartView]) -> set[str]:
    """The indicator keys the charts show (their bars' rows)."""
    return {figures.text(bar.ref, "key") for chart in charts for bar in chart.all_bars()
            if bar.ref is not None}


def figure_charts(dataset, rows: pd.DataFrame, lang: str,
                  skip: set[str] = frozenset()) -> list[ChartView]:
    """The section's figures as charts: each rule's breakdown, figures that share a unit,
    and figures over several years. Keys in `skip` are charted elsewhere."""
    charts = split_charts(dataset, rows, lang, skip=skip)
    charts += unit_charts(rows, lang, exclude=charted_keys(charts) | set(skip))
    return charts + by_year_charts(rows, lang, exclude=charted_keys(charts) | set(skip))
