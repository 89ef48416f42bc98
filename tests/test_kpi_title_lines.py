"""A KPI card's title takes a third line when it needs one, instead of being cut at two
("Firms recommended as municipal demonstrators of IT–industry int…"); the cards of a row are
as tall as the tallest, so the row lines up."""
from __future__ import annotations

import pytest

from zoneapp.ui.tabs.page import SectionPage
from zoneapp.ui.widgets.kpi import MIN_WIDTH, TITLE_LINES, KpiCard
from zoneapp.ui.widgets.text_fit import wrap_lines
from zoneapp.views.sections import section_view

SECTIONS = ("overview", "projects", "financing", "relief", "innovation", "environment")


def _whole(lines: list[str], title: str) -> bool:
    """The shown lines join to the title: nothing cut, no "…" (a line may end at a space or,
    in "IT–industry", after the dash)."""
    return "".join("".join(lines).split()) == "".join(title.split()) and \
        not any("…" in line for line in lines)


def _longest_english_cards(dataset, n: int = 4):
    views = [k for code in SECTIONS for k in section_view(dataset, code, "en").kpis]
    return sorted(views, key=lambda k: len(k.title), reverse=True)[:n]


def test_the_seed_datas_longest_english_titles_are_shown_whole(zone_app, qtbot,
                                                                default_dataset):
    longest = _longest_english_cards(default_dataset)
    assert any("IT–industry integration" in k.title for k in longest)
    needed_three = 0
    for view in longest:
        card = KpiCard()
        qtbot.addWidget(card)
        card.set_view(view, "en")
        card.show()
        for width in range(MIN_WIDTH, 420, 20):
            card.resize(width, card.height())
            qtbot.waitUntil(lambda: card.width() == width)
            label = card.title_label
            # where three lines hold the title (the first beside a badge), it is shown whole
            room = label.width() - (card.badge.width() + 6 if card.is_derived() else 0)
            fits = not wrap_lines(view.title, label.font(), label.width(), TITLE_LINES,
                                  room)[-1].endswith("…")
            if not fits:
                continue
            lines = card.title_lines()
            assert _whole(lines, view.title), (width, lines)
            needed_three += len(lines) == 3
            # and the card is tall enough for the lines: the title does not run into the figure
            assert label.geometry().bottom() < card.value_label.geometry().top()
    assert needed_three  # the widths tried include ones where a third line is needed


def test_a_row_with_a_three_line_title_lines_up(zone_app, qtbot, default_dataset):
    page = SectionPage("innovation")
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.set_dataset(default_dataset, "en")
    page.show()
    qtbot.waitExposed(page)
    cards = page.kpis
    tall = next(c for c in cards if "IT–industry integration" in c.title_text())
    qtbot.waitUntil(lambda: len(tall.title_lines()) == 3)
    for card in cards:
        assert _whole(card.title_lines(), card.title_text())
    rows: dict[int, list[KpiCard]] = {}
    for card in cards:
        rows.setdefault(card.y(), []).append(card)
    assert len(rows) > 1
    heights = {y: {c.height() for c in row} for y, row in rows.items()}
    assert all(len(h) == 1 for h in heights.values()), heights  # a row lines up
    row_of_tall = rows[tall.y()]
    other = [c for y, row in rows.items() if y != tall.y() for c in row]
    # only the row with the three-line title is taller
    assert row_of_tall[0].height() > max(c.height() for c in other)
    assert all(c.height() >= c.needed_height() for c in cards)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_title_beyond_three_lines_is_still_cut_with_an_ellipsis(zone_app, qtbot, lang,
                                                                  default_dataset):
    view = _longest_english_cards(default_dataset, 1)[0] if lang == "en" else \
        section_view(default_dataset, "innovation", "zh").kpis[0]
    view.title = " ".join([view.title] * 4)
    card = KpiCard()
    qtbot.addWidget(card)
    card.set_view(view, lang)
    card.resize(MIN_WIDTH, card.height())
    card.show()
    qtbot.waitUntil(lambda: card.width() == MIN_WIDTH)
    lines = card.title_lines()
    assert len(lines) == TITLE_LINES and lines[-1].endswith("…")
    assert card.title_label.accessibleName() == view.title  # whole for a screen reader
