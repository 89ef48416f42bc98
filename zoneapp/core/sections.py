"""A folder's sections (its tabs): those zone.toml declares in [[sections]], or, where it
declares none, those its data names.

Declared: in the file's order (an entry's `order` moves it), each with its names and the
tables it shows. Not declared: the distinct `section` values of the figures in order of first
appearance, then the built-in sections whose own tables have rows; no tab is empty. Either way
no row is hidden: a `section` value no declaration names gets a tab of its own (after the
declared ones; validation warns about each row), and a table with rows that no section lists
goes to its built-in section (with a warning on zone.toml).
"""
from __future__ import annotations

import pandas as pd

from .problems import ERROR, WARNING, Problem
from .schema import INDICATORS, MANIFEST_NAME, SECTION_IDS, SECTIONS, TABLES, Section, section

# Tables a section may list: the shown ones but the figures (placed by their own column).
PLACEABLE = tuple(t.name for t in TABLES if t.shown and t is not INDICATORS)
ENTRY_KEYS = ("id", "name_zh", "name_en", "tables", "order")
# Tabs at most: a section id per row (a column mixed up) must not make a window of 100,000 tabs.
MAX_SECTIONS = 40
_BUILT_IN = {s.code: s for s in SECTIONS}


def _problem(number: int, entry_id: str, zh: str, en: str, severity: str = ERROR) -> Problem:
    which_zh = f"[[sections]] 第 {number} 项" + (f"（id = \"{entry_id}\"）" if entry_id else "")
    which_en = f"[[sections]] entry {number}" + (f" (id = \"{entry_id}\")" if entry_id else "")
    return Problem(MANIFEST_NAME, None, None, f"{which_zh}：{zh}", f"{which_en}: {en}",
                   "bad_section", severity)


def parse_sections(entries: object) -> tuple[tuple[Section, ...], list[Problem]]:
    """zone.toml's [[sections]] -> the declared sections, in order, and what is wrong with
    them; a bad entry is left out (or a bad field of it), the rest are declared."""
    if entries is None:
        return (), []
    if not isinstance(entries, list):
        return (), [Problem(MANIFEST_NAME, None, None,
                            "sections 应写作 [[sections]] 段（每个板块一段）",
                            "sections should be [[sections]] tables, one per section",
                            "bad_section")]
    problems: list[Problem] = []
    found: list[tuple[tuple, Section]] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(_problem(number, "", "应为一段 [[sections]]，含 id 等键",
                                     "should be a [[sections]] table with an id and names"))
            continue
        code = entry.get("id")
        code = str(code).strip() if isinstance(code, (str, int)) and not isinstance(code, bool) \
            else ""
        if not code:
            problems.append(_problem(number, "", "缺少 id（板块代码，即表中“板块”列的值），已忽略此项",
                                     "has no id (the value of the tables' section column); "
                                     "the entry is ignored"))
            continue
        if any(s.code == code for _, s in found):
            problems.append(_problem(number, code, "id 与前面的板块重复，已忽略此项",
                                     "repeats the id of an earlier section; the entry is ignored"))
            continue
        built_in = _BUILT_IN.get(code)
        name_zh = _name(entry, "name_zh", number, code, problems) or (
            built_in.zh if built_in else section(code).zh)
        name_en = _name(entry, "name_en", number, code, problems) or (
            built_in.en if built_in else _name(entry, "name_zh", 0, code, []) or section(code).en)
        tables = _tables(entry, number, code, problems, built_in)
        order = _order(entry, number, code, problems)
        for key in entry:
            if key not in ENTRY_KEYS:
                problems.append(_problem(
                    number, code, f"未知的键 {key}，已忽略。可用：{'、'.join(ENTRY_KEYS)}",
                    f"unknown key {key}, ignored. Known keys: {', '.join(ENTRY_KEYS)}", WARNING))
        # An `order` places the entry among the others' positions, before a tie.
        place = (order, 0, number) if order is not None else (number, 1, number)
        found.append((place, Section(code, name_zh, name_en, tables)))
    return tuple(s for _, s in sorted(found, key=lambda f: f[0])), problems


def _name(entry: dict, key: str, number: int, code: str, problems: list[Problem]) -> str:
    value = entry.get(key, "")
    if isinstance(value, str):
        return value.strip()
    if number:
        problems.append(_problem(number, code, f"{key} 应为文字，已改用默认名称",
                                 f"{key} should be text; the default name is used"))
    return ""


def _tables(entry: dict, number: int, code: str, problems: list[Problem],
            built_in: Section | None) -> tuple[str, ...]:
    """The entry's `tables`; without the key, a built-in id's own tables."""
    if "tables" not in entry:
        return built_in.tables if built_in else ()
    value = entry["tables"]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.append(_problem(number, code, "tables 应为表名列表，例如 [\"projects\"]",
                                 "tables should be a list of table names, such as [\"projects\"]"))
        return ()
    names: list[str] = []
    allowed = ", ".join(PLACEABLE)
    for name in value:
        key = name.strip().lower() if isinstance(name, str) else ""
        if key in PLACEABLE:
            if key not in names:
                names.append(key)
            continue
        shown = name if isinstance(name, str) else repr(name)
        problems.append(_problem(number, code, f"未知的表“{shown}”，已忽略。可用：{allowed}"
                                 "（指标按其“板块”列放入板块，不必列出）",
                                 f"unknown table '{shown}', ignored. Known tables: {allowed} "
                                 "(figures go to the section their section column names)"))
    return tuple(names)


