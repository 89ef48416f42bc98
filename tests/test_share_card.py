"""Share card: phone-width PNG with the zone and source in the footer; copy summary."""
from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QGuiApplication, QImage

from zoneapp.core.loading import load_dataset
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.window.main_window import MainWindow
from zoneapp.ui.output.share_card import CARD_WIDTH, share_card_image
from zoneapp.views.card import footer_text

THREE = Path(__file__).parent / "data" / "three_periods"


def test_card_is_phone_width(zone_app):
    ds = load_dataset(THREE)
    image = share_card_image(ds, "overview", "zh")
    assert image.width() == CARD_WIDTH == 1080
    assert 600 < image.height() < 4000
    footer = footer_text(ds, "zh", None, "2020-01-01")
    assert "示例经济开发区 · 2019年" in footer and "年度工作简报" in footer
    assert "2017" not in footer  # the card is about one year, not the folder's range


def test_footer_punctuation_follows_the_language(zone_app):
    ds = load_dataset(DEFAULT_DATA)
    zh = footer_text(ds, "zh", None, "2020-01-01")
    assert "添薪助燃」——上饶高新区经济社会发展综述，俞小芳" in zh and ", " not in zh
    en = footer_text(ds, "en", None, "2020-01-01")
    assert "综述, 俞小芳" in en


def test_window_share_card_and_summary(zone_app, qtbot, tmp_path):
    window = MainWindow(lang="zh")
    qtbot.addWidget(window)
    window.set_dataset(load_dataset(THREE))
    window.sharing.ask_save_path = lambda *a: tmp_path / "card.png"
    path = window.sharing.share_card()
    assert QImage(str(path)).width() == 1080
    assert QGuiApplication.clipboard().image().width() == 1080
    text = window.sharing.copy_summary()
    assert text.splitlines()[0] == "2019年主营业务收入363亿元，同比增长10%。"
    assert "（推算）" in text  # the derived profit margin
    assert QGuiApplication.clipboard().text() == text


def _card_texts(monkeypatch, ds, lang):
    """The strings share_card_image draws: KPI lines, chart title and legend, footer."""
    from zoneapp.ui.output import share_card

    seen: list[str] = []
    real = share_card._paint

    def spy(dataset, code, lang_, period, cards, chart, today):
        for card in cards:
            seen.extend([card.title, card.yoy_text, card.compare_text])
        if chart is not None:
            seen.extend([chart.title_text(), *chart.legend_labels()])
        seen.append(footer_text(dataset, lang_, period, today))
        return real(dataset, code, lang_, period, cards, chart, today)

    monkeypatch.setattr(share_card, "_paint", spy)
    share_card_image(ds, "overview", lang)
    return "\n".join(seen)


def test_card_follows_its_language_not_the_windows(zone_app, monkeypatch):
    from zoneapp.ui.i18n import install_translator

    ds = load_dataset(THREE)
    install_translator(zone_app, "en")
    try:
        text = _card_texts(monkeypatch, ds, "zh")
        for english in ("YoY", "Derived", "by year", "Source:", "Made with ZoneApp"):
            assert english not in text
        assert "同比" in text and "按年份" in text and "来源" in text
    finally:
        install_translator(zone_app, "zh")
    text = _card_texts(monkeypatch, ds, "en")  # Chinese installed, English card
    for chinese in ("同比", "推算", "按年份", "来源", "生成"):
        assert chinese not in text
    assert "YoY" in text and "by year" in text and "Made with ZoneApp on" in text


def test_card_made_in_dark_mode_is_light_throughout(zone_app, monkeypatch):
    """Issue #17: in dark mode the card's chart had a dark frame and white labels on white."""
    from zoneapp.ui import palette
    from zoneapp.ui.output import share_card

    seen = []
    real = share_card._paint

    def spy(dataset, code, lang, period, cards, chart, today):
        seen.append((chart.plot.backgroundBrush().color().name(), palette.TEXT))
        return real(dataset, code, lang, period, cards, chart, today)

    monkeypatch.setattr(share_card, "_paint", spy)
    palette.use("dark")
    try:
        share_card_image(load_dataset(THREE), "overview", "zh")
        assert palette.current().name == "dark"  # the window's theme is back
    finally:
        palette.use("light")
    assert seen == [(palette.LIGHT.background.lower(), palette.LIGHT.text)]


REGIONS = Path(__file__).parent / "data" / "regions31"
MONTHLY = Path(__file__).parent / "data" / "monthly_targets"


def _painted_kpi_lines(monkeypatch, ds, lang):
    """The KPI lines share_card_image paints, card by card (as laid out by kpi_lines)."""
    from zoneapp.ui.output import share_card

    painted: list[list[str]] = []
    real = share_card.kpi_lines

    def spy(card, lang_, width, title_rows=1):
        lines = real(card, lang_, width, title_rows)
        painted.append([text for text, _, _ in lines])
        return lines

    monkeypatch.setattr(share_card, "kpi_lines", spy)
    image = share_card_image(ds, "overview", lang)
    assert image.width() == CARD_WIDTH
    return image, painted


