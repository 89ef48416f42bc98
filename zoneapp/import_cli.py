"""`zoneapp import FILE --into DIR`: print what was understood, ask unless the table's recipe
matches (or --yes), write atomically. Exit 0 written, 1 refused or failed, never a traceback."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_ERRORS = 0, 1


def add_parser(sub) -> None:
    p = sub.add_parser(
        "import", help="导入统计报表 / bring a published statistics table into a data folder",
        description="读取统计年鉴、月报等表格（.xlsx、.xls、CSV），找出表头、名称列和指标，转成数据文件夹的"
                    "长表行；先说明理解的内容，确认后写入。同类表的配方保存在 DIR/recipes/，下次无需再问。\n"
                    "Read a published table (.xlsx, .xls, CSV), find its header, name column and "
                    "measures, and turn it into the folder's long rows; say what was understood "
                    "and ask before writing. The recipe is saved in DIR/recipes/: the next file "
                    "of the same shape imports without questions.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", type=Path, metavar="FILE", help="要导入的表格 / the table to import")
    p.add_argument("--into", type=Path, required=True, metavar="DIR",
                   help="数据文件夹（不存在时新建）/ the data folder (created when missing)")
    p.add_argument("--sheet", metavar="NAME", help="工作表名 / the sheet (default: the first)")
    p.add_argument("--table", type=int, metavar="N",
                   help="工作表中有多张表时只导入第 N 张 / only the Nth of stacked tables")
    p.add_argument("--period", metavar="P", help="表中没写期间时指定 / the period when the table "
                   "names none: 2023, 2023Q1, 2023H1, 2023-05, 2023-01..2023-11")
    p.add_argument("--section", metavar="CODE", help="板块 / the tab: overview, innovation …")
    p.add_argument("--unit", metavar="UNIT", help="表中没写单位时指定 / the unit when none is written")
    p.add_argument("--yes", action="store_true", help="不询问，直接写入 / write without asking")
    p.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS)


def cmd_import(args: argparse.Namespace) -> int:
    from zoneapp.core.tables.command import commit, plan_import
    from zoneapp.core.tables.describe import describe
    from zoneapp.core.tables.grid import ImportFailed

    zh = args.lang == "zh"
    if args.into.exists() and not args.into.is_dir():  # a table given as --into by mistake
        print(f"{args.into}: 这不是文件夹；--into 应是数据文件夹（不存在时新建）" if zh else
              f"{args.into}: not a folder; --into takes a data folder (made when missing)",
              file=sys.stderr)
        print("未写入任何文件。" if zh else "nothing was written.", file=sys.stderr)
        return EXIT_ERRORS
    try:
        plan = plan_import(args.file, args.into, sheet=args.sheet, table=args.table,
                           period=args.period, section=args.section, unit=args.unit,
                           next_sheet=True)
    except ImportFailed as err:
        print(err.message(args.lang), file=sys.stderr)
        print("未写入任何文件。" if zh else "nothing was written.", file=sys.stderr)
        return EXIT_ERRORS
    for line in describe(plan, args.lang):
        print(line)
    if plan.asks and not args.yes and not _confirm(zh):
        print("未写入任何文件。" if zh else "nothing was written.", file=sys.stderr)
        return EXIT_ERRORS
    try:
        written = commit(plan)
    except OSError as exc:
        reason = getattr(exc, "reason", None) or exc.strerror or str(exc)
        target = getattr(exc, "target", args.into)
        print(f"无法写入 {target}：{reason}" if zh else f"cannot write {target}: {reason}",
              file=sys.stderr)
        return EXIT_ERRORS
    for path in written:
        print(("已写入 " if zh else "written ") + str(path))
    backup = next((p for p in written if p.parent.name == "backups"), None)
    if backup is not None:
        print(f"如需恢复：把 {backup} 复制回 {Path(args.into) / 'indicators.csv'}" if zh else
              f"to undo: copy {backup} back over {Path(args.into) / 'indicators.csv'}")
    return EXIT_OK


def _confirm(zh: bool) -> bool:
    prompt = "写入？[y/N] " if zh else "Write? [y/N] "
    try:
        answer = input(prompt)
    except EOFError:
        print("\n（没有输入：加 --yes 可直接写入）" if zh else "\n(no input: add --yes to write)",
              file=sys.stderr)
        return False
    return answer.strip().lower() in ("y", "yes", "是", "好")
