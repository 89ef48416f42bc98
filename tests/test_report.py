"""The PDF report: a title page then a page (or more) per section, zone name as text, atomic."""
from __future__ import annotations

from pathlib import Path

import pypdf  # test extra: extracts the PDF's text through its ToUnicode maps

from zoneapp.cli import main
from zoneapp.core.loading import load_dataset
from zoneapp.core.schema import SECTIONS
from zoneapp.ui.report import write_report

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
    from zoneapp.app import install_translator

    install_translator(zone_app, "zh")