def test_card_shows_an_entitys_rank_and_share(zone_app, monkeypatch):
    ds = load_dataset(REGIONS)
    _, zh = _painted_kpi_lines(monkeypatch, ds, "zh")
    revenue = next(lines for lines in zh if "高技术产业营业收入（江西）" in lines)
    assert "1,480.3亿元" in revenue and "较2022年 ▲15.3%" in revenue
    assert "第18位（共31），占全国0.8%" in revenue  # the rank beside the change, not instead
    _, en = _painted_kpi_lines(monkeypatch, ds, "en")
    # The rank line may wrap onto a second line on the card: read the card's lines as one text.
    assert any("Rank 18 of 31, 0.8% of the total (National)" in " ".join(lines)
               and "vs 2022 ▲15.3%" in lines for lines in en)


def test_card_shows_a_targets_completion_and_time_elapsed(zone_app, monkeypatch):
    ds = load_dataset(MONTHLY)
    image, zh = _painted_kpi_lines(monkeypatch, ds, "zh")
    revenue = next(lines for lines in zh if "450.2亿元" in lines)
    assert "完成年度目标88.2%" in revenue and "时序进度83.3%，高于4.9个百分点" in revenue
    assert "10月当月：43.7亿元（推算）" in revenue
    tax = next(lines for lines in zh if "6,850万元" in lines)
    assert "时序进度83.3%，低于7.2个百分点" in tax
    _, en = _painted_kpi_lines(monkeypatch, ds, "en")
    revenue = next(lines for lines in en if "45.02 bn yuan" in lines)
    assert "88.2% of the annual target" in revenue
    assert "time elapsed 83.3%, 4.9 points ahead" in revenue
    tax = next(lines for lines in en if "68.5 M yuan" in lines)
    # Too long for one line: wrapped, never cut to "…".
    assert "time elapsed 83.3%, 7.2 points behind" in " ".join(tax) and "…" not in "".join(tax)
    # The long English title wraps rather than losing its period to "…".
    title = " ".join(revenue[:revenue.index("45.02 bn yuan")])
    assert "…" not in title and title.endswith("Jan–Oct 2025 year to date")


def test_card_lines_fit_their_card(zone_app):
    """Every line laid out fits the card's height: the cards grow with a rank or a target."""
    from zoneapp.ui.output import share_card
    from zoneapp.views.sections import section_view

    ds = load_dataset(MONTHLY)
    cards = section_view(ds, "overview", "en", None).kpis
    width = (CARD_WIDTH - 2 * share_card.MARGIN - 20) / 2
    rows = share_card._title_rows(cards, "en", width)
    plain = min(share_card._kpi_height(c, "en", width, rows) for c in cards)
    with_target = share_card._kpi_height(cards[0], "en", width, rows)
    assert cards[0].target_text and with_target > plain + 60  # two lines more


def _painted_texts(monkeypatch, ds, lang, period):
    """Every string the card's painter draws, in order."""
    from zoneapp.ui.output import share_card

    drawn: list[str] = []

    class Recording(share_card.QPainter):
        def drawText(self, *args):  # noqa: N802 (Qt's name)
            drawn.extend(a for a in args if isinstance(a, str))
            return super().drawText(*args)

    monkeypatch.setattr(share_card, "QPainter", Recording)
    share_card_image(ds, "overview", lang, period)
    return drawn


@pytest.mark.parametrize("folder, period, zh, en", [
    (THREE, 2018, "概览 · 2018年", "Overview · 2018"),  # the period chosen
    (THREE, None, "概览 · 2019年", "Overview · 2019"),  # all periods: the latest, as the cards
    (MONTHLY, None, "概览 · 2025年", "Overview · 2025"),
])
def test_card_header_names_the_period_it_is_about(zone_app, monkeypatch, folder, period, zh, en):
    ds = load_dataset(folder)
    years = sorted(ds.manifest.periods)
    assert len(years) > 1  # else a range could not show
    for lang, header in (("zh", zh), ("en", en)):
        drawn = _painted_texts(monkeypatch, ds, lang, period)
        assert drawn[1] == header, drawn[:2]  # under the zone's name
        footer = drawn[-1]
        assert footer.splitlines()[0] == f"{ds.manifest.name(lang)} · {header.split(' · ')[1]}"
        assert ds.manifest.period_label() not in "\n".join(drawn)  # "2017–2019" nowhere


def test_card_period_is_the_latest_its_cards_show():
    """All periods: a section whose figures end before the folder's last year is about its
    own last year; a chosen period is kept; without cards, the folder's latest."""
    import pandas as pd

    from zoneapp.views.card import card_period, period_text
    from zoneapp.views.model import KpiView, SectionView

    ds = load_dataset(THREE)
    cards = [KpiView("a", "A", "1", row=pd.Series({"period": 2017})),
             KpiView("b", "B", "2", row=pd.Series({"period": 2018})), KpiView("c", "C", "3")]
    assert card_period(ds, SectionView("x", "X", "zh", None, kpis=cards)) == 2018
    assert card_period(ds, SectionView("x", "X", "zh", 2017, kpis=cards)) == 2017
    assert card_period(ds, SectionView("x", "X", "zh", None)) == 2019
    assert (period_text(2018, "zh"), period_text(2018, "en"), period_text(None, "en")) == \
        ("2018年", "2018", "")
