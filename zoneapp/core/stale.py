"""A reload keeps what it cannot read: a table whose new file fails as a whole keeps its last
good frame, flagged stale with the file and the reason, instead of vanishing from the screen."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .problems import WARNING, Problem

if TYPE_CHECKING:
    import pandas as pd

    from .dataset import Dataset
    from .schema import Table


def carry_over(table: Table, previous: Dataset | None, problems: list[Problem],
               file_present: bool) -> tuple[pd.DataFrame | None, Problem | None]:
    """The previous frame of `table` and why it is stale, when the new load of it failed as a
    whole; (None, None) when there is nothing to keep (no earlier frame, or the file was
    removed on purpose -- a required table's removal keeps the old one too)."""
    if previous is None or table.name not in previous.tables:
        return None, None
    if not file_present and not table.required:
        return None, None
    old = previous.tables[table.name]
    old_file = str(old.attrs.get("file", f"{table.name}.csv"))
    errors = [p for p in problems if p.is_error and p.file == old_file]
    cause = next((p for p in errors if p.row is None), errors[0] if errors else None)
    if cause is None:
        cause = next((p for p in problems if p.is_error and p.file.startswith(table.name)), None)
    reason_zh = cause.message_zh if cause else "文件无法读取"
    reason_en = cause.message_en if cause else "the file cannot be read"
    stale = Problem(
        old_file, None, None,
        f"无法读取（{reason_zh}），仍显示上次读取的数据（旧数据）",
        f"cannot be read ({reason_en}); still showing the data last read from it (stale)",
        "stale", WARNING)
    return old, stale


def stale_mark(lang: str) -> str:
    """What a stale table's title carries."""
    return "（旧数据）" if lang == "zh" else " (stale)"


def stale_status(dataset: Dataset, lang: str) -> str:
    """One status-bar line naming each stale file and why it could not be read ("" if none)."""
    return "；".join(p.format(lang) for p in dataset.stale.values()) if lang == "zh" \
        else "; ".join(p.format(lang) for p in dataset.stale.values())
