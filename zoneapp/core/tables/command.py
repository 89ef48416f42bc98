"""`import FILE --into DIR`: read, recognise, map (with a saved recipe when one fits), merge,
and say what was understood -- the steps the command line and the window share."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from zoneapp.core.periods import PeriodSpan, parse_period_detail
from zoneapp.core.schema import SECTION_CODES
from . import folder as folder_io
from . import recipe as recipes
from .corrections import Corrections, apply_columns, apply_rows, row_units, sync_shape
from .grid import Grid, ImportFailed, read_grid
from .keys import make_key
from .place import zone_name
from .reshape import Reshaped, reshape
from .shape import TableShape, find_tables


@dataclass
class Planned:
    shape: TableShape
    span: PeriodSpan | None
    source_id: str
    result: Reshaped


@dataclass
class Plan:
    file: str
    folder: Path
    grid: Grid
    tables: list[Planned]
    recipe: recipes.Recipe
    recipe_name: str
    recipe_status: str  # new | same | changed
    changes: list[tuple[str, str]] = field(default_factory=list)
    existing: folder_io.Existing | None = None
    merged: folder_io.Merged | None = None
    manifest: bytes = b""
    unknown_units: list[str] = field(default_factory=list)
    rows: pd.DataFrame | None = None  # every row the import adds, as it will be written

    @property
    def asks(self) -> bool:
        """Whether to ask before writing: a table kind not seen before, or one that changed."""
        return self.recipe_status != "same"


def _recipe_name(path: Path) -> str:
    # 工业月报2024-03 names its month after the year: both go, so every month shares a recipe.
    stem = re.sub(r"(19|20)\d\d(年|\s*[-_.]\s*\d{1,2}(?!\d)(月)?)?|\d{1,2}\s*[-－—–~～至]\s*\d{1,2}\s*月|\d{1,2}月", "", path.stem)
    # 功能区2024Q1, 2024年上半年功能区: a quarter or half names the period, not the table.
    stem = re.sub(r"(?<![A-Za-z])[QqHh][1-4](?!\d)|(第?[一二三四]|前三)季度|[上下]半年", "", stem)
    stem = re.sub(r"[\s()（）\[\]]+", "_", stem).strip("_-. ")
    return stem or "table"


def plan_import(path: Path, into: Path, *, sheet: str | None = None, table: int | None = None,
                period: str | None = None, section: str | None = None,
                unit: str | None = None, corrections: Corrections | None = None,
                grid: Grid | None = None, frame: pd.DataFrame | None = None,
                next_sheet: bool = False) -> Plan:
    """Everything the import would do, nothing written yet. Raises ImportFailed.

    `corrections`: the user's (the window's), saved into the recipe. `grid` and `frame`: the
    sheet already read (the window plans again on each change without reading it again).
    `next_sheet`: with no `sheet`, pass over leading sheets that hold no table (the command
    line; the window shows its sheet list instead)."""
    file = path.name
    fixes = corrections or Corrections()
    found = None  # the tables as found, when no correction changes where they are
    if grid is None and fixes.header is None and fixes.name_col is None:
        grid, frame, found = _read_tables(path, sheet, next_sheet)
    elif grid is None:
        grid = read_grid(path, sheet)
    if frame is None:
        frame = pd.DataFrame(grid.rows)
    shapes, fresh, match = _layout(path, into, grid, frame, fixes, found)
    if table is not None:
        if not 1 <= table <= len(shapes):
            raise ImportFailed(file, f"工作表中只有 {len(shapes)} 张表", f"the sheet holds only "
                               f"{len(shapes)} table(s)")
        shapes = [shapes[table - 1]]
    given = _given_period(period, file) if period else None
    first = shapes[0]
    if table not in (None, 1):  # another table chosen: its own recipe
        fresh = recipes.from_shape(first, fresh.name, recipes.row_names(first, frame))
        match = recipes.best_match(into, fresh) if into.is_dir() else None
    status, found_changes, recipe, name = "new", [], fresh, fresh.name
    if match is not None:
        saved_path, saved, _ = match
        found_changes = recipes.changes(saved, fresh)
        status = "changed" if found_changes else "same"
        recipe, name = recipes.apply(saved, fresh), saved_path.stem
    if section:
        if section not in SECTION_CODES:
            raise ImportFailed(file, f"没有板块“{section}”：{'、'.join(SECTION_CODES)}",
                               f"no section '{section}': {', '.join(SECTION_CODES)}")
        recipe.section = section
    _correct(recipe, first, fixes)
    sync_shape(first, recipe)  # a unit column chosen: the rows' units are read from it
    if fixes.rows:  # an indicator row's key, name, unit, or not imported
        apply_rows(recipe, fixes.rows, row_units(first, frame))
    if fixes and status == "same":  # the saved recipe is rewritten with the corrections
        status, found_changes = "changed", [("按您的更正更新配方", "updated with your corrections")]
    planned = []
    for shape in shapes:
        span = given or shape.period
        mapping = recipe if shape is first else recipes.apply(recipe, recipes.from_shape(
            shape, name, recipes.row_names(shape, frame)))
        for column in mapping.columns:  # the column numbers of this table, the choices saved
            column.col = _col_of(shape, column.header, column.col)
        sync_shape(shape, mapping)
        source = f"{name}-{span.code() or span.year}" if span else name
        try:
            result = reshape(shape, frame, mapping, source, span)
        except ImportFailed as err:
            raise ImportFailed(file, err.zh, err.en, shape.header_rows[0] + 1,
                               err.option, err.window) from None
        _fill_row_keys(recipe, result)
        planned.append(Planned(shape, span, source, result))
    plan = Plan(file, into, grid, planned, recipe, name, status, found_changes)
    _merge(plan, unit)
    return plan


def _layout(path: Path, into: Path, grid: Grid, frame: pd.DataFrame, fixes: Corrections,
            found_shapes: list[TableShape] | None = None
            ) -> tuple[list[TableShape], recipes.Recipe, tuple | None]:
    """The tables, the first one's fresh recipe and the saved recipe it matches: as found
    (`found_shapes`, when already found), or with the header rows and name column the user or
    a saved recipe corrected."""
    found = recipes.saved(into) if into.is_dir() else []
    name = _recipe_name(path)

    def find(header, name_col):
        if header is None and name_col is None and found_shapes is not None:
            shapes = found_shapes
        else:
            shapes = find_tables(grid, frame, header, name_col)
        return shapes, recipes.from_shape(shapes[0], name, recipes.row_names(shapes[0], frame))

    header = fixes.header
    shapes, fresh = find(header, fixes.name_col)
    match = recipes.best_match(into, fresh, found)
    if header is None:  # a saved recipe's corrected header rows, where they fit better
        for saved_path, saved in found:
            if not saved.header_rows or match is not None and match[2] >= 1:
                continue
            rows = (saved.header_rows[0] - 1, saved.header_rows[-1] - 1)
            try:
                other, other_fresh = find(rows, fixes.name_col)
            except ImportFailed:
                continue
            alike = recipes.score(saved, other_fresh)
            if alike >= 0.5 and (match is None or alike > match[2]):
                shapes, fresh, match, header = other, other_fresh, (saved_path, saved, alike), rows
    if match is not None and match[1].name_column_fixed and fixes.name_col is None:
        col = next((c for c, p in enumerate(shapes[0].parsed)
                    if (p.name_zh or p.text) == match[1].name_column), None)
        if col is not None and col != shapes[0].name_col:
            shapes, fresh = find(header, col)
    return shapes, fresh, match


def _correct(recipe: recipes.Recipe, first: TableShape, fixes: Corrections) -> None:
    """The user's corrections into the recipe (saved with it)."""
    apply_columns(recipe, first, fixes.columns)
    if fixes.header is not None:
        recipe.header_rows = [r + 1 for r in first.header_rows]
    if fixes.name_col is not None:
        recipe.name_column, recipe.name_column_fixed = first.name_header, True


