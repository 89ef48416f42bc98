"""A recipe: what a kind of table was mapped to, saved in the folder as editable TOML.

`recipes/NAME.toml` holds one table kind: its name column, each column's header as written and
what it became (key, names, unit, value kind; or a growth column and whose, the names' English
twin, or skipped), and for tables whose rows are indicators, each row name's key. Header rows
and a name column corrected by hand (in the window) are kept too, and used for the next file. The next file of the same shape imports with
it without questions; a changed shape is listed (`changes`) and asked about.
"""
from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from zoneapp.core.schema import SECTION_CODES
from .headers import parse_header
from .shape import TableShape, entity_name

RECIPES_DIR = "recipes"
_SPAN = re.compile(r"\d{1,2}\s*[-－—–~～至]\s*\d{1,2}\s*月")
_YEAR = re.compile(r"(?:19|20)\d\d\s*年?")


@dataclass
class RecipeColumn:
    col: int
    header: str
    role: str  # measure | growth | skip | name_en (the name column's English twin)
    key: str = ""
    name_zh: str = ""
    name_en: str = ""
    unit: str = ""
    value_kind: str = ""
    year: int | None = None
    growth_col: int | None = None
    share: bool = False
    growth_of: str = ""  # a growth column: the header of the measure it belongs to


@dataclass
class RecipeRow:
    key: str
    name_zh: str
    name_en: str = ""
    unit: str = ""


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


def make_key(name_zh: str, name_en: str = "") -> str:
    """A measure's key: its English name in lower_snake_case, else m_ and a hash of the
    Chinese name (the same name always gets the same key; edit the recipe for a nicer one)."""
    slug = re.sub(r"[^a-z0-9]+", "_", name_en.lower()).strip("_")[:40].strip("_")
    if slug and slug[0].isalpha():
        return slug
    return "m_" + hashlib.md5(name_zh.encode("utf-8")).hexdigest()[:8]


def signature(header: str) -> str:
    """A header as recipes compare it: month spans and years left out (1-11月累计 matches
    1-12月累计 next month; a year column matches any year column)."""
    text = _SPAN.sub("1-N月", header)
    return "<year>" if _YEAR.fullmatch(text.strip()) else _YEAR.sub("Y年", text)


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
    for c, _why in shape.skipped_cols:
        columns.append(RecipeColumn(c, shape.headers[c], "skip"))
    columns.sort(key=lambda c: c.col)
    if shape.rows_are == "entity" and any(not c.name_zh for c in columns if c.role == "measure"):
        # 省份 × 2015 … 2024: the title names the measure.
        title = _title_measure(shape.title)
        columns = [replace(c, name_zh=c.name_zh or title, key=c.key if c.name_zh
                           else make_key(title)) if c.role == "measure" else c for c in columns]
    rows = {}
    if shape.rows_are == "measure":
        for row in row_names:
            head = parse_header([row])
            rows[row] = RecipeRow(make_key(head.name_zh or row, head.name_en),
                                  head.name_zh or row, head.name_en, head.unit)
    return Recipe(name, "overview", shape.rows_are, shape.name_header, columns, rows,
                  shape.title[0] if shape.title else "")


def _title_measure(title: list[str]) -> str:
    text = title[0] if title else "数值"
    text = re.sub(r"^[\d\-—.表]+\s*", "", text)
    text = re.sub(r"[(（][^)）]*[)）]", "", _YEAR.sub("", text))
    return text.strip(" ：:") or "数值"


def row_names(shape: TableShape, frame) -> list[str]:
    if shape.name_col is None or shape.rows_are != "measure":
        return []  # only rows that are indicators are named in a recipe
    data = frame.iloc[shape.data_start:shape.data_stop]
    return [n for n in dict.fromkeys(entity_name(v) for v in data[shape.name_col]) if n]


# --- reading, writing, comparing --------------------------------------------------------------

