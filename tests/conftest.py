"""Shared test setup: Qt offscreen, QSettings in a temporary folder, fonts registered once."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The shipped CJK font whatever the machine has (zoneapp/ui/fonts.py): what the tests read
# from PDFs, SVGs and images must not depend on the fonts installed. Subprocesses inherit it.
os.environ["ZONEAPP_FONTS"] = "bundled"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path_factory, monkeypatch):
    """Every test has its own empty cache folder (QStandardPaths' CacheLocation, where the
    window keeps the last loads): no test opens a folder from another test's load."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path_factory):
    """Every test reads and writes QSettings under a fresh temporary folder."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


@pytest.fixture(scope="session")
def zone_app(qapp):
    """The session's QApplication with the CJK font registered and the Chinese translator."""
    from zoneapp.ui.fonts import install_fonts
    from zoneapp.ui.i18n import install_translator

    install_fonts()
    install_translator(qapp, "zh")
    return qapp


@pytest.fixture(scope="session")
def default_dataset():
    """The default data folder, loaded once per session."""
    from zoneapp.core.loading import load_dataset
    from zoneapp.paths import DEFAULT_DATA

    return load_dataset(DEFAULT_DATA)


@pytest.fixture(autouse=True)
def _chinese_after_each_test():
    """A test that switches the app to English must not leave the next test in English."""
    yield
    import sys

    i18n = sys.modules.get("zoneapp.ui.i18n")
    if i18n is None:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None and not i18n.installed_translators():
        i18n.install_translator(app, "zh")
    from zoneapp.ui import palette

    palette.set_growth_colours("red_up")  # an English window made a rise green
    if app is not None:  # deferred deletes and posted events belong to this test, not the next
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


@pytest.fixture
def zone_folder(tmp_path):
    """A copy of the default data folder that a test may change (saves, reloads)."""
    import shutil

    from zoneapp.paths import DEFAULT_DATA

    folder = tmp_path / "zone"
    shutil.copytree(DEFAULT_DATA, folder)
    return folder


@pytest.fixture
def main_window(qtbot, zone_app):
    """A Chinese main window at 1280×800, shown and exposed, with no data loaded yet."""
    from zoneapp.ui.window.main_window import MainWindow

    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win
