"""A problem found in a data folder: where it is (file, row, column) and what is wrong."""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    file: str  # the file's name inside the data folder, as the user sees it
    row: int | None  # the row as a spreadsheet counts it: the header is row 1
    column: str | None  # the column's header as written in the file
    message_zh: str
    message_en: str
    code: str = "invalid"  # a short id for tests and filtering: missing_column, bad_number, ...
    severity: str = ERROR

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def location(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        return where

    def format(self, lang: str = "zh") -> str:
        """`file:row: column: message`, the form the command line prints: one line, whatever
        line breaks a quoted cell or header holds (shown as ⏎)."""
        parts = [self.location()]
        if self.column:
            parts.append(self.column)
        parts.append(self.message(lang))
        return _one_line(": ".join(parts))

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def _one_line(text: str) -> str:
    """`text` on one line: its line breaks shown as ⏎."""
    return "⏎".join(text.splitlines()) if "\n" in text or "\r" in text else text


class LoadError(Exception):
    """The folder cannot be opened at all (not a folder, no manifest and no tables)."""

    def __init__(self, message_zh: str, message_en: str):
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en


class LoadCancelled(Exception):
    """`load_dataset` was asked to stop (its `should_cancel` said so) before it finished."""