def to_toml(recipe: Recipe) -> str:
    q = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731 -- a TOML basic string
    lines = ["# ZoneApp 导入配方 / import recipe: how a table of this shape becomes indicators.",
             "# 可以编辑：key、名称、单位、板块；role = measure（导入）、growth（增速）或 skip（忽略）。",
             "# Edit freely: key, names, unit, section; role = measure, growth or skip.", "",
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
        lines += ["[[columns]]", f"header = {q(c.header)}", f"role = {q(c.role)}"]
        if c.role == "growth" and c.growth_of:
            lines.append(f"growth_of = {q(c.growth_of)}")
        if c.role == "measure":
            lines += [f"key = {q(c.key)}", f"name_zh = {q(c.name_zh)}", f"name_en = {q(c.name_en)}",
                      f"unit = {q(c.unit)}", f"value_kind = {q(c.value_kind)}"]
            if c.share:
                lines.append("share = true  # fractions, imported as per cent")
        lines.append("")
    for name, row in recipe.rows.items():
        lines += ["[[rows]]", f"name = {q(name)}", f"key = {q(row.key)}",
                  f"name_zh = {q(row.name_zh)}", f"name_en = {q(row.name_en)}",
                  f"unit = {q(row.unit)}", ""]
    return "\n".join(lines)


def load(path: Path) -> Recipe | None:
    """A saved recipe, or None when it cannot be read (an edit broke its TOML)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    head = data.get("recipe", {})
    columns = [RecipeColumn(-1, str(c.get("header", "")), str(c.get("role", "skip")),
                            str(c.get("key", "")), str(c.get("name_zh", "")),
                            str(c.get("name_en", "")), str(c.get("unit", "")),
                            str(c.get("value_kind", "")), share=bool(c.get("share", False)),
                            growth_of=str(c.get("growth_of", "")))
               for c in data.get("columns", []) if isinstance(c, dict)]
    header_rows = head.get("header_rows", [])
    if not (isinstance(header_rows, list) and all(isinstance(r, int) and r > 0
                                                  for r in header_rows)):
        header_rows = []
    rows = {str(r.get("name", "")): RecipeRow(str(r.get("key", "")), str(r.get("name_zh", "")),
                                              str(r.get("name_en", "")), str(r.get("unit", "")))
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
    English twin (recipes saved before twins were recorded still match)."""
    twins = {signature(c.header) for c in recipe.columns + other.columns if c.role == "name_en"}
    return [c for c in recipe.columns if signature(c.header) not in twins]


def score(saved_recipe: Recipe, fresh: Recipe) -> float:
    """How alike two recipes' headers are, 0..1 (the name column's among them, whichever
    column it is: a name column chosen by hand still matches the table as found)."""
    mine = {signature(c.header) for c in _compared(fresh, saved_recipe)} | \
        {signature(fresh.name_column)}
    theirs = {signature(c.header) for c in _compared(saved_recipe, fresh)} | \
        {signature(saved_recipe.name_column)}
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


def changes(old: Recipe, fresh: Recipe) -> list[tuple[str, str]]:
    """What differs between a saved recipe and the table now read, (zh, en) each: columns
    added, gone or moved, indicator rows new to the recipe."""
    found = []
    old_list, new_list = _compared(old, fresh), _compared(fresh, old)
    old_cols = {signature(c.header): i for i, c in enumerate(old_list)}
    new_cols = {signature(c.header): i for i, c in enumerate(new_list)}
    for sig, i in new_cols.items():
        if sig not in old_cols:
            found.append((f"新的列：“{new_list[i].header}”", f"new column: '{new_list[i].header}'"))
        elif old_cols[sig] != i and sig != "<year>":
            found.append((f"列“{new_list[i].header}”换了位置",
                          f"column '{new_list[i].header}' moved"))
    for sig, i in old_cols.items():
        if sig not in new_cols:
            found.append((f"不再有列：“{old_list[i].header}”",
                          f"column gone: '{old_list[i].header}'"))
    if old.name_column != fresh.name_column:
        found.append((f"名称列由“{old.name_column}”变为“{fresh.name_column}”",
                      f"the name column was '{old.name_column}', now '{fresh.name_column}'"))
    for name in fresh.rows:
        if old.rows_are == "measure" and name not in old.rows:
            found.append((f"新的指标行：“{name}”", f"new indicator row: '{name}'"))
    return found


def apply(old: Recipe, fresh: Recipe) -> Recipe:
    """`fresh` (the columns where they are now) with the saved choices of `old`: keys, names,
    units, roles, section, row keys -- by header, wherever the column moved."""
    by_sig = {signature(c.header): c for c in old.columns}
    columns = []
    twin_saved = any(c.role == "name_en" for c in old.columns)
    for c in fresh.columns:
        saved_col = by_sig.get(signature(c.header))
        if saved_col is None:
            # The saved recipe names another English twin: this one is not.
            columns.append(replace(c, role="skip") if c.role == "name_en" and twin_saved else c)
            continue
        role = saved_col.role if saved_col.role in ROLES else c.role
        columns.append(replace(c, role=role, key=saved_col.key or c.key,
                               name_zh=saved_col.name_zh or c.name_zh,
                               name_en=saved_col.name_en or c.name_en,
                               unit=saved_col.unit or c.unit,
                               value_kind=saved_col.value_kind if role == "measure"
                               else c.value_kind, share=saved_col.share or c.share,
                               growth_of=saved_col.growth_of or c.growth_of))
    link_growth(columns)
    rows = {**fresh.rows, **{n: r for n, r in old.rows.items()}}
    return replace(fresh, name=old.name, section=old.section, columns=columns, rows=rows,
                   title=old.title or fresh.title, header_rows=old.header_rows,
                   name_column_fixed=old.name_column_fixed)


ROLES = ("measure", "growth", "skip", "name_en")


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
