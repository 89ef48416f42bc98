"""A recipe: what a kind of table was mapped to, saved in the folder as editable TOML.

`recipes/NAME.toml` holds one table kind: its name column, each column's header as written and
what it became (key, names, unit, value kind; or a growth column and whose, the names' English
twin, or skipped), and for tables whose rows are indicators, each row name's key. Header rows
and a name column corrected by hand (in the window) are kept too, and used for the next file. The next file of the same shape imports with
it without questions; a changed shape is listed (`changes`) and asked about.
"""
from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from zoneapp.core import units
from zoneapp.core.schema import SECTION_CODES
from .headers import parse_header
from .keys import distinct_keys, make_key
from .rows import indicator_names
from .shape import TableShape

RECIPES_DIR = "recipes"
_SPAN = re.compile(r"\d{1,2}\s*[-－—–~～至]\s*\d{1,2}\s*月")
_YEAR = re.compile(r"(?:19|20)\d\d\s*年?")


@dataclass
class RecipeColumn:
    col: int
    header: str
    # measure | growth | skip | name_en (the name column's English twin) | year (each row's
    # year, a long table's) | unit (each row's unit)
    role: str
    key: str = ""
    name_zh: str = ""
    name_en: str = ""
    unit: str = ""
    value_kind: str = ""
    year: int | None = None
    growth_col: int | None = None
    share: bool = False
    growth_of: str = ""  # a growth column: the header of the measure it belongs to
    # The unit this table writes when the recipe keeps another of its dimension (the recipe
    # says 万元, this month's report 亿元): the figures are converted. Not saved.
    table_unit: str = ""
    # The unit the table says, where the user corrected it (saved): the same unit in next
    # month's table is that correction again, not a change of unit.
    unit_read: str = ""


@dataclass
class RecipeRow:
    key: str
    name_zh: str
    name_en: str = ""
    unit: str = ""
    skip: bool = False  # not imported (a 其中 row the user does not want)
    unit_read: str = ""  # as RecipeColumn.unit_read: the table's unit where corrected by hand


@dataclass
class Recipe:
    name: str
    section: str = "overview"
    rows_are: str = "entity"
    name_column: str = ""
    columns: list[RecipeColumn] = field(default_factory=list)
    rows: dict[str, RecipeRow] = field(default_factory=dict)  # row name -> indicator
    title: str = ""
    header_rows: list[int] = field(default_factory=list)  # spreadsheet rows, when corrected
    name_column_fixed: bool = False  # the name column was chosen by hand: look it up by header


def signature(header: str) -> str:
    """A header as recipes compare it: month spans and years left out (1-11月累计 matches
    1-12月累计 next month; a year column matches any year column)."""
    text = _SPAN.sub("1-N月", header)
    return "<year>" if _YEAR.fullmatch(text.strip()) else _YEAR.sub("Y年", text)


def column_signature(column: RecipeColumn) -> str:
    """A recipe column as recipes compare it: its header's signature, and a month column
    headed by its span (the 1-2月 beside 1-2月累计 of a January–February report) taken as
    本月, so the 1-2月 report and March's 本月 | 1-3月累计 are one shape."""
    sig = signature(column.header)
    if column.value_kind == "month":
        sig = re.sub(r"(^|/ )1-N月$", r"\g<1>本月", sig)
    return sig


def from_shape(shape: TableShape, name: str, row_names: list[str]) -> Recipe:
    """A fresh recipe: what `shape` found, keys made from the names."""
    columns = []
    for m in shape.measures:
        key = make_key(m.name_zh, m.name_en)
        columns.append(RecipeColumn(m.col, shape.headers[m.col], "measure", key, m.name_zh,
                                    m.name_en, m.unit, m.value_kind, m.year, m.growth_col,
                                    m.share))
    owners = {m.growth_col: shape.headers[m.col] for m in shape.measures}
    for c in shape.growth_cols:
        columns.append(RecipeColumn(c, shape.headers[c], "growth", growth_of=owners.get(c, "")))
    if shape.name_en_col is not None:
        columns.append(RecipeColumn(shape.name_en_col, shape.headers[shape.name_en_col],
                                    "name_en"))
    for c, role in ((shape.period_col, "year"), (shape.unit_col, "unit")):
        if c is not None:
            columns.append(RecipeColumn(c, shape.headers[c], role))
    for c, _why in shape.skipped_cols:
        columns.append(RecipeColumn(c, shape.headers[c], "skip"))
    columns.sort(key=lambda c: c.col)
    if shape.rows_are == "entity" and any(not c.name_zh for c in columns if c.role == "measure"):
        # 省份 × 2015 … 2024: the title names the measure.
        title, title_en = _title_measure(shape.title), _title_measure_en(shape.title)
        columns = [replace(c, name_zh=c.name_zh or title, name_en=c.name_en if c.name_zh
                           else title_en, key=c.key if c.name_zh else make_key(title, title_en))
                   if c.role == "measure" else c for c in columns]
    rows = {}
    if shape.rows_are == "measure":
        for row in row_names:
            head = parse_header([row])
            rows[row] = RecipeRow(make_key(head.name_zh or row, head.name_en),
                                  head.name_zh or row, head.name_en, head.unit)
    distinct_keys(columns, rows)
    return Recipe(name, "overview", shape.rows_are, shape.name_header, columns, rows,
                  shape.title[0] if shape.title else "")


