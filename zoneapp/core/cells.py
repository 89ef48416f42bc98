"""A row's cell, read the one way every layer reads it: missing values (None, NaN, <NA>) as
None, text without the spaces at its ends."""
from __future__ import annotations

from typing import Any


def cell(row: Any, column: str) -> Any:
    """The value of `column` in `row` (a Series or dict), None when missing or absent."""
    import pandas as pd  # here: the window imports this before pandas is needed

    value = row.get(column) if hasattr(row, "get") else None
    try:
        if value is None or pd.isna(value):
            return None
    except (TypeError, ValueError):  # a list or array cell: not missing
        pass
    return value


def cell_text(row: Any, column: str) -> str:
    """The cell as text: '' when missing."""
    value = cell(row, column)
    return "" if value is None else str(value).strip()
