"""A section page makes its charts and tables when they come near the viewport: scrolled to
by keyboard, wheel or program, each is there before it shows; placeholders keep the page as
tall as it will be; whatever asks for a chart or table gets it; and a section's rankings
from the dataset's index are those computed from the section's rows alone."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from bench.make_province import write as write_province
from zoneapp.core.loading import load_dataset
from zoneapp.ui.tabs.page import SectionPage
from zoneapp.ui.widgets.view_state import TableState
from zoneapp.views import ranking
from zoneapp.views.entities import split_rows


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """60 figures over six sections: ten ranked charts, each with its total by month
    (views/entity_trend.py), and eleven tables a tab."""
    folder = write_province(tmp_path_factory.mktemp("lazy") / "province", entities=24,
                            months=14, figures=60, seed=2)
    return load_dataset(folder)


@pytest.fixture
def page(zone_app, qtbot, province):
    page = SectionPage(province.sections[1].code)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    page.set_dataset(province, "zh")
    QApplication.processEvents()
    return page


def _unbuilt_on_screen(page) -> list[str]:
    """Keys of charts and tables still a placeholder where the viewport shows them."""
    top = page.verticalScrollBar().value()
    bottom = top + page.viewport().height()
    return [s.key for w in (page.charts, page.tables) for s in w.waiting()
            if s.placeholder.y() < bottom and s.placeholder.y() + s.height > top]


def _all_built(page) -> bool:
    return not page.charts.waiting() and not page.tables.waiting()


def test_only_what_is_near_the_viewport_is_made_at_first(page):
    assert len(page.charts) == 20 and len(page.tables) == 11
    assert page.kpis and all(card.value_text() for card in page.kpis)
    built = page.charts.built()
    assert 0 < len(built) < len(page.charts)
    assert all(chart.isVisible() for chart in built.values())
    assert not page.tables.built()  # the tables are far below the fold
    assert _unbuilt_on_screen(page) == []


def test_the_next_screen_is_made_after_the_first_paint(page, qtbot):
    screen = page.viewport().height()

    def next_screen_made() -> bool:
        return not [s for w in (page.charts, page.tables) for s in w.waiting()
                    if s.placeholder.y() < 2 * screen]

    qtbot.waitUntil(next_screen_made, timeout=5000)
    assert page.verticalScrollBar().value() == 0
    assert page.tables.waiting()  # not the whole page: only a screen ahead


def test_page_down_to_the_end_makes_each_before_it_shows(page, qtbot):
    tall = page.widget().height()
    page.setFocus()
    bar = page.verticalScrollBar()
    steps = 0
    while bar.value() < bar.maximum():
        qtbot.keyClick(page, Qt.Key.Key_PageDown)
        QApplication.processEvents()
        assert _unbuilt_on_screen(page) == [], bar.value()
        steps += 1
        assert steps < 200
    assert steps > 3
    assert _all_built(page)  # every chart and table exists after scrolling to the end
    assert all(w.isVisible() for w in page.charts.built().values())
    assert all(w.isVisible() for w in page.tables.built().values())
    assert page.widget().height() == tall  # the placeholders were as tall as what came
    panel = page.tables.built()["indicators"]
    assert panel.model.rowCount() == len(page.view.tables[-1].frame)


def test_the_wheel_makes_what_it_scrolls_to(page, qtbot):
    viewport = page.viewport()
    bar = page.verticalScrollBar()
    for _ in range(12):
        before = bar.value()
        wheel = QWheelEvent(QPointF(200, 200), QPointF(viewport.mapToGlobal(QPoint(200, 200))),
                            QPoint(0, 0), QPoint(0, -120 * 3), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, wheel)
        QApplication.processEvents()
        assert bar.value() > before
        assert _unbuilt_on_screen(page) == []


def test_ensure_visible_and_asking_for_a_widget_make_it(page):
    last = list(page.tables)[-1]
    assert last not in page.tables.built()
    panel = page.show_table_row("indicators", None)  # as the problems panel asks
    assert panel is page.tables[last] and panel.isVisible()
    assert panel.model.rowCount() > 0
    bar = page.verticalScrollBar()
    assert bar.value() > 0 and _unbuilt_on_screen(page) == []
    page.ensureVisible(0, 0)  # back to the top by program: what shows there is made
    QApplication.processEvents()
    assert bar.value() == 0 and _unbuilt_on_screen(page) == []
    charts = dict(page.charts)  # whoever reads them all gets them all
    assert len(charts) == 20 and all(c.title_text() for c in charts.values())


def test_a_hidden_page_makes_nothing_until_shown(zone_app, qtbot, province):
    page = SectionPage(province.sections[2].code)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.set_dataset(province, "zh")
    assert page.kpis and not page.charts.built() and not page.tables.built()
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    assert page.charts.built() and _unbuilt_on_screen(page) == []


def test_a_table_made_later_gets_the_state_kept_for_it(page):
    key = list(page.tables)[0]
    column = str(page.tables.slots[key].view.frame.columns[1])
    kept = TableState(sort_key=column, sort_order=Qt.SortOrder.DescendingOrder)
    page.restore_view_state({"tables": {key: kept}, "scroll": 0})
    assert key not in page.tables.built()
    assert page.view_state()["tables"][key] is kept  # kept while it waits
    panel = page.tables[key]
    header = panel.view.horizontalHeader()
    assert panel.model.column_keys()[header.sortIndicatorSection()] == column
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_rankings_from_the_dataset_index_are_those_of_the_section_rows(province):
    for section in province.sections:
        rows = split_rows(province.section_indicators(section.code))[1]
        for period in (None, 2015):
            indexed = ranking.entity_views(province, rows, "en", period, section=section.code)
            alone = ranking.entity_views(province, rows, "en", period)
            assert [(c.title, [(b.label, b.value, b.display) for b in c.bars])
                    for c in indexed.charts] == \
                [(c.title, [(b.label, b.value, b.display) for b in c.bars]) for c in alone.charts]
            assert [(k.title, k.compare_text) for k in indexed.kpis] == \
                [(k.title, k.compare_text) for k in alone.kpis]
            for a, b in zip(indexed.tables, alone.tables):
                assert a.frame.equals(b.frame)
