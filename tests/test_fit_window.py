"""Nothing is cut off at common window sizes: no tab needs a horizontal scroll bar, KPI titles
wrap, long cells are elided with "…" and shown whole in the tooltip; Qt's own dialog texts
follow the language."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QStyle, QStyleOptionViewItem

from zoneapp.ui.i18n import install_translator
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.window.main_window import MainWindow

THREE = Path(__file__).parent / "data" / "three_periods"


@pytest.mark.parametrize("folder", [DEFAULT_DATA, THREE], ids=["default", "three_periods"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(1280, 800), (960, 600)], ids=["1280x800", "960x600"])
def test_no_tab_is_wider_than_the_window(qtbot, zone_app, lang, size, folder):
    install_translator(zone_app, lang)
    try:
        win = MainWindow(lang=lang, remember=False)
        qtbot.addWidget(win)
        win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        assert win.load_folder(folder)
        for index in range(win.tab_widget.count()):
            win.tab_widget.setCurrentIndex(index)
            page = win.tab_widget.currentWidget()
            qtbot.waitUntil(lambda p=page: p.viewport().width() > 0)
            zone_app.processEvents()
            needed = page.widget().minimumSizeHint().width()
            assert page.horizontalScrollBar().maximum() == 0, (
                f"{win.tab_widget.tabText(index)} needs {needed} px, "
                f"{page.viewport().width()} are visible")
    finally:
        install_translator(zone_app, "zh")


def test_the_same_category_in_two_languages_gets_one_drop_down(qtbot, zone_app):
    win = MainWindow(lang="zh", remember=False)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.load_folder(DEFAULT_DATA)
    bar = win.tab("projects").tables["projects"].filter_bar
    assert "industry_zh" in bar.choice_combos and "industry_en" not in bar.choice_combos
    assert "status_zh" in bar.choice_combos and "status_en" not in bar.choice_combos
    assert bar.choice_combos["industry_zh"].itemText(0) == "行业：全部"
    for combo in bar.choice_combos.values():
        assert combo.width() <= 190
    install_translator(zone_app, "en")
    try:
        win.set_language("en")
        bar = win.tab("projects").tables["projects"].filter_bar
        assert "industry_en" in bar.choice_combos and "industry_zh" not in bar.choice_combos
        # The drop-down stands for the pair: no "(English)" in its name.
        assert bar.choice_combos["industry_en"].itemText(0) == "Industry: all"
    finally:
        install_translator(zone_app, "zh")


def test_qt_dialog_buttons_follow_the_language(qtbot, zone_app):
    try:
        install_translator(zone_app, "zh")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
        install_translator(zone_app, "en")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    finally:
        install_translator(zone_app, "zh")


def _painted_text(view, index: QModelIndex) -> str:
    """The text the view's style draws in a cell: the delegate's text elided to the cell."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.textElideMode = view.textElideMode()
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    view.itemDelegate().initStyleOption(option, index)
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return option.fontMetrics.elidedText(option.text, option.textElideMode,
                                         rect.width() - 2 * margin)


def test_a_long_cell_is_elided_and_whole_in_its_tooltip(qtbot, zone_app):
    win = MainWindow(lang="zh", remember=False)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.load_folder(DEFAULT_DATA)
    win.select_tab("projects")
    panel = win.tab("projects").tables["projects"]
    model, view = panel.model, panel.view
    column = model.column_keys().index("name_zh")
    index = max((model.index(r, column) for r in range(model.rowCount())),
                key=lambda i: len(model.data(i)))
    full = model.data(index)
    view.setColumnWidth(column, view.fontMetrics().horizontalAdvance(full) // 2)
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    painted = _painted_text(view, index)
    assert painted.endswith("…") and painted != full
    assert full in model.data(index, Qt.ItemDataRole.ToolTipRole)
