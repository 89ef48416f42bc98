"""Render every tab of the main window to a PNG, offscreen: `python main.py render OUT_DIR`."""
from __future__ import annotations

import os
from pathlib import Path

from zoneapp.app import create_application, has_display
from zoneapp.core.io.atomic import refuse_protected
from zoneapp.core.schema import SECTIONS
from zoneapp.ui.output.images import save_png
from zoneapp.ui.output.tracebacks import fail_on_tracebacks


def render_tabs(out_dir: Path, data_dir: Path, lang: str = "zh",
                size: tuple[int, int] = (1280, 800), theme: str = "light") -> list[Path]:
    """`_render_tabs`, failing (DrawingFailed) when anything raised while the tabs were drawn."""
    with fail_on_tracebacks():
        return _render_tabs(out_dir, data_dir, lang, size, theme)


def _render_tabs(out_dir: Path, data_dir: Path, lang: str = "zh",
                 size: tuple[int, int] = (1280, 800), theme: str = "light") -> list[Path]:
    """Write `NN_<section>.png` per tab (what a user sees at `size`, in the "light" or "dark"
    theme), each atomically; return the paths. The user's remembered settings are neither
    used nor changed.

    Raises LoadError when `data_dir` cannot be opened at all, OSError when a file cannot be
    written.
    """
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_application(None, lang)
    from zoneapp.core.loading import load_dataset
    from zoneapp.ui.window.main_window import MainWindow

    dataset = load_dataset(Path(data_dir))
    out_dir = Path(out_dir)
    refuse_protected(out_dir)  # before mkdir: not even an empty folder inside the data
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(lang=lang, remember=False, theme_mode=theme)
    try:
        window.resize(*size)
        window.show()
        window.set_dataset(dataset)
        window.problems_dock.hide()  # a rendered page shows the tabs; problems are in `report`
        app.processEvents()
        written = []
        for index, section in enumerate(SECTIONS):
            window.tab_widget.setCurrentIndex(index)
            window.tab(section.code)  # filled when shown; made sure of before the grab
            for _ in range(3):
                app.processEvents()
            path = out_dir / f"{index + 1:02d}_{section.code}.png"
            written.append(save_png(window.grab(), path))
        return written
    finally:
        window.close()
        window.deleteLater()
        if theme != "light":
            from zoneapp.ui.theme import apply_theme

            apply_theme("light")
        app.processEvents()
