"""What a table's list of indicator keys reads as: the indicators' names, in each language.

Programmes and measures list the indicators they relate to by key (`caiyuan_loans;
caiyuan_loan_firms`); a user reads their names (财园信贷通贷款、惠及企业). The loader adds the
names as hidden columns (`_indicator_names_zh`, `_indicator_names_en`) beside the keys, which
stay in the frame for lookups and for exports that must read back in.
"""
from __future__ import annotations

import pandas as pd

from zoneapp.core.schema import LIST_SEPARATOR

# A list column of indicator keys -> the prefix of the hidden columns holding their names.
NAMES_OF = {"indicator_keys": "_indicator_names"}
JOINERS = {"zh": "、", "en": ", "}
LANGS = ("zh", "en")


def names_column(key: str, lang: str) -> str | None:
    """The hidden column with the names for list column `key` in `lang`, if it has one."""
    prefix = NAMES_OF.get(key)
    return f"{prefix}_{lang}" if prefix else None


def indicator_names(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    """key -> the indicator's name in `lang` (the Chinese name where the English is blank)."""
    if indicators is None or "key" not in indicators.columns:
        return {}
    names: dict[str, str] = {}
    own = f"name_{lang}" if f"name_{lang}" in indicators.columns else "name_zh"
    # A key's first row names it: only those rows are looked at (a province's table has
    # millions of rows for a hundred keys).
    indicators = indicators[~indicators["key"].duplicated()]
    for key, name, name_zh in zip(indicators["key"], indicators.get(own, indicators["key"]),
                                  indicators.get("name_zh", indicators["key"])):
        if isinstance(key, str) and key not in names:
            text = name if isinstance(name, str) and name.strip() else name_zh
            names[key] = str(text) if isinstance(text, str) and text.strip() else key
    return names


def list_names(cell: object, names: dict[str, str], lang: str) -> str | None:
    """"a;b" -> "Name A、Name B" (", " in English); an unknown key is shown as it is."""
    if not isinstance(cell, str) or not cell.strip():
        return None
    keys = [k.strip() for k in cell.split(LIST_SEPARATOR) if k.strip()]
    return JOINERS[lang].join(names.get(k, k) for k in keys)


def add_list_names(tables: dict[str, pd.DataFrame], indicators: pd.DataFrame) -> None:
    """Give every table with a list of indicator keys its hidden name columns (in place)."""
    if not any(key in frame.columns for frame in tables.values() for key in NAMES_OF):
        return
    lookups = {lang: indicator_names(indicators, lang) for lang in LANGS}
    for frame in tables.values():
        for key in NAMES_OF:
            if key not in frame.columns:
                continue
            dtype = frame[key].dtype if pd.api.types.is_string_dtype(frame[key]) else object
            for lang in LANGS:
                shown = [list_names(cell, lookups[lang], lang) for cell in frame[key]]
                frame[names_column(key, lang)] = pd.array(shown, dtype=dtype)
