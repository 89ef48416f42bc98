"""Command line: no command opens the window; validate, export and render work headless."""
from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
import os
import sys
from pathlib import Path

from . import __version__
from .core.io.encodings import DEFAULT_EXPORT_ENCODING, EXPORT_ENCODINGS
from .paths import DEFAULT_DATA
from .ui.palette import SCHEMES

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a tool cut off by `| head`

DESCRIPTION = """\
ZoneApp 园区指标看板 —— 浏览开发区的年度指标：表格、图表、导出到 Excel。
Browse a development zone's yearly indicators as tables and charts, and take them to Excel.

不带命令时打开窗口。Without a command, opens the window."""


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {text!r}") from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"size {text} is outside 320x240 … 7680x4320")
    return w, h


# Sub-commands repeat --data and --lang so they may follow the command; SUPPRESS keeps a
# sub-command's default from overwriting a value given before the command.
def _add_data(p: argparse.ArgumentParser, top: bool = False) -> None:
    # The top-level default is None so that the window can tell "not given" (then it opens
    # the folder open last time); main() fills in DEFAULT_DATA for the other commands.
    p.add_argument("--data", type=Path, default=None if top else argparse.SUPPRESS,
                   metavar="DIR", help="数据文件夹 / the data folder (default: the bundled data/; "
                                       "the window: the folder open last time)")