def _read_tables(path: Path, sheet: str | None, next_sheet: bool
                 ) -> tuple[Grid, pd.DataFrame, list]:
    """The sheet's grid and tables. With `next_sheet` and no --sheet, a first sheet holding no
    table (a yearbook's 目录, a cover) is passed over for the next sheet that holds one; when
    none does, the message lists the sheets."""
    grid = read_grid(path, sheet)
    frame = pd.DataFrame(grid.rows)
    try:
        return grid, frame, find_tables(grid, frame)
    except ImportFailed as err:
        if sheet is not None or len(grid.sheets) < 2 or not next_sheet:
            if not grid.sheet:
                raise
            raise ImportFailed(err.file, f"工作表“{grid.sheet}”：{err.zh}",
                               f"sheet '{grid.sheet}': {err.en}", err.row, err.option) from None
        first_err = err
    passed = [grid.sheet]
    for name in grid.sheets[1:]:
        other = read_grid(path, name)
        frame = pd.DataFrame(other.rows)
        try:
            shapes = find_tables(other, frame)
        except ImportFailed:
            passed.append(name)
            continue
        other.passed_over = passed
        return other, frame, shapes
    names = "、".join(grid.sheets)
    raise ImportFailed(first_err.file, f"{first_err.zh}（所有工作表都是如此：{names}）",
                       f"{first_err.en} (in every sheet: {', '.join(grid.sheets)})", first_err.row)


