"""What FrameModel shows of a frame: which columns, in which order, and each cell's text.

The columns follow the schema Table (unit and qualifier columns merged into their value's
cell, internal codes left out; in English an *_en column before its *_zh twin); a cell reads
as the user reads it ("约2.99亿元", "+11.7%", an enum's label in the language, "" for missing).
Text sorts in reading order (`collate`). No model state: the language comes as an argument.
"""
from __future__ import annotations

import functools
from typing import Any

import pandas as pd
from PySide6.QtCore import QCollator, QLocale, Qt

from zoneapp.core import names, schema
from zoneapp.core.periods import period_detail_label
from zoneapp.core.schema import Column, Table
from zoneapp.core.textsafe import visible
from zoneapp.core.units import (export_unit_label, format_number, format_percent, format_value,
                                qualifier_label)

from .frame_columns import Labeller, ShownColumn, is_missing
from .language_columns import english_first

NUMERIC_KINDS = (schema.INT, schema.FLOAT)
LABELLED_KINDS = (schema.ENUM, schema.UNIT, schema.QUALIFIER, schema.PERIOD)
_Col = ShownColumn
# Internal codes a user need not read: kept in the frame (lookups, "Source…") and in exports
# (which must read back in), left out of the view. Table name -> column keys.
HIDDEN_FROM_VIEW = {"indicators": frozenset({"key"})}


def cell_text(value: Any) -> str:
    return "" if is_missing(value) else str(value)


def hidden_from_view(table: Table | None) -> frozenset[str]:
    return HIDDEN_FROM_VIEW.get(table.name, frozenset()) if table else frozenset()


def build_columns(frame: pd.DataFrame, table: Table | None, lang: str) -> list[_Col]:
    """The shown columns in schema order; in English an *_en column takes the place of
    its *_zh twin, which follows it, or is left out when the English one is filled."""
    if table is None:
        return [plain_column(key, frame[key]) for key in frame.columns]
    consumed = {k for c in table.columns for k in (c.unit_column, c.qualifier_column) if k}
    consumed |= hidden_from_view(table)
    cols = []
    for column in table.columns:
        key = column.key
        if key.startswith("_") or key in consumed or key not in frame.columns:
            continue
        numeric = column.kind in NUMERIC_KINDS
        shown = names.names_column(key, lang)  # a list of keys read as names
        series = frame[shown] if shown in frame.columns else frame[key]
        col = _Col.from_series(key, series, column, numeric, column.kind == schema.INT)
        if column.unit_column in frame.columns:
            col.units = frame[column.unit_column].array
        if column.qualifier_column in frame.columns:
            col.qualifiers = frame[column.qualifier_column].array
        cols.append(col)
    return english_first(cols, frame) if lang == "en" else cols


def plain_column(key: Any, series: pd.Series) -> _Col:
    numeric = pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
    integer = numeric and pd.api.types.is_integer_dtype(series)
    return _Col.from_series(str(key), series, None, numeric, integer)


def display(col: _Col, row: int, lang: str) -> str:
    """The shown text of the cell at frame position `row`."""
    value = col.values[row]
    if is_missing(value):
        return ""
    column = col.column
    if col.integer:
        return str(int(value))
    if col.numeric:
        return _format_figure(col, row, float(value), lang)
    if column is None:
        return visible(str(value))
    return visible(label(column, str(value), lang))  # a control character shows, not a box


def _format_figure(col: _Col, row: int, value: float, lang: str) -> str:
    column = col.column
    if col.units is not None:
        unit = _Col.cell_text(col.units, row)
        qualifier = _Col.cell_text(col.qualifiers, row)
        return format_value(value, unit, qualifier, lang)
    if column is not None and column.unit == "%":
        return format_percent(value, lang)
    return format_number(value, column.unit if column is not None else "", lang)


def label(column: Column, code: str, lang: str) -> str:
    """An enum code's label, a unit's or qualifier's name, a period's words, or the text."""
    if column.kind == schema.ENUM:
        choice = column.choice(code)
        return choice.zh if choice is not None and lang == "zh" else (
            choice.en if choice is not None else code)
    if column.kind == schema.UNIT:  # 个 has no English label: "count", as exports say
        return export_unit_label(code, lang)
    if column.kind == schema.QUALIFIER:
        return qualifier_label(code, lang)
    if column.kind == schema.PERIOD:  # 2025H1 -> 2025年上半年; exports keep the code
        return period_detail_label(code, lang)
    return code


def labeller(col: _Col, lang: str) -> Labeller | None:
    """How a stored code becomes shown text, for columns where the two differ."""
    column = col.column
    if column is None or column.kind not in LABELLED_KINDS:
        return None
    return lambda code: label(column, code, lang)


def collate(texts: list[str]) -> list[int]:
    """Positions of `texts` in reading order: Chinese in pinyin, Latin text alphabetically,
    case aside, in either UI language (ICU's zh_CN rules; an en_US collator would put
    Chinese in character-code order, so the sort would change with the language)."""
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return sorted(range(len(texts)),
                  key=functools.cmp_to_key(lambda a, b: collator.compare(texts[a], texts[b])))
