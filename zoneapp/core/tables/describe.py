"""What an import understood, in words (zh or en): one line per finding, for the terminal and
the wizard; and what `validate` says about a file that is not one of the folder's tables."""
from __future__ import annotations

from pathlib import Path

from zoneapp.core.problems import WARNING, Problem
from .command import Plan
from .headers import column_letter  # noqa: F401 -- the preview's too
from .shape import TableShape


def _col(c: int | None) -> str:
    return "-" if c is None else column_letter(c)


# Why a column is left out (shape.skipped_cols, corrections.sync_shape), in English.
_WHY_EN = {"空列": "empty", "文字列": "text, not figures", "代码、序号或排名列": "codes, row numbers or ranks",
           "增速列找不到对应的数值列": "a growth column with no figures beside it",
           "不导入": "not imported (your choice or the recipe's)"}


def describe(plan: Plan, lang: str = "zh", window: bool = False) -> list[str]:
    """`window`: said in the import dialog's terms, not the command's options."""
    zh = lang == "zh"
    g = plan.grid
    lines = [f"{plan.file}" + (f" · {'工作表' if zh else 'sheet'} “{g.sheet}”" if g.sheet else "")
             + (f"（{'已用默认密码解密' if zh else 'decrypted with the default password'}）"
                if g.decrypted else "")]
    if g.passed_over:
        lines.append(f"工作表“{'”“'.join(g.passed_over)}”中没有数据表，读取了“{g.sheet}”" if zh else
                     f"no table in sheet '{', '.join(g.passed_over)}': read '{g.sheet}'")
    others = [s for s in g.sheets if s != g.sheet and s not in g.passed_over]
    if others:
        shown = "、".join(others[:8]) + ("……" if len(others) > 8 else "")
        how_zh, how_en = (("可在“工作表”框中选择", "choose one in the Sheet box") if window
                          else ("用 --sheet 名称 导入", "import one with --sheet NAME"))
        lines.append(f"工作簿中还有工作表：{shown}（{how_zh}）" if zh else
                     f"the workbook also holds: {', '.join(others[:8])}"
                     f"{' …' if len(others) > 8 else ''} ({how_en})")
    for row, c in g.damaged[:10]:
        lines.append(f"第 {row} 行 {_col(c)} 列有损坏的字节（不是有效的 GBK 或 UTF-8），此单元格留空、未导入"
                     if zh else f"row {row}, column {_col(c)} has damaged bytes (not valid GBK or "
                     "UTF-8): the cell is left blank and not imported")
    if len(g.damaged) > 10:
        more = len(g.damaged) - 10
        lines.append(f"……另有 {more} 个损坏的单元格" if zh else f"… and {more} more damaged cells")
    if len(plan.tables) > 1 and window:
        lines.append(f"工作表中有 {len(plan.tables)} 张表，全部导入（可在“表格”框中只选一张）" if zh
                     else f"the sheet holds {len(plan.tables)} tables; all are imported (choose "
                     "one in the Table box to import only it)")
    elif len(plan.tables) > 1:
        lines.append(f"工作表中有 {len(plan.tables)} 张表，全部导入（--table N 只导入第 N 张）" if zh else
                     f"the sheet holds {len(plan.tables)} tables; all are imported (--table N "
                     "imports only the Nth)")
    for t in plan.tables:
        lines += _table_lines(t.shape, t, plan, zh)
    status = {"new": ("新的表格类型：将保存配方", "a new kind of table: its recipe will be saved"),
              "same": ("与已保存的配方一致", "matches the saved recipe"),
              "changed": ("与已保存的配方相比有变化：", "changed since the saved recipe:")}[plan.recipe_status]
    lines.append(f"{'配方' if zh else 'recipe'} recipes/{plan.recipe_name}.toml: "
                 f"{status[0] if zh else status[1]}")
    lines += [f"  - {c[0] if zh else c[1]}" for c in plan.changes]
    m = plan.merged
    if m is not None:
        lines.append(f"将向 indicators.csv 添加 {m.added} 行" if zh else
                     f"{m.added} rows will be added to indicators.csv")
        if m.replaced:
            said = list(dict.fromkeys(_period_words(p, lang) for p in m.replaced_periods))
            lines.append(f"替换已有的 {m.replaced} 行（同一期间：{'、'.join(said)}），"
                         "原文件备份到 backups/" if zh else
                         f"{m.replaced} existing rows are replaced (the same period: "
                         f"{', '.join(said)}); the old file is kept in backups/")
    if plan.unknown_units:
        lines.append(f"新单位将在 zone.toml 中声明：{'、'.join(plan.unknown_units)}" if zh else
                     f"new units declared in zone.toml: {', '.join(plan.unknown_units)}")
    return lines


