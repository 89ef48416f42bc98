"""Selected cells -> tab-separated text with a header row, as Excel and WPS paste it.

The selection is read as ranges (Ctrl+A over a million rows is one range, not a million
indexes). Text cells that a spreadsheet would take as a formula get the same apostrophe the
CSV export adds; figures are copied as shown. Tabs and line breaks inside a cell become spaces
so the pasted block keeps its shape.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelection

from zoneapp.core.io.formula import neutralise
from zoneapp.models.frame_model import FrameModel

MAX_COPY_CELLS = 1_000_000  # beyond this the user is pointed to Export instead


class TooManyCells(ValueError):
    """The selection is too large to copy through the clipboard."""

    def __init__(self, cells: int):
        super().__init__(cells)
        self.cells = cells


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def selection_block(selection: QItemSelection) -> tuple[list[int], list[int], list[tuple]]:
    """Rows and columns of the selection's bounding block, and its ranges."""
    ranges = [(r.top(), r.bottom(), r.left(), r.right()) for r in selection]
    rows = sorted({row for top, bottom, _, _ in ranges for row in range(top, bottom + 1)})
    cols = sorted({col for _, _, left, right in ranges for col in range(left, right + 1)})
    return rows, cols, ranges


def selection_tsv(model: FrameModel, selection: QItemSelection) -> str:
    """The selected cells of `model` as TSV: header labels, then one line per selected row."""
    ranges = [(r.top(), r.bottom(), r.left(), r.right()) for r in selection]
    if not ranges:
        return ""
    cells = sum((b - t + 1) * (r - left + 1) for t, b, left, r in ranges)
    if cells > MAX_COPY_CELLS:
        raise TooManyCells(cells)
    rows, cols, ranges = selection_block(selection)
    text_cols = {c for c in cols if not model.is_numeric_column(c)}
    lines = ["\t".join(neutralise(_clean(model.header_label(c))) for c in cols)]
    single = len(ranges) == 1
    for row in rows:
        cells_out = []
        for col in cols:
            if not single and not any(t <= row <= b and left <= col <= r
                                      for t, b, left, r in ranges):
                cells_out.append("")
                continue
            text = _clean(model.display_text(row, col))
            cells_out.append(neutralise(text) if col in text_cols else text)
        lines.append("\t".join(cells_out))
    return "\n".join(lines)
