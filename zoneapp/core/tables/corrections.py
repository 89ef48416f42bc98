"""What the user corrected of what the finder recognised (in the window): the header rows, the
name column, each column's role, key, name, unit and value kind, and in a table whose rows are
indicators each row's key, name and unit or that it is not imported. Applied to a plan's
recipe, so the import writes them into the saved recipe and the next file of the shape uses
them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .headers import clean, column_letter, parse_header, unit_of
from .keys import make_key
from .recipe import Recipe, RecipeColumn, RecipeRow, link_growth
from .rows import indicator_names
from .shape import Measure, TableShape

ROLES = ("measure", "skip", "growth", "name_en", "year", "unit")
VALUE_KINDS = ("month", "ytd", "stock", "none")  # none: neither (a yearly or one-off figure)


@dataclass
class ColumnFix:
    """One column's corrections; an empty field keeps what was found."""

    # measure | skip | growth | name_en (the names' English twin) | year (the rows' years) |
    # unit (the rows' units)
    role: str = ""
    growth_of: int | None = None  # role growth: the column of the measure it belongs to
    key: str = ""
    name_zh: str = ""
    unit: str = ""
    value_kind: str = ""  # a measure's: month | ytd | stock | none


@dataclass
class RowFix:
    """One indicator row's corrections (a table whose rows are indicators)."""

    key: str = ""
    name_zh: str = ""
    unit: str = ""
    skip: bool | None = None  # True: not imported; False: imported again


@dataclass
class Corrections:
    """Rows and columns 0-based, as in the grid."""

    header_first: int | None = None
    header_last: int | None = None
    name_col: int | None = None
    columns: dict[int, ColumnFix] = field(default_factory=dict)
    rows: dict[str, RowFix] = field(default_factory=dict)  # by the row's name, as in the recipe

    @property
    def header(self) -> tuple[int | None, int] | None:
        """(first or None, last) for `find_tables`, None when the header was not corrected."""
        return None if self.header_last is None else (self.header_first, self.header_last)

    def __bool__(self) -> bool:
        return self.header_last is not None or self.name_col is not None or any(
            f.role or f.key or f.name_zh or f.unit or f.value_kind
            for f in self.columns.values()) or any(
            f.key or f.name_zh or f.unit or f.skip is not None for f in self.rows.values())

    def clear(self) -> None:
        self.header_first = self.header_last = self.name_col = None
        self.columns.clear()
        self.rows.clear()

    def column(self, col: int) -> ColumnFix:
        return self.columns.setdefault(col, ColumnFix())

    def row(self, name: str) -> RowFix:
        return self.rows.setdefault(name, RowFix())


def apply_columns(recipe: Recipe, shape: TableShape, fixes: dict[int, ColumnFix]) -> None:
    """`recipe` (of `shape`, the first table) with each column's corrections."""
    by_col = {c.col: c for c in recipe.columns}
    for col, fix in sorted(fixes.items()):
        if col == shape.name_col or not 0 <= col < len(shape.headers):
            continue
        column = by_col.get(col)
        if column is None:  # a column the finder left out (a text column, the year column)
            column = by_col[col] = RecipeColumn(col, shape.headers[col], "skip")
            recipe.columns.append(column)
        if fix.role in ROLES:
            _set_role(recipe, shape, column, fix)
        if column.role != "measure":
            continue
        column.key = fix.key.strip() or column.key
        column.name_zh = fix.name_zh.strip() or column.name_zh
        if fix.unit.strip() and fix.unit.strip() != column.unit:
            column.unit_read = column.unit_read or column.unit
            column.unit = fix.unit.strip()
        if fix.value_kind in VALUE_KINDS:
            column.value_kind = "" if fix.value_kind == "none" else fix.value_kind
    recipe.columns.sort(key=lambda c: c.col)
    link_growth(recipe.columns)


def _set_role(recipe: Recipe, shape: TableShape, column: RecipeColumn, fix: ColumnFix) -> None:
    if fix.role in ("name_en", "year", "unit"):  # one English twin, year and unit column
        for other in recipe.columns:
            if other.role == fix.role and other is not column:
                other.role = "skip"
    if fix.role == "measure" and column.role != "measure":
        head = shape.parsed[column.col] if column.col < len(shape.parsed) else None
        name = (head.name_zh or head.text) if head else column.header
        taken = {c.name_zh for c in recipe.columns if c.role == "measure" and c is not column}
        if name in taken:  # 营业收入增速 read as 营业收入: the header as written
            name = re.sub(r"[(（][^()（）]*[)）]", "", column.header.split(" / ")[0]).strip()
        if name in taken or not name:
            name = f"{name or column.header}（{column_letter(column.col)}）"
        column.name_zh = column.name_zh or name
        column.name_en = column.name_en or (head.name_en if head else "")
        column.key = column.key or make_key(column.name_zh, column.name_en)
        column.unit = column.unit or (head.unit if head else "")
        column.value_kind = head.value_kind if head else ""
        column.year = head.year if head else None
        column.growth_col = None
    if fix.role == "growth":
        owner = fix.growth_of
        column.growth_of = shape.headers[owner] if owner is not None and \
            0 <= owner < len(shape.headers) else ""
    column.role = fix.role


