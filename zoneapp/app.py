"""The desktop application: QApplication, fonts (zoneapp/ui/fonts.py), translator, main window,
deferred loading."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from . import paths, startup
from .ui.application import create_application, has_display  # noqa: F401 (the app's own)

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


# A window closed during a load: how long the process waits for the load to stop.
EXIT_WAIT_MS = 10_000


def run_gui(data_dir: Path | None = None, lang: str | None = None) -> int:
    """Open the main window, then load `data_dir` once the window has painted.

    None: the language and the data folder remembered from last time (else Chinese and the
    bundled data/)."""
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    startup.pause_gc()  # until the first data is shown: see zoneapp/startup.py
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
    code = app.exec()
    from zoneapp.ui.window.load_worker import wait_for_running_loads

    if not wait_for_running_loads(EXIT_WAIT_MS):  # a load still reading: leave without
        sys.stdout.flush()                         # destroying its thread (settings are
        sys.stderr.flush()                         # already on disk: each is synced)
        os._exit(code)
    return code


def resume_gc_after_first_load(window) -> None:
    """`startup.resume_gc` once the window's first load is shown (freezing what exists when
    that data is small), has failed or was cancelled, or after RESUME_AFTER_MS."""
    from PySide6.QtCore import QTimer

    from zoneapp.core.fast.memory import BIG_LOAD_ROWS

    def shown(dataset) -> None:
        window.sig_dataset_loaded.disconnect(shown)
        small = sum(len(frame) for frame in dataset.tables.values()) < BIG_LOAD_ROWS
        QTimer.singleShot(0, lambda: startup.resume_gc(freeze=small))

    window.sig_dataset_loaded.connect(shown)
    for ended in (window.loader.sig_failed, window.loader.sig_cancelled):
        ended.connect(lambda *_: startup.resume_gc(freeze=False))
    QTimer.singleShot(startup.RESUME_AFTER_MS, lambda: startup.resume_gc(freeze=False))
