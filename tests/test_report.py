"""The PDF report: a title page then a page (or more) per section, zone name as text, atomic."""
from __future__ import annotations

from pathlib import Path

import pypdf  # test extra: extracts the PDF's text through its ToUnicode maps

from zoneapp.cli import main
from zoneapp.core.loading import load_dataset
from zoneapp.core.schema import SECTIONS
from zoneapp.ui.output.report import write_report

THREE = Path(__file__).parent / "data" / "three_periods"


def _text(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages]


def test_report_has_title_page_and_each_section(zone_app, tmp_path):
    path = write_report(load_dataset(THREE), tmp_path / "r.pdf", "zh")
    pages = _text(path)
    assert len(pages) >= 1 + len(SECTIONS)
    assert "示例经济开发区" in pages[0] and "2017" in pages[0]
    assert "示例经济开发区年度工作简报" in pages[0]  # the source
    joined = "\n".join(pages)
    for section in SECTIONS:
        assert section.label("zh") in joined
    assert "363亿元" in joined  # a KPI card, drawn as text
    assert all("示例经济开发区" in p for p in pages)  # footer on every page
    assert not list(tmp_path.glob(".*.part"))  # written atomically, no temp file left


def test_report_command_in_english(zone_app, tmp_path):
    out = tmp_path / "en.pdf"
    assert main(["report", str(out), "--data", str(THREE), "--lang", "en"]) == 0
    pages = _text(out)
    assert "Example Economic Development Zone" in pages[0]
    assert "2017‒2019" in pages[0] or "2017–2019" in pages[0]
    assert "Financing" in pages[0]  # no ligature glyph eats the "Fi"
    from zoneapp.ui.i18n import install_translator

    install_translator(zone_app, "zh")


def test_every_section_has_its_page_and_tables_read_as_in_the_app(zone_app, default_dataset,
                                                                  tmp_path):
    from zoneapp.core.units import format_value

    pages = _text(write_report(default_dataset, tmp_path / "zh.pdf", "zh"))
    for section in SECTIONS:  # a section starts a page with its title
        assert any(p.startswith(section.label("zh")) for p in pages[1:]), section.code
    joined = "\n".join(pages)
    row = default_dataset.indicator("revenue", 2018)
    assert format_value(row["value"], row["unit"], row["qualifier"], "zh") in joined  # 约453.1亿元
    assert "453.089" not in joined and "43.0469" not in joined  # no raw numbers
    assert "Qualifier" not in joined and "限定词" not in joined  # merged into the value


def test_english_report_text_extracts_whole_words(zone_app, default_dataset, tmp_path):
    from zoneapp.ui.i18n import install_translator

    install_translator(zone_app, "en")
    try:
        pages = _text(write_report(default_dataset, tmp_path / "en.pdf", "en"))
    finally:
        install_translator(zone_app, "zh")
    for section in SECTIONS:
        assert any(p.startswith(section.label("en")) for p in pages[1:]), section.code
    overview = next(p for p in pages if p.startswith("Overview"))
    assert "Main business revenue and profit by year" in overview  # a chart's title
    assert "Pro t" not in overview and "Pro(t" not in overview and "\ufb01" not in overview
    assert "about 45.31 bn yuan" in "\n".join(pages)  # a table cell, in the report's language


def test_charts_print_one_a_row_at_full_width(zone_app, default_dataset, tmp_path, monkeypatch):
    from zoneapp.ui.output import report

    widths = []
    real = report.chart_export.paint_chart

    def spy(chart, painter, origin):
        widths.append(chart.width())
        real(chart, painter, origin)

    monkeypatch.setattr(report.chart_export, "paint_chart", spy)
    write_report(default_dataset, tmp_path / "w.pdf", "zh")
    assert widths and all(w >= report.PAGE_WIDTH - 2 * report.MARGIN - 2 for w in widths)


def test_a_tables_title_header_and_first_rows_share_a_page(zone_app, default_dataset, tmp_path,
                                                            monkeypatch):
    """Issue #17: a table's title and header sat alone at the foot of a page. A table of at
    most KEEP_ROWS rows is drawn on the page its title is on."""
    from zoneapp.ui.output import report

    title_pages: list[int] = []
    checked = []
    real_text, real_table = report._Writer.text, report._table

    def text(self, value, *args, **kwargs):
        title_pages.append(self.page)
        return real_text(self, value, *args, **kwargs)

    def table(w, title, headers, rows):
        title_pages.clear()
        real_table(w, title, headers, rows)
        if headers and len(rows) <= report.KEEP_ROWS:
            checked.append((title, title_pages[0], w.page))

    monkeypatch.setattr(report._Writer, "text", text)
    monkeypatch.setattr(report, "_table", table)
    write_report(default_dataset, tmp_path / "r.pdf", "zh")
    assert checked  # the seed has short tables (honours: 3 rows)
    assert [c for c in checked if c[1] != c[2]] == []


def test_a_derived_rows_formula_and_the_notes_are_printed(zone_app, default_dataset):
    """Issue #17: a 推算 row had an empty source and no formula in the PDF."""
    from zoneapp.ui.output.report import table_rows

    headers, rows = table_rows(default_dataset.section_indicators("overview"), "indicators", "zh")
    source = headers.index("原文")
    derived = [r for r in rows if "推算" in r[headers.index("口径")]]
    assert derived and all(r[source].startswith("推算：由") for r in derived)
    headers, rows = table_rows(default_dataset.section_indicators("projects"), "indicators", "zh")
    assert "备注" in headers  # the investment bands' note, among others


def test_a_kpi_title_takes_a_third_line_and_its_row_lines_up(zone_app, tmp_path, monkeypatch):
    """As on screen: a title that needs a third line gets one (it was cut at two), and every
    card of its row is as tall, so the figures line up."""
    import shutil

    from zoneapp.paths import ROOT
    from zoneapp.ui.output import report

    folder = tmp_path / "zone"
    shutil.copytree(ROOT / "data", folder)
    csv = folder / "indicators.csv"
    name = "Firms applying for provincial enterprise technology centres"
    long_title = name + " in 2019 and in the years before it"
    csv.write_text(csv.read_text(encoding="utf-8-sig").replace(name, long_title),
                   encoding="utf-8")
    drawn = []
    real = report._kpi

    def spy(w, card, title, rows, rect, font):
        drawn.append((card.title, title, (w.page, rect.top()), rect.height()))
        real(w, card, title, rows, rect, font)

    monkeypatch.setattr(report, "_kpi", spy)
    write_report(load_dataset(folder), tmp_path / "en.pdf", "en")
    long_ = next(d for d in drawn if d[0] == long_title)
    assert len(long_[1]) == 3 and "…" not in "".join(long_[1])
    assert " ".join(long_[1]) == long_title
    row = [d for d in drawn if d[2] == long_[2]]
    assert len(row) > 1 and {d[3] for d in row} == {long_[3]}  # the row lines up
    assert all(d[3] < long_[3] for d in drawn if d[2] != long_[2])  # two-line rows: lower