def sync_shape(shape: TableShape, mapping: Recipe) -> None:
    """`shape`'s measures, growth columns, English twin, year and unit columns and skipped
    columns as `mapping` says (what the import reads, the preview marks and the summary
    lists, after a correction or a saved choice)."""
    roles = {c.col: c for c in mapping.columns}
    found = {m.col: m for m in shape.measures}
    measures = []
    for c in mapping.columns:
        if c.role != "measure" or c.col >= len(shape.headers):
            continue
        m = found.get(c.col) or Measure(c.col, shape.parsed[c.col], c.name_zh, c.name_en, c.unit,
                                        c.value_kind, c.year, share=c.share)
        m.growth_col, m.value_kind = c.growth_col, c.value_kind
        measures.append(m)
    shape.measures = measures
    shape.growth_cols = [c.col for c in mapping.columns if c.role == "growth"]
    for attr, role in (("name_en_col", "name_en"), ("period_col", "year"), ("unit_col", "unit")):
        chosen = [c.col for c in mapping.columns if c.role == role]
        if chosen:
            setattr(shape, attr, chosen[0])
        elif getattr(shape, attr) in roles:  # corrected to another role
            setattr(shape, attr, None)
    kept = [(c, why) for c, why in shape.skipped_cols if c not in roles or roles[c].role == "skip"]
    listed = {c for c, _ in kept}
    shape.skipped_cols = sorted(kept + [(c.col, "不导入") for c in mapping.columns
                                        if c.role == "skip" and c.col not in listed])


def row_units(shape: TableShape, frame) -> dict[str, str]:
    """The unit the table writes for each indicator row (in its name or a unit column), by
    the row's name as the recipe keys it; "" where the table says none for the row."""
    if shape.rows_are != "measure" or shape.name_col is None:
        return {}
    data = frame.iloc[shape.data_start:shape.data_stop]
    names = indicator_names(data[shape.name_col].tolist())
    written = data[shape.unit_col].tolist() if shape.unit_col is not None else [""] * len(names)
    found: dict[str, str] = {}
    for name, cell in zip(names, written):
        if name and name not in found:
            text = clean(cell)
            found[name] = parse_header([name]).unit or unit_of(text) or text
    return found


def apply_rows(recipe: Recipe, fixes: dict[str, RowFix], units: dict[str, str]) -> None:
    """`recipe`'s indicator rows with the user's corrections; `units`: what the table writes
    for each row (`row_units`), kept beside a corrected unit so the next report's same unit
    is taken as that correction again, never converted."""
    if recipe.rows_are != "measure":
        return
    for name, fix in fixes.items():
        row = recipe.rows.get(name)
        if row is None:  # a row the recipe does not know yet
            head = parse_header([name])
            row = recipe.rows[name] = RecipeRow(make_key(head.name_zh or name, head.name_en),
                                                head.name_zh or name, head.name_en, head.unit)
        row.key = fix.key.strip() or row.key
        row.name_zh = fix.name_zh.strip() or row.name_zh
        unit = fix.unit.strip()
        if unit and unit != row.unit:
            row.unit_read = row.unit_read or units.get(name, "") or row.unit
            row.unit = unit
        if fix.skip is not None:
            row.skip = fix.skip


def indicator_rows(shape: TableShape, cells: list[list]) -> list[tuple[int, str]]:
    """(0-based sheet row, name as the recipe keys it) of each indicator row of `shape`, in
    the sheet's order, each name once; `cells` the grid's rows. Empty when rows are entities."""
    if shape.rows_are != "measure" or shape.name_col is None:
        return []
    at = range(shape.data_start, min(shape.data_stop, len(cells)))
    names = indicator_names([cells[r][shape.name_col] if shape.name_col < len(cells[r]) else ""
                             for r in at])
    seen: dict[str, int] = {}
    for r, name in zip(at, names):
        if name and name not in seen:
            seen[name] = r
    return [(r, name) for name, r in seen.items()]