def _title_measure(title: list[str]) -> str:
    text = title[0] if title else "数值"
    text = re.sub(r"^[\d\-—.表]+\s*", "", text)
    text = re.sub(r"[(（][^)）]*[)）]", "", _YEAR.sub("", text))
    # 各地区研究与试验发展人员全时当量: the rows are the regions; the measure is the rest.
    text = re.sub(r"^(各|分)(地区|省份|省|市|县|区|园区|行业|功能区)(的)?", "", text.strip())
    return text.strip(" ：:") or "数值"


def _title_measure_en(title: list[str]) -> str:
    """The English title line's measure: "Full-time Equivalent of R&D Personnel by Region"
    -> "Full-time Equivalent of R&D Personnel"; "" when there is no English line."""
    line = next((t for t in title[1:] if t.isascii() and re.search(r"[A-Za-z]{3}", t)), "")
    line = re.sub(r"\(?\b(19|20)\d\d\)?|\([^)]*\)", "", line)
    line = re.sub(r"\s+by\s+(region|province|city|county|area|industry|sector)s?\b.*$", "",
                  line.strip(), flags=re.I)
    return line.strip(" :,.")


def row_names(shape: TableShape, frame) -> list[str]:
    if shape.name_col is None or shape.rows_are != "measure":
        return []  # only rows that are indicators are named in a recipe
    data = frame.iloc[shape.data_start:shape.data_stop]
    return [n for n in dict.fromkeys(indicator_names(data[shape.name_col].tolist())) if n]


# --- reading, writing, comparing --------------------------------------------------------------

def to_toml(recipe: Recipe) -> str:
    q = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731 -- a TOML basic string
    lines = ["# ZoneApp 导入配方 / import recipe: how a table of this shape becomes indicators.",
             "# 可以编辑：key、名称、单位、板块；role = measure（导入）、growth（增速）、skip（忽略）、"
             "year（年份列）或 unit（单位列）；"
             "value_kind = month（本月）、ytd（累计）、stock（期末）或空；"
             "[[rows]] 可写 skip = true（不导入该行）。",
             "# Edit freely: key, names, unit, section; role = measure, growth, skip, year (the "
             "rows' years) or unit (the rows' units); value_kind "
             "= month, ytd, stock or empty; a [[rows]] entry may say skip = true.", "",
             "[recipe]", f"name = {q(recipe.name)}", f"title = {q(recipe.title)}",
             f"section = {q(recipe.section)}  # {', '.join(SECTION_CODES)}",
             f"rows_are = {q(recipe.rows_are)}  # entity: a region/park per row; measure: an "
             "indicator per row", f"name_column = {q(recipe.name_column)}"]
    if recipe.name_column_fixed:
        lines.append("name_column_fixed = true  # chosen by hand: found by its header")
    if recipe.header_rows:
        lines.append(f"header_rows = {json.dumps(recipe.header_rows)}  # corrected by hand")
    lines.append("")
    for c in recipe.columns:
        lines += ["[[columns]]", f"header = {q(c.header)}"]
        if c.col >= 0:  # where it was: a moved column is said as "from F to D"
            lines.append(f"column = {q(_letter(c.col))}")
        lines.append(f"role = {q(c.role)}")
        if c.role == "growth" and c.growth_of:
            lines.append(f"growth_of = {q(c.growth_of)}")
        if c.role == "measure":
            lines += [f"key = {q(c.key)}", f"name_zh = {q(c.name_zh)}", f"name_en = {q(c.name_en)}",
                      f"unit = {q(c.unit)}", f"value_kind = {q(c.value_kind)}"]
            if c.unit_read and c.unit_read != c.unit:
                lines.append(f"unit_in_table = {q(c.unit_read)}  # the table's; corrected by hand")
            if c.share:
                lines.append("share = true  # fractions, imported as per cent")
        lines.append("")
    for name, row in recipe.rows.items():
        lines += ["[[rows]]", f"name = {q(name)}", f"key = {q(row.key)}",
                  f"name_zh = {q(row.name_zh)}", f"name_en = {q(row.name_en)}",
                  f"unit = {q(row.unit)}"]
        if row.unit_read and row.unit_read != row.unit:
            lines.append(f"unit_in_table = {q(row.unit_read)}  # the table's; corrected by hand")
        lines += ["skip = true  # not imported"] if row.skip else []
        lines.append("")
    return "\n".join(lines)


