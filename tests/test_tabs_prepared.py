"""The other tabs' views are made in idle time once the current tab has painted, so that a
switch only builds widgets (ui/window/section_tabs.py, SectionPage.prepare)."""
from __future__ import annotations

from pathlib import Path

from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.tabs import page as page_module


def _counting(monkeypatch) -> list[str]:
    """Every section_view a page makes from now on, by section."""
    made: list[str] = []
    real = page_module.section_view

    def counted(dataset, code, *args, **kwargs):
        made.append(code)
        return real(dataset, code, *args, **kwargs)

    monkeypatch.setattr(page_module, "section_view", counted)
    return made


def _prepared(window) -> set[str]:
    return {code for code, page in window.tabs.pages.items() if page._views}


def test_views_of_the_other_tabs_are_made_while_idle_and_used_by_a_switch(
        main_window, qtbot, monkeypatch):
    window = main_window
    made = _counting(monkeypatch)
    assert window.load_folder(DEFAULT_DATA)
    codes = window.tabs.section_codes()
    current = window.current_code()
    qtbot.waitUntil(lambda: _prepared(window) == set(codes), timeout=5000)
    # Prepared, not filled: no widgets were made for the tabs not shown.
    assert sorted(made) == sorted(codes)
    others = [c for c in codes if c != current]
    assert not any(window.tabs.is_filled(c) for c in others)
    assert all(not window.tabs.pages[c].kpis for c in others)

    window.select_tab(others[0])
    page = window.tab(others[0])
    assert page.kpis and window.tabs.is_filled(others[0])
    assert sorted(made) == sorted(codes)  # the switch made no view of its own


def test_a_language_switch_prepares_the_other_tabs_again(main_window, qtbot, monkeypatch):
    window = main_window
    assert window.load_folder(DEFAULT_DATA)
    codes = window.tabs.section_codes()
    qtbot.waitUntil(lambda: _prepared(window) == set(codes), timeout=5000)
    made = _counting(monkeypatch)
    window.set_language("en")
    qtbot.waitUntil(lambda: sorted(made) == sorted(codes), timeout=5000)
    other = next(c for c in codes if c != window.current_code())
    window.select_tab(other)
    assert window.tab(other).view.lang == "en"
    assert sorted(made) == sorted(codes)
    window.set_language("zh")


def test_a_view_that_fails_while_idle_is_made_again_when_its_tab_is_opened(
        main_window, qtbot, monkeypatch):
    """An error in idle time is not shown then (nothing the user did), the other tabs are
    still prepared, and opening the tab makes its view again (where an error would show)."""
    window = main_window
    real = page_module.section_view
    tried: list[str] = []

    def failing(dataset, code, *args, **kwargs):
        tried.append(code)
        if code == "relief":
            raise RuntimeError("broken view")
        return real(dataset, code, *args, **kwargs)

    monkeypatch.setattr(page_module, "section_view", failing)
    assert window.load_folder(DEFAULT_DATA)
    codes = window.tabs.section_codes()
    qtbot.waitUntil(lambda: _prepared(window) == set(codes) - {"relief"}, timeout=5000)
    qtbot.wait(50)  # idle turns: the failing view is not tried again and again
    assert tried.count("relief") == 1
    page = window.tabs.pages["relief"]
    assert not page._views
    window.set_language("en")  # a new state: tried once more, in idle time
    qtbot.waitUntil(lambda: tried.count("relief") == 2, timeout=5000)
    window.set_language("zh")
    monkeypatch.setattr(page_module, "section_view", real)
    window.select_tab("relief")
    assert window.tab("relief").kpis and window.tabs.is_filled("relief")


def test_a_page_keeps_only_its_most_recent_views(main_window, qtbot):
    """Flipping through the years keeps a few views per tab, the latest, not one per year."""
    from zoneapp.ui.tabs.page import KEPT_VIEWS

    window = main_window
    assert window.load_folder(Path(__file__).parent / "data" / "regions31")
    page = window.tab(window.current_code())
    periods = window.header.periods()
    assert len(periods) + 2 > KEPT_VIEWS  # the years, all years, and all years in English
    for period in periods + [None]:
        window.state.set_period(period)
    window.state.set_language("en")
    assert len(page._views) <= KEPT_VIEWS
    assert ("en", None) in page._views and next(reversed(page._views)) == ("en", None)
    assert page.view is page._views["en", None]
    window.set_language("zh")


def test_a_tab_chosen_while_views_are_made_paints_before_the_next_one(
        main_window, qtbot, monkeypatch):
    """The idle views never come between a click and the chosen tab's paint."""
    from zoneapp.ui.widgets.after_paint import after_next_paint

    window = main_window
    events = _counting(monkeypatch)  # the views made, and (below) the chosen tab's paint
    assert window.load_folder(DEFAULT_DATA)
    codes = window.tabs.section_codes()
    qtbot.waitUntil(lambda: len(events) >= 2, timeout=5000)  # the idle views have begun
    last = codes[-1]
    assert last not in events  # made last: not yet
    events.clear()
    page = window.tabs.pages[last]
    after_next_paint(page.widget(), lambda: events.append("painted"))
    window.select_tab(last)
    qtbot.waitUntil(lambda: "painted" in events, timeout=5000)
    assert events[:2] == [last, "painted"]


def test_a_tab_not_on_screen_keeps_only_the_view_it_would_show(main_window, qtbot):
    """Every tab prepares a view per state: kept, they were six tabs × four views."""
    window = main_window
    assert window.load_folder(DEFAULT_DATA)
    codes = window.tabs.section_codes()
    other = next(c for c in codes if c != window.current_code())
    for lang in ("en", "zh"):
        window.set_language(lang)
        qtbot.waitUntil(lambda: ("zh" if lang == "zh" else "en", None)
                        in window.tabs.pages[other]._views, timeout=5000)
    assert list(window.tabs.pages[other]._views) == [("zh", None)]
    assert len(window.tab(window.current_code())._views) == 2  # the tab shown keeps both


def test_a_closed_window_makes_no_more_views(main_window, qtbot, monkeypatch):
    window = main_window
    made = _counting(monkeypatch)
    assert window.load_folder(DEFAULT_DATA)
    # painted: the idle views are due once the pause is over
    qtbot.waitUntil(window.tabs._prepare_timer.isActive, timeout=3000)
    window.close()
    qtbot.wait(600)  # past the pause
    assert made == [window.current_code()]
