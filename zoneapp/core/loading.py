"""A data folder -> Dataset: find each table's file, read, validate, check rules, derive.

The loader only reads: it never writes, renames or caches anything in the folder, and it reads
only files whose real path is inside the folder (a link that points elsewhere is skipped).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from zoneapp.core.io import atomic
from zoneapp.core.fast import memory
from zoneapp.core.fast.chunks import join_chunks
from .dataset import Dataset, Manifest
from .derive import derive_indicators
from .entities import own_entity_problems
from .names import add_list_names
from zoneapp.core.io.headers import header_key, number_columns
from .manifest import declared_sections, declared_units, read_manifest
from .problems import ERROR, WARNING, LoadCancelled, LoadError, Problem
from zoneapp.core.io.file_problems import MAX_PROBLEMS_PER_FILE, more_problems
from zoneapp.core.io.readers import RawTable, read_table
from .rules import check_rules, figures
from .stale import carry_over
from .targets import check_targets
from .schema import MANIFEST_NAME, TABLE_SUFFIXES, TABLES, Section, Table
from .sections import folder_sections
from .validation import empty_frame, validate_table

# Other formats people save tables in; for these we say how to fix it.
NOT_TABLE_SUFFIXES = (".xls", ".et", ".xlsm", ".xlsb", ".ods", ".numbers", ".json", ".txt",
                      ".tsv", ".dbf", ".xml", ".html", ".htm")
_OLD_EXCEL = (".xls", ".et", ".xlsm", ".xlsb", ".ods", ".numbers")


@dataclass
class FolderScan:
    files: dict[str, Path] = field(default_factory=dict)  # table name -> the file to read
    problems: list[Problem] = field(default_factory=list)


def load_dataset(folder: Path | str, *, progress: Callable[[float], None] | None = None,
                 should_cancel: Callable[[], bool] | None = None,
                 previous: Dataset | None = None) -> Dataset:
    """Load every table in `folder`; problems are returned in the Dataset, not raised.
    Raises LoadError only when `folder` does not exist or is not a folder.

    `progress(fraction)` is called between tables (0..1); when `should_cancel()` turns true
    the load stops at the next table and raises LoadCancelled.

    `previous` (the same folder's last load, on a reload): a table whose file now fails as a
    whole keeps its previous frame, listed in `Dataset.stale` (see core.stale)."""
    def step(fraction: float) -> None:
        if should_cancel is not None and should_cancel():
            raise LoadCancelled()
        if progress is not None:
            progress(fraction)

    folder = Path(folder)
    if not folder.exists():
        raise LoadError(f"文件夹不存在：{folder}", f"the folder does not exist: {folder}")
    if not folder.is_dir():
        raise LoadError(f"不是文件夹：{folder}", f"not a folder: {folder}")
    atomic.protect(folder)  # from now on nothing this process writes may land in it
    scan = scan_folder(folder)
    problems = list(scan.problems)
    tables: dict[str, pd.DataFrame] = {}
    stale: dict[str, Problem] = {}
    root = folder.resolve()
    step(0.0)
    declared = frozenset(declared_units(folder))  # zone.toml [[units]]: the folder's own units
    sections = declared_sections(folder)  # zone.toml [[sections]]: the section ids allowed
    for done, table in enumerate(TABLES):
        path = scan.files.get(table.name)
        real = None if path is None else _real_path(path, root)
        frame = None
        if real is not None:
            step(0.9 * done / len(TABLES))
            frame, found = _load_one(real, table, path.name, declared, sections)
            problems += found
        if frame is None:
            frame, stale_problem = carry_over(table, previous, problems, real is not None)
            if stale_problem is not None:
                stale[table.name] = stale_problem
                problems.append(stale_problem)
        if frame is not None:
            tables[table.name] = frame
    step(0.9)
    # The years the figures are for: the indicators' (a plan's 2020 target is not one).
    figure_years = _periods({"indicators": tables["indicators"]}) if "indicators" in tables \
        else set()
    manifest, found = _manifest(folder, root, figure_years or _periods(tables))
    problems += found + _against_manifest(manifest, tables, figure_years)
    indicators = tables["indicators"] if "indicators" in tables else empty_frame(TABLES[0])
    # Joined before the derivations, so the combined frame shares these one-chunk columns
    # (joined only after, it would hold a second copy of the text beside the table's).
    join_chunks(indicators)
    reported = figures(indicators)  # both the checks and the derivations start from these
    if "indicators" in tables:  # without them there is nothing to check the rules against
        file = indicators.attrs.get("file", "")
        left_out = file if any(p.is_error and p.file == file and p.row for p in problems) else ""
        problems += check_rules(indicators, tables.get("rules"), reported, left_out)
        problems += check_targets(indicators)  # targets no completion can come from
    combined, found = derive_indicators(indicators, tables.get("rules"), reported)
    problems += found
    add_list_names(tables, combined)  # "caiyuan_loans;…" reads as the indicators' names
    shown, found = folder_sections(manifest.sections, tables, combined)
    problems += found
    join_chunks(combined)  # the views take a few rows at a time from it (core/fast/chunks.py)
    if sum(len(f) for f in tables.values()) >= memory.BIG_LOAD_ROWS:
        memory.release_free_memory_soon()
    step(1.0)
    return Dataset(folder=folder, manifest=manifest, tables=tables, indicators=combined,
                   problems=problems, stale=stale, sections=shown)


def load_table(path: Path, table: Table, file: str, declared_units: frozenset[str] = frozenset(),
               sections: tuple[Section, ...] = ()) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One table file -> its typed frame (None when it cannot be used) and problems.
    `sections`: those the folder declares (its section columns are read against them)."""
    raw = read_table(path, file, sheet_names=(table.name, table.zh, table.en),
                     numbers=lambda header: number_columns(header, table))
    if not isinstance(raw, RawTable):
        return None, raw
    frame, problems = validate_table(raw, table, file, declared_units, sections)
    if frame is None:  # a published statistics table under a table's name: say what it is
        from zoneapp.core.tables.diagnose import diagnose_path

        problems = diagnose_path(path, file, path.parent, table=table) or problems
    return frame, problems


def _load_one(path: Path, table: Table, file: str, declared_units: frozenset[str] = frozenset(),
              sections: tuple[Section, ...] = ()) -> tuple[pd.DataFrame | None, list[Problem]]:
    """`load_table`, with any failure inside the file made that file's problem: the other
    files still load (a 200,000-character header, a parser's recursion, memory)."""
    try:
        return load_table(path, table, file, declared_units, sections)
    except (LoadCancelled, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 -- one file's failure must not stop the folder
        return None, [file_failed(file, exc)]


def file_failed(file: str, exc: BaseException) -> Problem:
    """A problem naming `file` and, in words, what went wrong reading it."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, RecursionError):
        zh, en = "嵌套层数过多，无法读取", "nested too deeply to be read"
    elif isinstance(exc, MemoryError):
        zh, en = "文件过大，内存不足，无法读取", "too large to read in the memory available"
    elif "field larger than field limit" in detail:
        zh, en = ("某个单元格（或表头）超过 131072 个字符，无法读取",
                  "a cell (or the header) is longer than 131,072 characters; the file cannot be read")
    else:
        zh, en = f"无法读取：{detail}", f"cannot be read: {detail}"
    return Problem(file, None, None, f"{zh}，未读取该文件", f"{en}; the file was not loaded",
                   "unreadable_file")


def _real_path(path: Path, root: Path) -> Path | None:
    """The file's real path when it is a regular file inside `root`; None otherwise."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a loop of links
        return None
    return real if real.is_relative_to(root) and real.is_file() else None


def _outside(path: Path) -> Problem:
    return Problem(
        path.name, None, None,
        "这是指向数据文件夹以外的链接（或已失效的链接），为安全起见未读取。请把文件本身复制到数据文件夹中。",
        "this is a link to a file outside the data folder (or a broken link); for safety it is "
        "not read. Copy the file itself into the data folder.", "outside_folder")


def _manifest(folder: Path, root: Path, periods: set[int]) -> tuple[Manifest, list[Problem]]:
    """`read_manifest`, unless zone.toml is a link out of the folder: then the fallback."""
    links = [p for p in folder.iterdir()
             if p.name.lower() == MANIFEST_NAME and p.is_symlink() and _real_path(p, root) is None]
    if not links:
        try:
            return read_manifest(folder, periods)
        except (LoadCancelled, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 -- zone.toml's failure is zone.toml's problem
            fallback = Manifest(name_zh=folder.name, name_en=folder.name,
                                periods=tuple(sorted(periods)))
            return fallback, [file_failed(MANIFEST_NAME, exc)]
    fallback = Manifest(name_zh=folder.name, name_en=folder.name, periods=tuple(sorted(periods)))
    return fallback, [_outside(p) for p in links]


def _against_manifest(manifest: Manifest, tables: dict[str, pd.DataFrame],
                      figure_years: set[int]) -> list[Problem]:
    """What the tables cite that zone.toml does not declare: a source id it does not list (the
    app could not show that source), and indicator years (`figure_years`) outside its
    `periods` (the header and the report would name the wrong years). Not checked where
    zone.toml declares none."""
    found: list[Problem] = []
    known = {s.id for s in manifest.sources}
    for name, frame in tables.items() if known else ():
        if "source_id" not in frame.columns or frame.empty:
            continue
        unknown = _first_rows(frame, {str(s) for s in frame["source_id"].unique()
                                      if not pd.isna(s)} - known - {""})
        header = frame.attrs.get("headers", {}).get("source_id", "source_id")
        file = frame.attrs.get("file", name)
        for row, source in sorted(unknown)[:MAX_PROBLEMS_PER_FILE]:
            found.append(Problem(
                file, row, header,
                f"来源“{source}”没有在 {MANIFEST_NAME} 的 [[sources]] 中登记，无法显示其出处",
                f"source '{source}' is not listed in {MANIFEST_NAME}'s [[sources]]; its details "
                "cannot be shown", "unknown_source", WARNING))
        found += more_problems(file, len(unknown))
    found += own_entity_problems(manifest.own_entity, tables.get("indicators"))
    declared = set(manifest.periods)
    missing = sorted(figure_years - declared) if declared else []
    if missing:
        listed = ", ".join(map(str, sorted(declared)))
        found.append(Problem(
            MANIFEST_NAME, None, None,
            f"periods 为 {listed}，未包括指标表中的 {'、'.join(map(str, missing))} 年",
            f"periods lists {listed} but the indicators also have {', '.join(map(str, missing))}",
            "periods_mismatch", WARNING))
    return found


def _first_rows(frame: pd.DataFrame, sources: set[str]) -> list[tuple[int, str]]:
    """(first row citing it, id) for each of `sources`: a compare per id when they are few, one
    factorisation when many (an id per row would make a million compares of a million)."""
    if not sources:
        return []
    cited, rows = frame["source_id"], frame["_row"].to_numpy()
    if len(sources) <= 8:
        return [(int(rows[np.argmax((cited == s).to_numpy(dtype=bool))]), s) for s in sources]
    codes, ids = pd.factorize(cited)
    firsts = np.flatnonzero(codes >= 0)[np.unique(codes[codes >= 0], return_index=True)[1]]
    return [(int(rows[at]), str(i)) for i, at in zip(ids, firsts) if str(i) in sources]


def _periods(tables: dict[str, pd.DataFrame]) -> set[int]:
    found: set[int] = set()
    for frame in tables.values():
        if "period" in frame.columns:
            found.update(int(p) for p in frame["period"].dropna().unique())
    return found


def _table_for(stem: str) -> Table | None:
    wanted = header_key(stem)
    return next((t for t in TABLES if wanted in (t.name, header_key(t.zh), header_key(t.en))), None)


def scan_folder(folder: Path) -> FolderScan:
    """Which file holds which table, with problems for missing, doubled and unusable files."""
    scan = FolderScan()
    candidates: dict[str, list[Path]] = {t.name: [] for t in TABLES}
    others: dict[str, list[Path]] = {t.name: [] for t in TABLES}
    root = folder.resolve()
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "~$")) or path.name.lower() == MANIFEST_NAME:
            continue
        if path.is_symlink() and path.suffix.lower() in TABLE_SUFFIXES + NOT_TABLE_SUFFIXES \
                and _real_path(path, root) is None:
            scan.problems.append(_outside(path))
            continue
        if not path.is_file():
            if path.suffix.lower() in TABLE_SUFFIXES and _table_for(path.stem) is not None:
                scan.problems.append(_not_regular(path))  # a folder or FIFO named like a table
            continue
        suffix = path.suffix.lower()
        if _hidden_txt(path):
            scan.problems.append(_hidden_extension(path))  # indicators.csv.txt
            continue
        table = _table_for(path.stem)
        if table is not None and suffix in TABLE_SUFFIXES:
            candidates[table.name].append(path)
        elif table is not None and suffix in NOT_TABLE_SUFFIXES:
            others[table.name].append(path)
        elif suffix in TABLE_SUFFIXES + NOT_TABLE_SUFFIXES or suffix not in _DOCUMENTS:
            scan.problems.append(_unknown_file(path, folder))
    for table in TABLES:
        chosen = _choose(table, candidates[table.name], scan.problems)
        for path in others[table.name]:
            scan.problems.append(_not_table_file(path, ERROR if chosen is None else WARNING))
        if chosen is not None:
            scan.files[table.name] = chosen
        elif table.required:
            scan.problems.append(Problem(
                f"{table.name}.csv", None, None,
                f"缺少必需的表“{table.zh}”：{table.name}.csv 或 {table.name}.xlsx",
                f"the required table '{table.en}' is missing: {table.name}.csv or {table.name}.xlsx",
                "missing_file"))
    return scan


def _choose(table: Table, paths: list[Path], problems: list[Problem]) -> Path | None:
    """The CSV over the xlsx, the exact name over another spelling; a warning when several."""
    if not paths:
        return None
    paths = sorted(paths, key=lambda p: (p.suffix.lower() != ".csv", p.stem != table.name, p.name))
    if len(paths) > 1:
        ignored = "、".join(p.name for p in paths[1:])
        problems.append(Problem(
            paths[0].name, None, None,
            f"“{table.zh}”有多个文件，使用 {paths[0].name}，忽略 {ignored}",
            f"several files hold '{table.en}': {paths[0].name} is used, "
            f"{', '.join(p.name for p in paths[1:])} ignored", "duplicate_file", WARNING))
    return paths[0]


def _hidden_txt(path: Path) -> bool:
    """indicators.csv.txt or zone.toml.txt, saved by Notepad with Windows hiding the .txt --
    and no file of the meant name beside it (a .bak or a shortcut is left alone)."""
    if path.suffix.lower() != ".txt":
        return False
    meant = Path(path.stem)
    names = meant.name.lower() == MANIFEST_NAME or (
        meant.suffix.lower() in TABLE_SUFFIXES and _table_for(meant.stem) is not None)
    return names and not (path.parent / meant.name).exists()


def _hidden_extension(path: Path) -> Problem:
    """A file saved as indicators.csv.txt: Windows hides the last extension by default, so the
    user sees indicators.csv and cannot tell why it is not read."""
    extra = path.suffix
    return Problem(
        path.name, None, None,
        f"文件名末尾多了“{extra}”（Windows 默认隐藏扩展名，所以看上去是 {path.stem}），未读取。"
        f"请把它改名为 {path.stem}",
        f"the name ends in an extra '{extra}' (Windows hides extensions by default, so it looks "
        f"like {path.stem}); not read. Rename it to {path.stem}", "hidden_extension", WARNING)


# Files a data folder may hold beside its tables without a word: notes for people.
_DOCUMENTS = (".md", ".txt", ".toml", ".pdf", ".doc", ".docx", ".png", ".jpg", ".jpeg")


def _unknown_file(path: Path, folder: Path) -> Problem:
    """A file that is none of the tables: what it looks like when it is a published statistics
    table (and the command that imports it), else that it is not read and why."""
    from zoneapp.core.tables.diagnose import diagnose_path

    if path.suffix.lower() in (".csv", ".xlsx", ".xls", ".tsv"):
        found = diagnose_path(path, path.name, folder, WARNING)
        if found:
            return found[0]
    if path.suffix.lower() in TABLE_SUFFIXES:
        return _unknown_table(path)
    return Problem(
        path.name, None, None, "不是数据文件夹中的表，未读取",
        "not one of the data folder's tables; not read", "unknown_file", WARNING)


def _not_regular(path: Path) -> Problem:
    kind_zh, kind_en = ("文件夹", "a folder") if path.is_dir() else ("特殊文件（如管道）",
                                                                  "a special file (e.g. a pipe)")
    return Problem(
        path.name, None, None, f"这是{kind_zh}，不是普通文件，未读取",
        f"this is {kind_en}, not a regular file; not read", "not_regular_file")


def _unknown_table(path: Path) -> Problem:
    expected = ", ".join(t.name for t in TABLES)
    return Problem(
        path.name, None, None, f"未知的表，已忽略。可用的表名：{expected}",
        f"unknown table, ignored. Expected names: {expected}", "unknown_table", WARNING)


def _not_table_file(path: Path, severity: str) -> Problem:
    if path.suffix.lower() in _OLD_EXCEL:
        how_zh = "请用 Excel 或 WPS 打开后另存为 .xlsx（或 CSV UTF-8）。"
        how_en = "Open it in Excel or WPS and save it as .xlsx (or CSV UTF-8)."
    else:
        how_zh, how_en = "请另存为 CSV（UTF-8）或 .xlsx。", "Save it as CSV (UTF-8) or .xlsx."
    return Problem(
        path.name, None, None, f"不是 CSV 或 xlsx 文件，未读取。{how_zh}",
        f"not a CSV or xlsx file; not read. {how_en}", "not_table_file", severity)