def _period_words(code: str, lang: str) -> str:
    """"2024 2024-03" (period and period_detail, as merge lists them) -> 2024年3月."""
    from zoneapp.core.periods import parse_period_detail

    year, _, detail = code.partition(" ")
    span = parse_period_detail(detail, int(year)) if year.isdigit() else None
    return span.label(lang) if span is not None else code


def _table_lines(shape: TableShape, planned, plan: Plan, zh: bool) -> list[str]:
    n = shape.number
    head = ", ".join(str(r + 1) for r in shape.header_rows)
    lines = [f"表 {n}：{shape.kind('zh')}，表头在第 {head} 行" if zh else
             f"table {n}: {shape.kind('en')}, header on row {head}"]
    if shape.title:
        lines.append(f"  {'标题' if zh else 'title'}: {' / '.join(shape.title)}")
    if shape.unit_line:
        lines.append(f"  {'单位行' if zh else 'unit line'}: {shape.unit_line}")
    span = planned.span
    lines.append(f"  {'期间' if zh else 'period'}: " + (span.label("zh" if zh else "en") if span else
                                                         ("列中的年份" if zh else "years in the table")))
    lines.append(f"  {'名称列' if zh else 'name column'}: {_col(shape.name_col)} “{shape.name_header}”"
                 + (f"，英文 {_col(shape.name_en_col)}" if zh and shape.name_en_col is not None else
                    f", English {_col(shape.name_en_col)}" if shape.name_en_col is not None else ""))
    if shape.period_col is not None:
        lines.append(f"  {'年份列' if zh else 'year column'}: {_col(shape.period_col)}")
    if shape.unit_col is not None:
        lines.append(f"  {'单位列' if zh else 'unit column'}: {_col(shape.unit_col)}")
    kinds = {"month": ("本月", "month"), "ytd": ("累计", "year to date"),
             "stock": ("期末数", "at the period's end"), "": ("", "")}
    runs = _year_runs(plan.recipe.columns, shape) if shape.rows_are != "measure" else {}
    for c in plan.recipe.columns:
        if c.col in runs:  # 省份 × 2015 … 2024: one line for the run of year columns
            last, years = runs[c.col]
            lines.append(f"  指标 {_col(c.col)}–{_col(last)} “{c.name_zh}” → {c.key} [{c.unit or '?'}]"
                         f"，{years[0]}–{years[-1]} 年（{len(years)} 列）" if zh else
                         f"  measure {_col(c.col)}–{_col(last)} '{c.name_zh}' → {c.key} "
                         f"[{c.unit or '?'}], {years[0]}–{years[-1]} ({len(years)} columns)")
            continue
        if c.col in runs.get("inside", ()):
            continue
        if c.role != "measure" or c.col not in {m.col for m in shape.measures}:
            continue
        kind = kinds.get(c.value_kind, ("", ""))[0 if zh else 1]
        growth = next((m.growth_col for m in shape.measures if m.col == c.col), None)
        extra = (f"，{kind}" if kind and zh else f", {kind}" if kind else "") + (
            f"，{c.year}" if c.year and zh else f", {c.year}" if c.year else "") + (
            f"，增速在 {_col(growth)} 列" if growth is not None and zh else
            f", growth in column {_col(growth)}" if growth is not None else "") + (
            "，小数按百分比导入" if c.share and zh else ", fractions as per cent" if c.share else "") + (
            f"，表中单位为{c.table_unit}，按配方换算为{c.unit}" if c.table_unit and zh else
            f", written in {c.table_unit} in the table, converted to the recipe's {c.unit}"
            if c.table_unit else "")
        if shape.rows_are == "measure":  # the row names the indicator; the column its kind
            lines.append(f"  {'数值列' if zh else 'value column'} {_col(c.col)} “{c.header}”"
                         f"{extra}")
            continue
        lines.append(f"  {'指标' if zh else 'measure'} {_col(c.col)} “{c.name_zh}” → {c.key} "
                     f"[{c.unit or '?'}]{extra}")
    if shape.rows_are == "measure":
        found = planned.result.rows.drop_duplicates("name_zh")
        names = [f"{n} → {k} [{u}]" for n, k, u in found[["name_zh", "key", "unit"]].itertuples(
            index=False)]
        lines.append(f"  {'每行一个指标' if zh else 'one indicator per row'}: {'；'.join(names[:8])}"
                     + ("……" if len(names) > 8 else ""))
    for name, was, now in planned.result.converted[:10]:
        lines.append(f"  “{name}”表中单位为{was}，按配方换算为{now}" if zh else
                     f"  '{name}' written in {was}, converted to the recipe's {now}")
    if planned.result.aggregates:
        lines.append(f"  {'合计行（不参与排名）' if zh else 'aggregates (never ranked)'}: "
                     f"{'、'.join(planned.result.aggregates[:10])}")
    for c, why in shape.skipped_cols:
        lines.append(f"  {'忽略列' if zh else 'column skipped'} {_col(c)} “{shape.headers[c]}”: "
                     f"{why if zh else _WHY_EN.get(why, why)}")
    for row, why in planned.result.skipped[:10]:
        lines.append(f"  {'跳过第' if zh else 'row'} {row} {'行' if zh else 'skipped'}: {why}")
    if len(planned.result.skipped) > 10:
        more = len(planned.result.skipped) - 10
        lines.append(f"  ……另有 {more} 行跳过" if zh else f"  … and {more} more rows skipped")
    if planned.result.no_figure:
        lines.append(f"  无数据的单元格（空白或“-”“…”）：{planned.result.no_figure} 个，未导入" if zh
                     else f"  cells with no figure (blank, '-', '…'): {planned.result.no_figure}, "
                     "not imported")
    bad = planned.result.bad_cells
    for row, c, text in bad[:10]:
        lines.append(f"  第 {row} 行 {_col(c)} 列 “{text}”：不是数字，未导入" if zh else
                     f"  row {row}, column {_col(c)}: '{text}' is not a number; not imported")
    if len(bad) > 10:
        lines.append(f"  ……另有 {len(bad) - 10} 个单元格不是数字" if zh else
                     f"  … and {len(bad) - 10} more cells that are not numbers")
    if shape.notes:
        lines.append(f"  {'表注（存入 zone.toml 的来源说明）' if zh else 'notes (kept in zone.toml)'}: "
                     f"{' '.join(shape.notes)[:120]}")
    return lines


