"""Measure a language and a theme switch on the seed data, in the app's own window.

Run by bench/run.py in a fresh process. Usage: python bench/switch_child.py DATA_DIR REPEATS
Prints `ZONEAPP_BENCH switch_language=<s>` and `switch_theme=<s>` per repeat: the time from
the user's choice until the current tab has painted again in the new language or colours.
"""
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from zoneapp.app import create_application  # noqa: E402
from zoneapp.ui.window.main_window import MainWindow  # noqa: E402


def emit(key: str, value: float) -> None:
    print(f"ZONEAPP_BENCH {key}={value:.6f}", flush=True)


def painted(window) -> None:
    """Until everything the switch posted is handled and the window has painted."""
    app = QApplication.instance()
    app.processEvents()
    window.repaint()  # paints now, the current tab's cards, charts and tables included
    app.processEvents()


def main() -> None:
    folder, repeats = Path(sys.argv[1]), int(sys.argv[2])
    create_application(sys.argv[:1], "zh")
    window = MainWindow(lang="zh", remember=False, theme_mode="light")
    window.resize(1280, 800)
    window.show()
    window.load_folder(folder)
    painted(window)
    for _ in range(repeats):
        for lang in ("en", "zh"):
            start = time.perf_counter()
            window.set_language(lang)
            painted(window)
            emit("switch_language", time.perf_counter() - start)
        for mode in ("dark", "light"):
            start = time.perf_counter()
            window.set_theme(mode, save=False)
            painted(window)
            emit("switch_theme", time.perf_counter() - start)
    window.close()


if __name__ == "__main__":
    main()