def load(path: Path) -> Recipe | None:
    """A saved recipe, or None when it cannot be read (an edit broke its TOML)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    head = data.get("recipe", {})
    columns = [RecipeColumn(_number(c.get("column")), str(c.get("header", "")), str(c.get("role", "skip")),
                            str(c.get("key", "")), str(c.get("name_zh", "")),
                            str(c.get("name_en", "")), str(c.get("unit", "")),
                            str(c.get("value_kind", "")), share=bool(c.get("share", False)),
                            growth_of=str(c.get("growth_of", "")),
                            unit_read=str(c.get("unit_in_table", "")))
               for c in data.get("columns", []) if isinstance(c, dict)]
    header_rows = head.get("header_rows", [])
    if not (isinstance(header_rows, list) and all(isinstance(r, int) and r > 0
                                                  for r in header_rows)):
        header_rows = []
    rows = {str(r.get("name", "")): RecipeRow(str(r.get("key", "")), str(r.get("name_zh", "")),
                                              str(r.get("name_en", "")), str(r.get("unit", "")),
                                              r.get("skip") is True,
                                              str(r.get("unit_in_table", "")))
            for r in data.get("rows", []) if isinstance(r, dict)}
    section = str(head.get("section", "overview"))
    return Recipe(str(head.get("name", path.stem)), section if section in SECTION_CODES
                  else "overview", str(head.get("rows_are", "entity")),
                  str(head.get("name_column", "")), columns, rows, str(head.get("title", "")),
                  sorted(header_rows), bool(head.get("name_column_fixed", False)))


def saved(folder: Path) -> list[tuple[Path, Recipe]]:
    found = []
    for path in sorted((folder / RECIPES_DIR).glob("*.toml")) if (folder / RECIPES_DIR).is_dir() \
            else []:
        recipe = load(path)
        if recipe is not None:
            found.append((path, recipe))
    return found


def _compared(recipe: Recipe, other: Recipe) -> list[RecipeColumn]:
    """The columns two recipes are compared by: not a column either takes for the names'
    English twin, the rows' years or their units (recipes saved before these were recorded
    still match)."""
    twins = {column_signature(c) for c in recipe.columns + other.columns
             if c.role in ("name_en", "year", "unit")}
    return [c for c in recipe.columns if column_signature(c) not in twins]


def score(saved_recipe: Recipe, fresh: Recipe) -> float:
    """How alike two recipes' headers are, 0..1 (the name column's among them, whichever
    column it is: a name column chosen by hand still matches the table as found)."""
    mine = {column_signature(c) for c in _compared(fresh, saved_recipe)} | \
        {signature(fresh.name_column.replace(" ", ""))}  # 地 区 = 地区
    theirs = {column_signature(c) for c in _compared(saved_recipe, fresh)} | \
        {signature(saved_recipe.name_column.replace(" ", ""))}
    return len(mine & theirs) / max(len(mine | theirs), 1)


def best_match(folder: Path, fresh: Recipe,
               found: list[tuple[Path, Recipe]] | None = None) -> tuple[Path, Recipe, float] | None:
    """The saved recipe whose headers best match `fresh`'s (at least half of them)."""
    best = None
    for path, recipe in saved(folder) if found is None else found:
        alike = score(recipe, fresh)
        if alike >= 0.5 and (best is None or alike > best[2]):
            best = (path, recipe, alike)
    return best


def _letter(c: int) -> str:
    """0 -> A, 26 -> AA (describe.column_letter; describe imports this module)."""
    name, c = "", c + 1
    while c:
        c, r = divmod(c - 1, 26)
        name = chr(65 + r) + name
    return name


