"""FolderLoader: a folder loads off the UI thread; failures and cancels keep the data shown."""
from __future__ import annotations

from pathlib import Path

from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.window.load_worker import FolderLoader, LoadStatus


def test_loads_in_background_with_busy_progress(qtbot):
    loader = FolderLoader()
    status = LoadStatus(loader)
    qtbot.addWidget(status)
    progress = []
    loader.sig_progress.connect(progress.append)
    with qtbot.waitSignal(loader.sig_loaded, timeout=30000) as blocker:
        loader.start(DEFAULT_DATA)
        assert loader.is_loading() and not status.isHidden()
    assert Path(blocker.args[0].folder) == DEFAULT_DATA
    assert "indicators" in blocker.args[0].tables
    assert progress and progress[0] == -1.0
    assert not loader.is_loading() and status.isHidden()
    assert loader.wait()


def test_missing_folder_fails_with_the_reason(qtbot, tmp_path):
    loader = FolderLoader()
    with qtbot.waitSignal(loader.sig_failed, timeout=30000) as blocker:
        loader.start(tmp_path / "nowhere")
    assert blocker.args[0] == tmp_path / "nowhere"
    assert "nowhere" in str(blocker.args[1].message("en"))
    assert loader.wait()


def test_cancelled_load_delivers_nothing(qtbot):
    loader = FolderLoader()
    loaded = []
    loader.sig_loaded.connect(loaded.append)
    with qtbot.waitSignal(loader.sig_cancelled):
        loader.start(DEFAULT_DATA)
        loader.cancel()
    assert loader.wait()
    qtbot.wait(50)  # any queued result has been delivered by now, and dropped
    assert loaded == [] and not loader.is_loading()


def test_window_keeps_previous_data_when_a_load_is_cancelled(qtbot, monkeypatch):
    from zoneapp.ui.window.main_window import MainWindow

    window = MainWindow(lang="zh")
    qtbot.addWidget(window)
    assert window.load_folder(DEFAULT_DATA)
    shown = window.dataset
    window.load_folder_in_background(DEFAULT_DATA)
    window.loader.cancel()
    assert window.loader.wait()
    qtbot.wait(50)
    assert window.dataset is shown
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    with qtbot.waitSignal(window.loader.sig_failed, timeout=30000):
        window.load_folder_in_background(Path("/nonexistent/zone"))
    assert errors and "/nonexistent/zone" in errors[0]
    assert window.dataset is shown


def test_an_unchanged_folder_opens_from_its_last_load(qtbot, zone_folder, tmp_path, monkeypatch):
    from zoneapp.core import loading

    real, read = loading.load_dataset, []
    monkeypatch.setattr(loading, "load_dataset",
                        lambda folder, **kw: read.append(folder) or real(folder, **kw))
    loaded = []
    for _ in range(2):
        loader = FolderLoader(cache_dir=tmp_path / "cache")
        with qtbot.waitSignal(loader.sig_loaded, timeout=30000) as blocker:
            loader.start(zone_folder)
        assert loader.wait()
        loaded.append(blocker.args[0])
    assert read == [zone_folder]  # the second start read the copy
    assert loaded[1].folder == zone_folder
    assert loaded[1].tables["indicators"].equals(loaded[0].tables["indicators"])
    (zone_folder / "honours.csv").unlink()
    loader = FolderLoader(cache_dir=tmp_path / "cache")
    with qtbot.waitSignal(loader.sig_loaded, timeout=30000) as blocker:
        loader.start(zone_folder)
    assert loader.wait()
    assert read == [zone_folder, zone_folder] and "honours" not in blocker.args[0].tables


def test_the_window_keeps_loads_in_the_user_cache_unless_told_not_to(qtbot, tmp_path,
                                                                    monkeypatch):
    from zoneapp.ui.window.load_worker import load_cache_dir
    from zoneapp.ui.window.main_window import MainWindow

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    where = load_cache_dir()
    assert where is not None and (tmp_path / "xdg") in where.parents
    window = MainWindow(lang="zh")
    qtbot.addWidget(window)
    assert window.loader.cache_dir == where
    monkeypatch.setenv("ZONEAPP_PLAIN_START", "1")
    assert load_cache_dir() is None