def _add_lang(p: argparse.ArgumentParser, top: bool = False) -> None:
    p.add_argument("--lang", choices=("zh", "en"), default=None if top else argparse.SUPPRESS,
                   help="语言 / language: zh 中文 (default; the window: the one chosen last "
                        "time) or en English")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zoneapp", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"ZoneApp {__version__}")
    _add_data(parser, top=True)
    _add_lang(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "validate", help="检查数据文件夹并列出问题 / check a data folder and list its problems",
        description="检查数据文件夹，每个问题一行：文件:行: 列: 说明；涉及整个文件的问题写作"
                    "“文件: 说明”。退出码：0 无错误，1 有错误，2 文件夹无法打开或用法错误。\n"
                    "Check a data folder; one problem per line as file:row: column: message, or "
                    "file: message for a problem with a whole file. Exit code 0 when there are "
                    "no errors, 1 when there are, 2 when the folder cannot be opened or the "
                    "command is misused.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir", nargs="?", type=Path, default=None, metavar="DIR",
                   help="数据文件夹 / the data folder (default: --data, or the bundled data/)")
    _add_lang(p)

    p = sub.add_parser(
        "export", help="把每张表导出为 CSV / write every table as a CSV file",
        description="把应用显示的每张表写成一个 CSV 文件，文件名为“板块_表名”。默认 UTF-8 带 BOM，"
                    "Excel 和 WPS 可直接打开；旧版 Excel 可选 gb18030。\n"
                    "Write every table the app shows as one CSV file named after its section and "
                    "table. UTF-8 with BOM by default, which Excel and WPS open with Chinese intact; "
                    "choose gb18030 for old Excel versions.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="输出文件夹 / where to write")
    _add_data(p)
    p.add_argument("--encoding", choices=EXPORT_ENCODINGS, default=DEFAULT_EXPORT_ENCODING,
                   help="编码 / encoding (default utf-8-sig: UTF-8 with BOM)")
    _add_lang(p)

    p = sub.add_parser(
        "render", help="把每个标签页渲染为 PNG / save a PNG of every tab",
        description="在后台渲染每个标签页，每页一个 PNG，无需显示器。\n"
                    "Render every tab offscreen, one PNG per tab; needs no display.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="输出文件夹 / where to write")
    _add_data(p)
    _add_lang(p)
    p.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH",
                   help="窗口大小 / window size (default 1280x800)")
    p.add_argument("--theme", choices=tuple(SCHEMES), default="light",
                   help="外观 / appearance: light 浅色 (default) or dark 深色")
    p.add_argument("--visible", action="store_true",
                   help="只渲染窗口内可见的部分 / only what fits the window "
                        "(default: each tab's whole page, as tall as it is)")

    p = sub.add_parser(
        "report", help="输出各板块的 PDF 报告 / write a PDF report of every section",
        description="在后台生成 PDF 报告：封面(园区、年份、来源)，然后每个板块的指标卡、图表和表格，"
                    "带页码和导出日期；无需显示器。\n"
                    "Write a PDF report offscreen: a title page (zone, period, sources), then each "
                    "section's KPI cards, charts and tables, with page numbers and the export "
                    "date; needs no display.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", type=Path, metavar="OUT.pdf", help="输出文件 / the PDF to write")
    _add_data(p)
    _add_lang(p)

    p = sub.add_parser(
        "summary", help="每个主要指标一句话，月报格式 / one sentence per headline figure",
        description="为所选期间的每个主要指标(各板块的指标卡)打印一句话，月度累计指标按月报格式："
                    "“1–10月，规上工业营业收入累计完成450.2亿元，同比增长9.8%，完成年度目标的"
                    "88.2%，高于时序进度4.9个百分点。”；年度指标如“2019年主营业务收入506.1亿元，"
                    "同比增长11.7%。”。退出码：0 成功，1 没有可写的指标，2 期间或文件夹有误。\n"
                    "Print one sentence per headline figure (each section's KPI cards) for the "
                    "chosen period; a year-to-date figure in the monthly report's form (\"In "
                    "January–October, … reached 45.02 bn yuan, up 9.8% year on year, 88.2% of "
                    "the annual target, 4.9 points ahead of the time elapsed.\"), a yearly one as "
                    "\"In 2019, main business revenue was 50.61 bn yuan, up 11.7% year on "
                    "year.\" Exit code 0 on success, 1 when there is no figure to report, 2 for a "
                    "bad period or folder.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_data(p)
    p.add_argument("--period", default=None, metavar="P",
                   help="期间 / the period: a year (2025), or the last month of the year to date "
                        "(2025-10, 2025-01..2025-10, 2025Q3, 2025H1); default: each figure's "
                        "latest")
    _add_lang(p)

    from .import_cli import add_parser as add_import  # import FILE --into DIR (#14)

    add_import(sub)
    return parser


def _problem_summary(errors: int, warnings: int, lang: str) -> str:
    if lang == "zh":
        return f"{errors} 个错误，{warnings} 个警告"
    return f"{errors} error(s), {warnings} warning(s)"


def _write_failed(target: Path, exc: OSError, lang: str) -> int:
    """Say which of the user's paths could not be written and why (the operating system's
    reason, not a temporary file's name); the exit code for a failed command."""
    reason = getattr(exc, "reason", None) or exc.strerror or str(exc)
    if lang == "zh":
        print(f"无法写入 {target}：{reason}", file=sys.stderr)
    else:
        print(f"cannot write {target}: {reason}", file=sys.stderr)
    return EXIT_ERRORS


def _write(target: Path, lang: str, write: Callable[[], list[Path]]) -> int:
    """Run a command's writer; print each file written, or say why `target` could not be."""
    try:
        written = write()
    except OSError as exc:
        return _write_failed(target, exc, lang)
    for path in written:
        print(path)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from .core.loading import load_dataset

    folder = args.dir if args.dir is not None else args.data
    ds = load_dataset(folder)
    for problem in ds.problems:
        print(problem.format(args.lang))
    errors = len(ds.errors)
    print(_problem_summary(errors, len(ds.problems) - errors, args.lang), file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from zoneapp.core.io.export import export_all
    from .core.loading import load_dataset

    ds = load_dataset(args.data)
    for problem in ds.problems:
        print(problem.format(args.lang), file=sys.stderr)
    return _write(args.out_dir, args.lang,
                  lambda: export_all(ds, args.out_dir, lang=args.lang, encoding=args.encoding))


def cmd_render(args: argparse.Namespace) -> int:
    from zoneapp.ui.window.render import render_tabs

    return _write(args.out_dir, args.lang,
                  lambda: render_tabs(args.out_dir, args.data, lang=args.lang, size=args.size,
                                      theme=args.theme, full_page=not args.visible))


def cmd_report(args: argparse.Namespace) -> int:
    from zoneapp.ui.output.report import report_cli

    return _write(args.out, args.lang, lambda: [report_cli(args.out, args.data, lang=args.lang)])


def cmd_summary(args: argparse.Namespace) -> int:
    from .core.loading import load_dataset
    from .core.periods import reported_periods
    from .summary_cli import parse_period, period_problem

    period = parse_period(args.period)
    if period is False:
        print(period_problem(args.period, args.lang), file=sys.stderr)
        return EXIT_USAGE
    ds = load_dataset(args.data)
    year, until = period or (None, None)
    if year is not None and year not in reported_periods(ds):
        print(period_problem(args.period, args.lang, reported_periods(ds)), file=sys.stderr)
        return EXIT_USAGE
    from .views.headlines import headline_sentences

    sentences = headline_sentences(ds, args.lang, year, until)
    for text in sentences:
        print(text)
    if not sentences:
        print("没有可写的指标" if args.lang == "zh" else "no figure to report", file=sys.stderr)
        return EXIT_ERRORS
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from .app import run_gui

    return run_gui(args.given_data, lang=args.given_lang)


def cmd_import(args: argparse.Namespace) -> int:
    from .import_cli import cmd_import as run

    return run(args)


COMMANDS = {"validate": cmd_validate, "export": cmd_export, "render": cmd_render,
            "report": cmd_report, "import": cmd_import, "summary": cmd_summary}


def main(argv: list[str] | None = None) -> int:
    from . import startup

    startup.arrow_system_pool()  # before pyarrow is imported: see zoneapp/startup.py
    # A Windows console may not speak UTF-8; a replaced character beats a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for a usage error
        return int(exc.code or 0)
    args.given_data, args.given_lang = args.data, args.lang  # None: the window remembers
    args.data = DEFAULT_DATA if args.data is None else args.data
    args.lang = args.lang or "zh"
    command = COMMANDS.get(args.command, cmd_gui)
    if command is not cmd_gui:  # cells' and names' escape sequences must not reach a terminal
        with _escaped_output():
            return _run(command, args)
    return _run(command, args)


class _Escaping:
    """A text stream that shows control characters as escapes (see core.textsafe)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from .core.textsafe import escape_controls

        return self._stream.write(escape_controls(text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextlib.contextmanager
def _escaped_output():
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Escaping(sys.stdout), _Escaping(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _run(command, args: argparse.Namespace) -> int:
    try:
        return command(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly, as Unix tools do, and keep Python
        # from failing again when it flushes stdout at exit.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # the command line never shows a traceback; say what failed
        from .core.problems import LoadError

        if isinstance(exc, LoadError):  # the folder itself is wrong: a usage error
            print(exc.message(args.lang), file=sys.stderr)
            return EXIT_USAGE
        print(f"zoneapp: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERRORS
