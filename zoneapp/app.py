"""The desktop application: QApplication, fonts (zoneapp/ui/fonts.py), translator, main window,
deferred loading."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from . import gc_pause, paths

NO_DISPLAY_MESSAGE = """\
ZoneApp: 没有可用的图形显示(未设置 DISPLAY 或 WAYLAND_DISPLAY),无法打开窗口。
无界面环境下请使用命令行:
  python main.py render OUT_DIR   每个标签页渲染为一张 PNG
  python main.py report OUT.pdf   输出各板块的 PDF 报告
  python main.py export OUT_DIR   将所有表格导出为 CSV
  python main.py validate [DIR]   检查数据文件夹并列出问题

ZoneApp: no graphical display is available (neither DISPLAY nor WAYLAND_DISPLAY is set),
so the window cannot open. For headless use, run:
  python main.py render OUT_DIR   render every tab to a PNG
  python main.py report OUT.pdf   write a PDF report of every section
  python main.py export OUT_DIR   export every table to CSV
  python main.py validate [DIR]   check a data folder and list its problems
(To force Qt's offscreen platform anyway, set QT_QPA_PLATFORM=offscreen.)"""

def has_display() -> bool:
    """False on Linux when no X11/Wayland display is set and no Qt platform is forced."""
    if not sys.platform.startswith("linux"):
        return True
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def skip_feature_scan() -> bool:
    """Drop PySide6's `__feature__` import hook, which ZoneApp does not use; True if dropped.

    Importing PySide6 wraps builtins.__import__ so that `from __feature__ import snake_case`
    works; the wrapper reads the source of every module imported afterwards to see whether
    it mentions PySide6, which costs about 0.1 s of start-up for pandas alone. No module here
    (nor pyqtgraph) imports __feature__. PySide6's own lazy import, which the wrapper calls
    next (as builtins.__orig_import__), stays in place."""
    import builtins

    wrapped = getattr(builtins, "__orig_import__", None)
    if wrapped is None or getattr(builtins.__import__, "__name__", "") != "__feature_import__":
        return False  # another PySide6, or already done
    builtins.__import__ = wrapped
    return True


def create_application(argv: list[str] | None = None, lang: str = "zh"):
    """The one QApplication, created on first call, with fonts and translator installed."""
    from PySide6.QtWidgets import QApplication

    skip_feature_scan()
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
        app.setApplicationName("ZoneApp")
        app.setOrganizationName("ZoneApp")
        app.setApplicationDisplayName("园区指标看板" if lang == "zh" else "ZoneApp")
        from zoneapp.ui.window.desktop import app_icon

        app.setWindowIcon(app_icon())
    from zoneapp.ui.fonts import install_fonts

    install_fonts()  # see zoneapp/ui/fonts.py: the same choice on every machine
    install_translator(app, lang)
    return app


_translators: list = []


def install_translator(app, lang: str) -> bool:
    """Chinese: ZoneApp's own translations plus Qt's (dialog buttons). English needs none."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ok = True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("zoneapp_zh_CN", str(paths.I18N)), ("qtbase_zh_CN", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            ok = False
    return ok


def run_gui(data_dir: Path | None = None, lang: str | None = None) -> int:
    """Open the main window, then load `data_dir` once the window has painted.

    None: the language and the data folder remembered from last time (else Chinese and the
    bundled data/)."""
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    gc_pause.pause()  # until the first data is shown: see zoneapp/gc_pause.py
    from PySide6.QtCore import QTimer

    from . import settings

    lang = lang or settings.get("ui/language")
    data_dir = data_dir or settings.last_folder() or paths.DEFAULT_DATA
    app = create_application(sys.argv[:1], lang)
    from zoneapp.ui.window.main_window import MainWindow

    window = MainWindow(lang=lang)  # restores the remembered geometry, tab and theme
    from .crashlog import install_excepthook

    install_excepthook(lambda: window)  # an uncaught error: a log entry and a message, no exit
    if not settings.get("window/geometry"):
        window.resize(1280, 800)
    if os.environ.get("ZONEAPP_BENCH") == "1":  # bench/run.py: report paint and ready, quit
        from zoneapp.ui.window.bench_probe import install

        install(window)
    window.show()
    resume_gc_after_first_load(window)
    QTimer.singleShot(0, lambda: window.load_folder_in_background(Path(data_dir)))
    return app.exec()


def resume_gc_after_first_load(window) -> None:
    """`gc_pause.resume` once the window's first load is shown (freezing what exists when
    that data is small), has failed or was cancelled, or after RESUME_AFTER_MS."""
    from PySide6.QtCore import QTimer

    from zoneapp.core.fast.memory import BIG_LOAD_ROWS

    def shown(dataset) -> None:
        window.sig_dataset_loaded.disconnect(shown)
        small = sum(len(frame) for frame in dataset.tables.values()) < BIG_LOAD_ROWS
        QTimer.singleShot(0, lambda: gc_pause.resume(freeze=small))

    window.sig_dataset_loaded.connect(shown)
    for ended in (window.loader.sig_failed, window.loader.sig_cancelled):
        ended.connect(lambda *_: gc_pause.resume(freeze=False))
    QTimer.singleShot(gc_pause.RESUME_AFTER_MS, lambda: gc_pause.resume(freeze=False))
