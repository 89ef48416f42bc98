"""Issue #15, item 1, in the window and its outputs: the tabs, the View menu, the remembered tab,
render, the report and the share card follow the folder's sections."""
from __future__ import annotations

from pathlib import Path

import pypdf
from PySide6.QtGui import QImage

from core_fixtures import INDICATOR_HEADER, indicator, write_csv
from zoneapp import settings
from zoneapp.core.loading import load_dataset
from zoneapp.core.schema import SECTIONS
from zoneapp.paths import DEFAULT_DATA

DECLARED = Path(__file__).parent / "data" / "declared_sections"
DECLARED_ZH = ["综述", "经济运行", "工业"]


def _tabs(window) -> list[str]:
    tabs = window.tab_widget
    return [tabs.tabText(i) for i in range(tabs.count())]


def _undeclared(tmp_path: Path, *sections: str) -> Path:
    """A folder of figures only, one per section, declaring none."""
    folder = tmp_path / "_".join(sections)
    folder.mkdir()
    (folder / "zone.toml").write_text('[zone]\nname_zh = "示例"\nperiods = [2019]\n',
                                      encoding="utf-8")
    write_csv(folder, "indicators.csv", INDICATOR_HEADER,
              [indicator(f"k{i}", str(i + 1), section=s) for i, s in enumerate(sections)])
    return folder


def test_window_shows_the_declared_tabs_and_menu_entries(main_window):
    window = main_window
    assert window.load_folder(DECLARED)
    assert _tabs(window) == DECLARED_ZH
    assert [a.text() for a in window.tabs.view_actions] == DECLARED_ZH
    assert [a.shortcut().toString() for a in window.tabs.view_actions] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    window.tabs.view_actions[2].trigger()
    assert window.current_code() == "industry" and window.sharing._current_code() == "industry"
    page = window.tab("industry")
    assert page is window.tab_widget.currentWidget() and page.kpis and page.tables
    assert [k.title_text() for k in page.kpis] == ["规上工业增加值", "规上工业企业"]
    window.set_language("en")
    assert _tabs(window) == ["Summary", "Economy", "Industry"]
    assert [a.text() for a in window.tabs.view_actions] == ["Summary", "Economy", "Industry"]
    assert window.current_code() == "industry"
    window.set_language("zh")


def test_a_load_with_other_sections_rebuilds_the_tabs(main_window, tmp_path):
    window = main_window
    assert window.load_folder(DEFAULT_DATA)
    assert _tabs(window) == [s.zh for s in SECTIONS]
    window.select_tab("relief")
    # relief is still there: it stays the current tab
    assert window.load_folder(_undeclared(tmp_path, "economy", "relief"))
    assert _tabs(window) == ["Economy", "扶贫与就业"]
    assert window.current_code() == "relief" and window.is_filled("relief")
    assert not window.is_filled("economy")  # the others fill when shown, as before
    # no relief in the next folder: the first tab
    assert window.load_folder(DECLARED)
    assert _tabs(window) == DECLARED_ZH and window.current_code() == "summary"
    assert set(window.tab_pages) == {"summary", "economy", "industry"}
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(window.action_open))
                 if not a.shortcut().isEmpty() and a.parent() in (window, window.view_menu)]
    assert len(shortcuts) == len(set(shortcuts))  # the old tabs' Ctrl+4… are gone
    assert window.load_folder(DEFAULT_DATA)  # and back
    assert _tabs(window) == [s.zh for s in SECTIONS]
    assert [a.text() for a in window.tabs.view_actions] == [s.zh for s in SECTIONS]


def test_remembered_tab_of_another_folder_shows_when_it_is_there(qtbot, zone_app):
    from zoneapp.ui.window.main_window import MainWindow

    settings.set_value("window/last_tab", "industry")
    window = MainWindow(lang="zh")
    qtbot.addWidget(window)
    window.restore_window_settings()
    assert window.load_folder(DECLARED)
    assert window.current_code() == "industry"
    window.close()
    assert settings.get("window/last_tab") == "industry"

    settings.set_value("window/last_tab", "relief")  # not in the folder: the first tab
    other = MainWindow(lang="zh")
    qtbot.addWidget(other)
    other.restore_window_settings()
    assert other.load_folder(DECLARED)
    assert other.current_code() == "summary"


def test_render_writes_a_png_per_declared_section(zone_app, tmp_path):
    from zoneapp.ui.output.render import render_tabs

    written = render_tabs(tmp_path / "out", DECLARED, "zh", (1280, 800), full_page=False)
    assert [p.name for p in written] == ["01_summary.png", "02_economy.png", "03_industry.png"]
    assert len({p.read_bytes() for p in written}) == 3
    assert all(QImage(str(p)).width() == 1280 for p in written)


def test_report_lists_and_shows_the_declared_sections(zone_app, tmp_path):
    from zoneapp.ui.output.report import write_report

    path = write_report(load_dataset(DECLARED), tmp_path / "r.pdf", "zh")
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(str(path)).pages]
    assert "、".join(DECLARED_ZH) in pages[0]
    for label in DECLARED_ZH:  # a section starts a page with its title
        assert any(p.startswith(label) for p in pages[1:]), label
    assert not any(p.startswith(s.zh) for s in SECTIONS for p in pages[1:])


def test_share_card_names_the_declared_section(zone_app, monkeypatch):
    from PySide6.QtGui import QPainter

    from zoneapp.ui.output import share_card

    drawn: list[str] = []

    class Recording(QPainter):
        def drawText(self, *args):  # noqa: N802 (Qt's name)
            drawn.extend(a for a in args if isinstance(a, str))
            return super().drawText(*args)

    monkeypatch.setattr(share_card, "QPainter", Recording)
    image = share_card.share_card_image(load_dataset(DECLARED), "economy", "zh")
    assert not image.isNull()
    assert any(text.startswith("经济运行 · ") for text in drawn)


def test_tables_name_the_declared_sections_and_their_export_reads_back(main_window, tmp_path):
    from zoneapp.core.loading import load_table
    from zoneapp.core.manifest import declared_sections
    from zoneapp.core.schema import INDICATORS

    window = main_window
    assert window.load_folder(DECLARED)
    panel = window.select_tab("economy").tables["indicators"]
    column = panel.model.column_keys().index("section")
    assert {panel.model.display_text(r, column) for r in range(panel.model.rowCount())} == \
        {"经济运行"}
    out = panel.model.frame()
    from zoneapp.core.io.export import export_frame

    path = export_frame(out, tmp_path / "indicators.csv", panel.model.table(), "zh")
    back, problems = load_table(path, INDICATORS, path.name, sections=declared_sections(DECLARED))
    assert not [p for p in problems if p.column == "板块"]  # 经济运行 reads back as economy
    assert set(back["section"]) == {"economy"}
