"""View → Growth colours: a rise in red (the Chinese convention) or in green (the Western one),
by default following the UI language. The choice is the setting "ui/growth_colours"."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from zoneapp import settings
from zoneapp.ui import palette


def convention(choice: str, lang: str) -> str:
    """The palette convention for a setting's `choice` in UI language `lang`."""
    if choice in palette.GROWTH_CONVENTIONS:
        return choice
    return "red_up" if lang == "zh" else "green_up"


class GrowthColoursMenu(QMenu):
    """Three choices; picking one stores it, applies it and calls `redraw`."""

    def __init__(self, parent: QWidget, lang: Callable[[], str], redraw: Callable[[], None],
                 remember: bool = True) -> None:
        super().__init__(parent)
        self._lang, self._redraw, self._remember = lang, redraw, remember
        self.choice = settings.get("ui/growth_colours") if remember else "language"
        group = QActionGroup(self)
        self.actions_by_choice: dict[str, QAction] = {}
        for choice in settings.GROWTH_COLOURS:
            action = QAction(self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, c=choice: self.choose(c))
            group.addAction(action)
            self.addAction(action)
            self.actions_by_choice[choice] = action
        self.actions_by_choice[self.choice].setChecked(True)
        self.apply()

    def apply(self) -> str:
        """Set the palette's convention for the current choice and language. -> it."""
        return palette.set_growth_colours(convention(self.choice, self._lang()))

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.actions_by_choice[choice].setChecked(True)
        if self._remember:
            settings.set_value("ui/growth_colours", choice)
        self.apply()
        self._redraw()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("&Growth colours"))
        self.actions_by_choice["language"].setText(
            self.tr("Follow the &language (Chinese: rise in red; English: rise in green)"))
        self.actions_by_choice["red_up"].setText(self.tr("&Red for a rise ▲, green for a fall ▼"))
        self.actions_by_choice["green_up"].setText(self.tr("&Green for a rise ▲, red for a fall ▼"))
