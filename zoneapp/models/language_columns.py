"""Which of a table's Chinese and English twin columns (name_zh, name_en) the English view
shows, and in what order: the model's columns are ShownColumn objects with a `key`."""
from __future__ import annotations

import numpy as np
import pandas as pd


def twin(key: str) -> str | None:
    """name_zh <-> name_en; None for a key with no language suffix."""
    if key.endswith("_zh"):
        return key[:-3] + "_en"
    if key.endswith("_en"):
        return key[:-3] + "_zh"
    return None


def _filled(frame: pd.DataFrame, key: str, where: str) -> bool:
    """Whether `key` has text in every row where column `where` has."""
    def has_text(k: str) -> np.ndarray:
        return (frame[k].astype("string").str.strip().fillna("") != "").to_numpy(dtype=bool)

    return not (has_text(where) & ~has_text(key)).any()


def english_first(cols: list, frame: pd.DataFrame) -> list:
    """Each *_en column where its *_zh twin was; the twin after it, or dropped when the
    English column is filled wherever the Chinese one is."""
    by_key = {c.key: c for c in cols}
    out: list = []
    for col in cols:
        pair = by_key.get(twin(col.key) or "")
        if pair is None:
            out.append(col)
        elif col.key.endswith("_zh"):
            out.append(pair)
            if not _filled(frame, pair.key, col.key):
                out.append(col)
    return out