def _number(letters: object) -> int:
    """"D" -> 3; -1 when not a column's letters."""
    if not isinstance(letters, str) or not letters.isascii() or not letters.isalpha():
        return -1
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def changes(old: Recipe, fresh: Recipe) -> list[tuple[str, str]]:
    """What differs between a saved recipe and the table now read, (zh, en) each: columns
    added, gone or moved, indicator rows new to the recipe."""
    found = []
    old_list, new_list = _compared(old, fresh), _compared(fresh, old)
    old_cols = {column_signature(c): i for i, c in enumerate(old_list)}
    new_cols = {column_signature(c): i for i, c in enumerate(new_list)}
    for sig, i in new_cols.items():
        if sig not in old_cols:
            found.append((f"新的列：“{new_list[i].header}”", f"new column: '{new_list[i].header}'"))
        elif old_cols[sig] != i and sig != "<year>":
            was, now = old_list[old_cols[sig]].col, new_list[i].col
            if was >= 0:
                found.append((f"列“{new_list[i].header}”换了位置：原在 {_letter(was)} 列，"
                              f"现在 {_letter(now)} 列", f"column '{new_list[i].header}' "
                              f"moved from column {_letter(was)} to {_letter(now)}"))
            else:  # a recipe saved before columns were recorded
                found.append((f"列“{new_list[i].header}”换了位置",
                              f"column '{new_list[i].header}' moved"))
    for sig, i in old_cols.items():
        if sig not in new_cols:
            found.append((f"不再有列：“{old_list[i].header}”",
                          f"column gone: '{old_list[i].header}'"))
    for sig, i in new_cols.items():
        was = (old_list[old_cols[sig]].unit_read or old_list[old_cols[sig]].unit
               if sig in old_cols else "")
        now = new_list[i].unit
        if was and now and was != now and units.convert(1.0, now, was) is None:
            found.append((f"列“{new_list[i].header}”的单位由“{was}”变为“{now}”",
                          f"column '{new_list[i].header}': the unit was '{was}', now '{now}'"))
    if old.name_column.replace(" ", "") != fresh.name_column.replace(" ", ""):  # 地 区 = 地区
        found.append((f"名称列由“{old.name_column}”变为“{fresh.name_column}”",
                      f"the name column was '{old.name_column}', now '{fresh.name_column}'"))
    for name in fresh.rows:
        if old.rows_are == "measure" and name not in old.rows:
            found.append((f"新的指标行：“{name}”", f"new indicator row: '{name}'"))
    return found


def apply(old: Recipe, fresh: Recipe) -> Recipe:
    """`fresh` (the columns where they are now) with the saved choices of `old`: keys, names,
    units, roles, section, row keys -- by header, wherever the column moved."""
    # Columns of one header (增速(%) after each measure) are matched in their order.
    by_sig: dict[str, list[RecipeColumn]] = {}
    for c in old.columns:
        by_sig.setdefault(column_signature(c), []).append(c)
    columns = []
    twin_saved = any(c.role == "name_en" for c in old.columns)
    for c in fresh.columns:
        alike = by_sig.get(column_signature(c))
        saved_col = alike.pop(0) if alike else None
        if saved_col is None:
            # The saved recipe names another English twin: this one is not.
            columns.append(replace(c, role="skip") if c.role == "name_en" and twin_saved else c)
            continue
        role = saved_col.role if saved_col.role in ROLES else c.role
        unit, table_unit = saved_col.unit or c.unit, ""
        as_read = saved_col.unit_read or saved_col.unit  # what the table said last time
        if c.unit and as_read and c.unit != as_read:
            if units.convert(1.0, c.unit, saved_col.unit) is not None:
                table_unit = c.unit  # 亿元 in the table, 万元 in the recipe: converted
            else:
                unit = c.unit  # another dimension: the table's own (`changes` says so)
        columns.append(replace(c, role=role, key=saved_col.key or c.key,
                               name_zh=saved_col.name_zh or c.name_zh,
                               name_en=saved_col.name_en or c.name_en,
                               unit=unit, table_unit=table_unit,
                               value_kind=saved_col.value_kind if role == "measure"
                               else c.value_kind, share=saved_col.share or c.share,
                               growth_of=saved_col.growth_of or c.growth_of,
                               unit_read=saved_col.unit_read if unit == saved_col.unit else ""))
    link_growth(columns)
    rows = {**fresh.rows, **{n: r for n, r in old.rows.items()}}
    return replace(fresh, name=old.name, section=old.section, columns=columns, rows=rows,
                   title=old.title or fresh.title, header_rows=old.header_rows,
                   name_column_fixed=old.name_column_fixed)


ROLES = ("measure", "growth", "skip", "name_en", "year", "unit")


def link_growth(columns: list[RecipeColumn]) -> None:
    """Each measure's growth column as the roles say: a growth column's `growth_of` names its
    measure; a measure's growth column that is no longer a growth column is let go."""
    by_sig = {signature(c.header): c for c in columns if c.role == "measure"}
    growth = {c.col: c for c in columns if c.role == "growth"}
    for c in columns:
        if c.role == "measure" and c.growth_col is not None and c.growth_col not in growth:
            c.growth_col = None
    for g in growth.values():
        owner = by_sig.get(signature(g.growth_of)) if g.growth_of else None
        if owner is None:
            continue
        for c in columns:  # one growth column has one measure
            if c.growth_col == g.col:
                c.growth_col = None
        owner.growth_col = g.col