def _order(entry: dict, number: int, code: str, problems: list[Problem]) -> float | None:
    value = entry.get("order")
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    problems.append(_problem(number, code, "order 应为数字，已按文件中的位置排列",
                             "order should be a number; the entry keeps its place in the file"))
    return None


def _distinct(series: pd.Series | None) -> list[str]:
    """The series' distinct non-empty texts in order of first appearance."""
    if series is None or series.empty:
        return []
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        values = pc.unique(pa.array(series.array, from_pandas=True)).to_pylist()
    except (TypeError, ValueError, ImportError):  # not text pyarrow can take
        values = list(pd.unique(series))
    return [v for v in values if isinstance(v, str) and v]


def _ids(frame: pd.DataFrame, reported: pd.DataFrame | None = None) -> list[str]:
    """The section ids `frame` names in order of first appearance: those validation noted
    for its first `len(reported)` rows (`reported` itself by default), then the rest's."""
    reported = frame if reported is None else reported
    known = reported.attrs.get(SECTION_IDS)
    if known is None or len(frame) < len(reported):
        return _distinct(frame["section"])
    rest = _distinct(frame["section"].iloc[len(reported):]) if len(frame) > len(reported) else []
    return list(dict.fromkeys([*known, *rest]))


def folder_sections(declared: tuple[Section, ...], tables: dict[str, pd.DataFrame],
                    indicators: pd.DataFrame | None) -> tuple[tuple[Section, ...], list[Problem]]:
    """The sections a dataset shows: `declared` (zone.toml's) with a tab for each section
    value they do not name, or, with none declared, the sections the data fills."""
    problems: list[Problem] = []
    order: dict[str, Section] = {s.code: s for s in declared}
    placed: dict[str, list[str]] = {s.code: list(s.tables) for s in declared}
    column_rows: dict[str, set[str]] = {}  # table with a section column -> ids it names

    def add(code: str) -> None:
        if code not in order:
            built_in = section(code)
            order[code] = built_in
            placed[code] = [] if declared else [n for n in built_in.tables if _has_rows(
                n, code, tables, column_rows)]

    for name, frame in tables.items():
        if name in PLACEABLE and "section" in frame.columns:
            column_rows[name] = set(_ids(frame))
    if indicators is not None and "section" in indicators.columns:
        # The derived figures come after the reported ones (core.derive).
        for code in _ids(indicators, tables.get("indicators")):
            add(code)
    for name in column_rows:  # measures: each row in its section's tab
        for code in _ids(tables[name]):
            add(code)
            if name not in placed[code]:
                placed[code].append(name)
    for name in PLACEABLE:
        if name in column_rows or not _has_rows(name, "", tables, column_rows):
            continue
        if any(name in names for names in placed.values()):
            continue
        home = next(t for t in TABLES if t.name == name).section
        add(home)
        if name not in placed[home]:
            placed[home].append(name)
        if declared:
            problems.append(Problem(
                MANIFEST_NAME, None, None,
                f"表 {name} 有数据，但 [[sections]] 中没有板块列出它：显示在“{order[home].zh}”中",
                f"the table {name} has rows but no [[sections]] entry lists it: shown in "
                f"'{order[home].en}'", "unplaced_table", WARNING))
    if not order:  # nothing at all to show: one tab, so the window has a page to say so
        add(SECTIONS[0].code)
    shown = list(order.values())
    if len(shown) > MAX_SECTIONS:
        left = "、".join(s.code for s in shown[MAX_SECTIONS:MAX_SECTIONS + 5])
        problems.append(Problem(
            MANIFEST_NAME, None, None,
            f"板块共 {len(shown)} 个，只显示前 {MAX_SECTIONS} 个；其余（{left}……）的数据未显示。"
            "请检查“板块”列是否填错",
            f"there are {len(shown)} sections; only the first {MAX_SECTIONS} are shown, the rest "
            f"({left.replace('、', ', ')}, …) are not. Check the section column",
            "too_many_sections"))
        shown = shown[:MAX_SECTIONS]
    return tuple(Section(s.code, s.zh, s.en, tuple(placed[s.code])) for s in shown), problems


def _has_rows(name: str, code: str, tables: dict[str, pd.DataFrame],
              column_rows: dict[str, set[str]]) -> bool:
    """Whether table `name` has rows (for section `code`, when it has a section column)."""
    if name in column_rows:
        return code in column_rows[name]
    frame = tables.get(name)
    return frame is not None and not frame.empty
