"""Settings: keys and defaults in one table, typed round trips, recent folders, a restart."""
from __future__ import annotations

import shutil

import pytest

from zoneapp import settings
from zoneapp.core.schema import SECTIONS
from zoneapp.paths import DEFAULT_DATA


def test_every_option_reads_its_default_when_unset(qapp):
    for key, option in settings.OPTIONS.items():
        assert settings.get(key) == option.default, key
    assert settings.get("ui/language") == "zh"
    assert settings.get("ui/theme") == "system"
    assert settings.get("export/encoding") == "utf-8-sig"


@pytest.mark.parametrize("key, value", [
    ("window/geometry", b"\x01\x02\x00binary"),
    ("window/last_tab", "financing"),
    ("data/recent_folders", ["/a", "/b"]),
    ("data/recent_folders", ["/only one"]),
    ("data/recent_folders", []),
    ("ui/language", "en"),
    ("ui/theme", "dark"),
    ("export/encoding", "gb18030"),
])
def test_values_round_trip_with_their_type(qapp, key, value):
    settings.set_value(key, value)
    assert settings.get(key) == value
    assert type(settings.get(key)) is type(value)


def test_settings_live_in_the_test_folder(qapp, _settings_in_tmp):
    settings.set_value("ui/language", "en")
    assert str(_settings_in_tmp) in settings.qsettings().fileName()


def test_bad_stored_values_read_as_the_default(qapp):
    store = settings.qsettings()
    store.setValue("ui/language", "fr")
    store.setValue("ui/theme", 42)
    store.sync()
    assert settings.get("ui/language") == "zh"
    assert settings.get("ui/theme") == "system"
    with pytest.raises(ValueError):
        settings.set_value("ui/theme", "purple")


def test_recent_folders_most_recent_first_pruned_and_capped(qapp, tmp_path):
    folders = []
    for i in range(settings.MAX_RECENT + 2):
        folder = tmp_path / f"zone {i}"
        folder.mkdir()
        folders.append(folder)
        settings.add_recent_folder(folder)
    recent = settings.recent_folders()
    assert recent == [f.resolve() for f in reversed(folders)][:settings.MAX_RECENT]
    settings.add_recent_folder(folders[-3])  # again: moves to the top, not doubled
    assert settings.recent_folders()[0] == folders[-3].resolve()
    assert len(settings.recent_folders()) == settings.MAX_RECENT
    shutil.rmtree(folders[-1])
    assert folders[-1].resolve() not in settings.recent_folders()
    assert str(folders[-1].resolve()) not in settings.get("data/recent_folders")
    assert settings.last_folder() == folders[-3].resolve()


def test_recent_menu_lists_folders_and_opens_one(qtbot, zone_app, tmp_path):
    from zoneapp.ui.window.main_window import MainWindow

    other = tmp_path / "other zone"
    shutil.copytree(DEFAULT_DATA, other)
    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    assert win.load_folder(DEFAULT_DATA)
    assert win.load_folder(other)
    win.recent_folders.fill_menu()
    texts = [a.text() for a in win.recent_folders.menu.actions() if a.text()]
    assert str(other.resolve()) in texts[0] and str(DEFAULT_DATA.resolve()) in texts[1]
    next(a for a in win.recent_folders.menu.actions() if str(DEFAULT_DATA.resolve()) in a.text()).trigger()
    qtbot.waitUntil(lambda: win.data_folder == DEFAULT_DATA.resolve(), timeout=20000)


def test_restarted_window_restores_geometry_tab_language_and_folder(qtbot, zone_app):
    from zoneapp.ui.i18n import install_translator
    from zoneapp.ui.window.main_window import MainWindow

    first = MainWindow(lang="zh")
    qtbot.addWidget(first)
    first.show()
    first.resize(960, 701)  # offscreen's screen is 800x800; 960 is the minimum width
    assert first.load_folder(DEFAULT_DATA)
    first.set_language("en")
    first.select_tab("relief")
    first.close()
    try:
        second = MainWindow()  # no language given: the remembered one
        qtbot.addWidget(second)
        second.show()
        assert second.lang == "en"
        assert second.action_open.text() == "&Open data folder…"
        assert (second.width(), second.height()) == (960, 701)
        assert second.tab_widget.currentIndex() == [s.code for s in SECTIONS].index("relief")
        assert settings.last_folder() == DEFAULT_DATA.resolve()
        assert second.load_folder(settings.last_folder())
        assert second.tab_widget.currentIndex() == [s.code for s in SECTIONS].index("relief")
        second.close()
    finally:
        install_translator(zone_app, "zh")


def test_render_window_leaves_the_settings_alone(qtbot, zone_app):
    from zoneapp.ui.window.main_window import MainWindow

    win = MainWindow(lang="en", remember=False)
    qtbot.addWidget(win)
    assert win.load_folder(DEFAULT_DATA)
    win.close()
    assert settings.get("data/recent_folders") == []
    assert settings.get("window/geometry") == b""