def _year_runs(columns, shape: TableShape) -> dict:
    """Runs of three or more adjacent year columns of one measure (same key, unit, kind, no
    growth column): first col -> (last col, years); "inside" -> the cols the run covers."""
    growth = {m.col for m in shape.measures if m.growth_col is not None}
    found = {m.col for m in shape.measures}
    cols = [c for c in columns if c.role == "measure" and c.col in found]
    runs, inside, i = {}, set(), 0
    while i < len(cols):
        j = i
        while (j + 1 < len(cols) and cols[i].year and cols[j + 1].year
               and cols[j + 1].col == cols[j].col + 1 and cols[j + 1].year == cols[j].year + 1
               and (cols[j + 1].key, cols[j + 1].unit, cols[j + 1].value_kind)
               == (cols[i].key, cols[i].unit, cols[i].value_kind)
               and not {cols[i].col, cols[j + 1].col} & growth):
            j += 1
        if j - i >= 2:
            runs[cols[i].col] = (cols[j].col, [c.year for c in cols[i:j + 1]])
            inside.update(c.col for c in cols[i + 1:j + 1])
        i = j + 1
    if runs:
        runs["inside"] = inside
    return runs


def diagnose(path: Path, file: str, folder: Path) -> Problem | None:
    """A file that is not one of the folder's tables but looks like a published statistics
    table: what it looks like and the command that imports it. None when it does not."""
    from .grid import ImportFailed, read_grid
    from .shape import find_tables
    import pandas as pd

    try:
        grid = read_grid(path, file=file, max_rows=400)
        shapes = find_tables(grid, pd.DataFrame(grid.rows))
    except ImportFailed:
        return None
    except Exception:  # noqa: BLE001 -- a diagnosis must never stop validate
        return None
    s = shapes[0]
    head = ", ".join(str(r + 1) for r in s.header_rows)
    command = f"python main.py import \"{path}\" --into \"{folder}\""
    more_zh = f"（共 {len(shapes)} 张表）" if len(shapes) > 1 else ""
    more_en = f" ({len(shapes)} tables)" if len(shapes) > 1 else ""
    return Problem(file, None, None,
                   f"这不是应用的数据表，而像一张{s.kind('zh')}，表头在第 {head} 行{more_zh}：请用 {command} 导入",
                   f"not one of the app's tables: it looks like {s.kind('en')} with its header on "
                   f"row {head}{more_en}: import it with {command}", "statistics_table", WARNING)