def _col_of(shape: TableShape, header: str, default: int) -> int:
    """Where the column headed `header` is now: the same text, else the one header of the same
    signature (1-12月累计 for 1-11月累计), else where it was."""
    exact = [i for i, h in enumerate(shape.headers) if h == header]
    if len(exact) == 1:
        return exact[0]
    wanted = recipes.signature(header)
    like = [i for i, h in enumerate(shape.headers) if recipes.signature(h) == wanted]
    return like[0] if len(like) == 1 else default


def _given_period(text: str, file: str) -> PeriodSpan:
    span = parse_period_detail(text)
    if span is None:
        raise ImportFailed(file, f"不是可用的期间：“{text}”（可写 2023、2023Q1、2023H1、2023-05、"
                           "2023-01..2023-05）", f"not a period: '{text}' (write 2023, 2023Q1, "
                           "2023H1, 2023-05 or 2023-01..2023-05)")
    return span


def _fill_row_keys(recipe: recipes.Recipe, result: Reshaped) -> None:
    """Rows that are indicators take their key from the recipe (made when first seen)."""
    rows = result.rows
    if recipe.rows_are != "measure" or rows.empty:
        return
    missing = rows["key"] == ""
    if missing.any():
        rows.loc[missing, "key"] = [make_key(z, e) for z, e in
                                    rows.loc[missing, ["name_zh", "name_en"]].itertuples(index=False)]
    # The unit each indicator was first written in is kept in the recipe, so a later report
    # in another unit of its dimension (亿美元 for 万美元) is converted, not mixed in.
    for row in recipe.rows.values():
        if not row.unit and row.key:
            written = rows.loc[rows["key"] == row.key, "unit"]
            if len(written) and written.iloc[0]:
                row.unit = str(written.iloc[0])


def _merge(plan: Plan, unit: str | None) -> None:
    rows = pd.concat([t.result.rows for t in plan.tables], ignore_index=True)
    if rows.empty:
        raise ImportFailed(plan.file, "没有找到任何数字", "no figures found")
    if unit:
        rows.loc[rows["unit"] == "", "unit"] = unit
    missing_unit = rows.loc[rows["unit"] == "", "name_zh"].unique().tolist()
    if missing_unit:
        raise ImportFailed(plan.file, f"找不到这些指标的单位：{'、'.join(missing_unit[:5])}。请在配方中填写 "
                           f"unit，或用 --unit 指定", f"no unit found for: "
                           f"{', '.join(missing_unit[:5])}. Fill in its unit in the recipe, or give "
                           "--unit", option="unit",
                           window=(f"找不到这些指标的单位：{'、'.join(missing_unit[:5])}",
                                   f"no unit found for: {', '.join(missing_unit[:5])}"))
    plan.rows = rows
    plan.existing = folder_io.read_existing(plan.folder) if plan.folder.is_dir() else \
        folder_io.Existing([], [], _empty_rows())
    plan.merged = folder_io.merge(plan.existing, rows)
    plan.unknown_units = folder_io.unknown(rows["unit"].unique().tolist(), plan.folder)
    t = plan.tables[0]
    title = t.shape.title[0] if t.shape.title else plan.file
    years = sorted({int(y) for y in rows["period"].unique()})
    # A new folder is named after the place its tables' titles name (上饶市), else itself;
    # in English after itself when its name is written in Latin letters ("shangrao").
    folder_name = plan.folder.name
    name = zone_name([p.shape.title[0] for p in plan.tables if p.shape.title], folder_name)
    english = folder_name if folder_name.isascii() else name
    for p in plan.tables:
        source = {"id": p.source_id, "title": (p.shape.title or [title])[0], "file": plan.file,
                  "note": " ".join(p.shape.notes)}
        plan.manifest = folder_io.manifest_text(plan.folder, name, years, source,
                                                plan.unknown_units, english) if p is t else \
            _add_source(plan.manifest, source)


def _add_source(manifest: bytes, source: dict[str, str]) -> bytes:
    import json

    q = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
    text = manifest.decode("utf-8")
    if f"id = {q(source['id'])}" in text:
        return manifest
    return (text + "\n[[sources]]\n" + "".join(f"{k} = {q(v)}\n" for k, v in source.items())
            ).encode("utf-8")


def _empty_rows() -> pd.DataFrame:
    from zoneapp.core.schema import INDICATORS

    return pd.DataFrame({k: pd.Series([], dtype=str) for k in INDICATORS.keys})


def commit(plan: Plan) -> list[Path]:
    """Write what `plan` holds. Raises OSError (atomic.WriteError) naming the file."""
    return folder_io.write(plan.folder, plan.merged, plan.existing, plan.manifest, plan.recipe,
                           plan.recipe_name)
