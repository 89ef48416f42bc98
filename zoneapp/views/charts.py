"""Charts of indicator figures: each rule's breakdown, figures sharing a unit, by year."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from zoneapp.core.phrases import english_subject
from zoneapp.views import figures
from zoneapp.views.model import Bar, ChartView
from zoneapp.views.time_axis import year_axis
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
    """A chart per rule that has a whole and two or more of its parts among `rows`: the whole,
    then its parts, with the rule's note (three bands read as non-overlapping, say).

    Only such bars are comparable: a lone part beside its whole, or parts of different rules
    on one axis (25 projects, 10 new, 15 continuing, 3 in a programme, 23 over 100M yuan),
    would read as a breakdown they are not; those figures are KPI cards. Rules whose keys are
    all in `skip` are left out.
    """
    latest = figures.latest_by_key(rows)
    if latest is None or latest.empty:
        return []
    by_key = {row["key"]: row for _, row in latest.iterrows()}
    charts: list[ChartView] = []
    for _, rule in rules(dataset).iterrows():
        whole = rule["whole_key"]
        parts = [p for p in split_list(rule["part_keys"]) if p in by_key]
        if whole not in by_key or len(parts) < 2 or {whole, *parts} <= set(skip):
            continue
        unit = figures.text(by_key[whole], "unit")
        title = say("%1: breakdown" if rule["kind"] == "sum" else "%1: of which", lang,
                    figures.name(by_key[whole], lang))
        key = f"split_{whole}"
        if any(c.key == key for c in charts):
            key = f"{key}_{len(charts)}"
        chart = figures_chart(key, title, rows, [whole] + parts, lang,
                              figures.unit_axis_label(unit, lang))
        if chart is not None:
            chart.note = in_language(figures.text(rule, "note"), lang)
            chart.part_keys = parts
            charts.append(chart)
    return charts


def in_language(text: str, lang: str) -> str:
    """A note written in both languages, Chinese first ("三档互不重叠。The bands …"): the
    part in `lang` (the whole text when it is in one language only). The English part is what
    follows the last Chinese character, so quotes inside the Chinese (均为“超过”数) stay in it."""
    last = None
    for last in re.finditer(r"[\u3000-\u9fff\uff00-\uffef]", text):
        pass
    if last is None:
        return text
    closing = re.match(r"[”’」』)）]*", text[last.end():])  # closes the Chinese part
    split = last.end() + closing.end()
    chinese, english = text[:split].strip(), text[split:].strip()
    if not re.search(r"[A-Za-z]", english):
        return text
    return chinese if lang == "zh" else english


def series_by_year(rows: pd.DataFrame, keys: list[str], lang: str,
                   among: np.ndarray | None = None) -> tuple[list[str], dict[str, list[Bar]]]:
    """(years as text, {indicator name: a bar per year it has}) for `keys` among `rows` (or
    among the rows at positions `among` only)."""
    # Positions of each (key, year)'s first row and each key's last row, found in numpy on
    # two columns; only the rows drawn are taken from the frame. Filtering the frame copies
    # every column, and a loop in Python over a province's 400,000 rows takes a second.
    key_column = rows["key"] if among is None else rows["key"].iloc[among]
    where = np.flatnonzero(key_column.isin(keys).to_numpy())
    if among is not None:
        where = among[where]
    codes, names = pd.factorize(rows["key"].iloc[where], sort=False)
    years = rows["period"].iloc[where].to_numpy(dtype=float, na_value=np.nan)
    dated = np.flatnonzero(~np.isnan(years))
    pairs = pd.Series(codes[dated].astype(np.int64) * 100_000 + years[dated].astype(np.int64))
    firsts = dated[~pairs.duplicated().to_numpy()]
    first = {(names[codes[i]], int(years[i])): int(where[i]) for i in firsts}
    lasts = np.flatnonzero(~pd.Series(codes).duplicated(keep="last").to_numpy())
    last = {names[codes[i]]: int(where[i]) for i in lasts}
    periods = sorted({period for _, period in first})
    # The rows drawn, taken at once and as plain objects: a row at a time from a frame of
    # arrow columns costs a millisecond each, and a chart can have hundreds of bars.
    wanted = sorted(set(first.values()) | set(last.values()))
    picked = rows.iloc[wanted].astype(object)
    row = dict(zip(wanted, (picked.iloc[i] for i in range(len(wanted)))))
    series: dict[str, list[Bar]] = {}
    for key in keys:
        if key not in last:
            continue
        label = figures.name(row[last[key]], lang)
        series[label] = [
            figures.indicator_bar(row[first[key, period]], lang, label=str(period),
                                  series=label)
            for period in periods if (key, period) in first]
    return [str(p) for p in periods], series


def by_year_title(names: list[str], lang: str) -> str:
    """"收入、利润(按年份)" / "Revenue and profit by year"."""
    if lang == "zh":
        joined = "、".join(names)
    else:  # a name after the first starts in lower case, as mid-sentence ("… and profit")
        joined = " and ".join(names[:1] + [english_subject(n) for n in names[1:]])
    return say("%1 by year", lang, joined)


def by_year_charts(rows: pd.DataFrame | None, lang: str,
                   exclude: set[str] = frozenset()) -> list[ChartView]:
    """A by-year chart per unit for the figures not charted yet that have two or more years."""
    if rows is None or rows.empty:
        return []
    # Worked out on three columns and row positions: the rows themselves are not copied.
    small = rows[["key", "period", "unit"]].reset_index(drop=True)
    small = small[~small["key"].isin(set(exclude))]
    years = small.groupby("key")["period"].nunique()
    small = small[small["key"].isin(years[years >= 2].index)]
    charts = []
    for unit, group in small.groupby("unit", sort=False):
        keys = list(pd.unique(group["key"]))
        categories, series = series_by_year(rows, keys, lang, among=group.index.to_numpy())
        if categories and any(series.values()):
            charts.append(ChartView(f"by_year_{unit}", by_year_title(list(series), lang),
                                    categories=categories, series=series,
                                    value_axis_label=figures.unit_axis_label(str(unit), lang),
                                    **year_axis(categories)))
    return charts


def charted_keys(charts: list[ChartView]) -> set[str]:
    """The indicator keys the charts show (their bars' rows)."""
    return {figures.text(bar.ref, "key") for chart in charts for bar in chart.all_bars()
            if bar.ref is not None}


def figure_charts(dataset, rows: pd.DataFrame, lang: str,
                  skip: set[str] = frozenset()) -> list[ChartView]:
    """The section's figures as charts: each rule's whole with its parts, then figures over
    several years. Keys in `skip` are charted elsewhere. Figures that are neither are not
    charted: different figures that share a unit are not comparable bars."""
    charts = split_charts(dataset, rows, lang, skip=skip)
    return charts + by_year_charts(rows, lang, exclude=charted_keys(charts) | set(skip))


def part_keys(charts: list[ChartView]) -> set[str]:
    """The keys drawn as parts of a whole: their KPI card would repeat the chart."""
    return {key for chart in charts for key in chart.part_keys}
