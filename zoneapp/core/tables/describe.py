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
_WHY_EN = {"空列": "empty", "文字列": "text", "增速列找不到对应的数值列": "a growth rate of no "
           "column of figures", "不导入": "not imported (your choice or the recipe's)"}


def describe(plan: Plan, lang: str = "zh", window: bool = False) -> list[str]:
    """`window`: said in the import dialog's terms, not the command's options."""
    zh = lang == "zh"
    g = plan.grid
    lines = [f"{plan.file}" + (f" · {'工作表' if zh else 'sheet'} “{g.sheet}”" if g.sheet else "")
             + (f"（{'已用默认密码解密' if zh else 'decrypted with the default password'}）"
                if g.decrypted else "")]
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
            lines.append(f"替换已有的 {m.replaced} 行（同一期间：{'、'.join(m.replaced_periods)}），"
                         "原文件备份到 backups/" if zh else
                         f"{m.replaced} existing rows are replaced (the same period: "
                         f"{', '.join(m.replaced_periods)}); the old file is kept in backups/")
    if plan.unknown_units:
        lines.append(f"新单位将在 zone.toml 中声明：{'、'.join(plan.unknown_units)}" if zh else
                     f"new units declared in zone.toml: {', '.join(plan.unknown_units)}")
    return lines


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
    kinds = {"month": ("本月", "month"), "ytd": ("累计", "year to date"), "": ("", "")}
    for c in plan.recipe.columns:
        if c.role != "measure" or c.col not in {m.col for m in shape.measures}:
            continue
        kind = kinds.get(c.value_kind, ("", ""))[0 if zh else 1]
        growth = next((m.growth_col for m in shape.measures if m.col == c.col), None)
        extra = (f"，{kind}" if kind and zh else f", {kind}" if kind else "") + (
            f"，{c.year}" if c.year and zh else f", {c.year}" if c.year else "") + (
            f"，增速在 {_col(growth)} 列" if growth is not None and zh else
            f", growth in column {_col(growth)}" if growth is not None else "") + (
            "，小数按百分比导入" if c.share and zh else ", fractions as per cent" if c.share else "")
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
    if planned.result.aggregates:
        lines.append(f"  {'合计行（不参与排名）' if zh else 'aggregates (never ranked)'}: "
                     f"{'、'.join(planned.result.aggregates[:10])}")
    for c, why in shape.skipped_cols:
        why = why if zh else _WHY_EN.get(why, why)
        lines.append(f"  {'忽略列' if zh else 'column skipped'} {_col(c)} “{shape.headers[c]}”: {why}")
    for row, why in planned.result.skipped[:10]:
        lines.append(f"  {'跳过第' if zh else 'row'} {row} {'行' if zh else 'skipped'}: {why}")
    if len(planned.result.skipped) > 10:
        more = len(planned.result.skipped) - 10
        lines.append(f"  ……另有 {more} 行跳过" if zh else f"  … and {more} more rows skipped")
    if shape.notes:
        lines.append(f"  {'表注（存入 zone.toml 的来源说明）' if zh else 'notes (kept in zone.toml)'}: "
                     f"{' '.join(shape.notes)[:120]}")
    return lines


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
